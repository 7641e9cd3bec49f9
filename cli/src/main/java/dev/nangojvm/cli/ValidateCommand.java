package dev.nangojvm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.toolchain.Integration;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectLoad;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

/**
 * {@code ./nango-jvm validate}: Nango's {@code sync:config.check}. Reads nango.yaml with Nango's two validation
 * stages and prints the errors, or the warnings when there are none, as Nango does. Exit code 1 when nango.yaml
 * is missing or has errors, 0 otherwise (warnings included), like Nango's CLI.
 */
final class ValidateCommand implements Command {
    static final String MISSING_SCRIPT = "missing_script_file";

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String usage() {
        return "validate [--project <dir>] [--json]   check nango.yaml like Nango's sync:config.check (exit 1 on errors)";
    }

    @Override
    public int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(name(), argv, Set.of("project"), Set.of("json"));
        if (!args.positionals().isEmpty()) {
            throw new CliException("unexpected_argument", "'validate' takes no arguments, got '" + args.positionals().getFirst()
                    + "'. Use --project <dir> to name the project folder.", 2);
        }
        var dir = args.project();
        if (!Files.isDirectory(dir) && !Files.isRegularFile(dir)) {
            throw new CliException("project_not_found", "the project folder " + dir + " does not exist; pass --project <dir>"
                    + " naming a folder that holds a nango.yaml", 1);
        }
        ProjectLoad full = NangoProject.load(dir);
        // sync:config.check reads nango.yaml only: a script without its .ts file is compile's business
        ProjectLoad load = new ProjectLoad(full.project(), full.diagnostics().stream()
                .filter(d -> !d.code().equals(MISSING_SCRIPT)).toList());
        boolean ok = load.project() != null && !load.hasErrors();
        if (args.has("json")) {
            ObjectNode doc = Diagnostics.JSON.createObjectNode();
            doc.put("ok", ok);
            doc.put("project", dir.toString());
            doc.set("diagnostics", Diagnostics.toJson(load.diagnostics()));
            if (ok) {
                try {
                    doc.set("integrations", Diagnostics.JSON.readTree(load.project().toNangoJson()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            Diagnostics.printJson(doc, out);
        } else {
            Diagnostics.printYaml(load.diagnostics(), out);
            if (ok) {
                NangoProject p = load.project();
                int syncs = p.integrations().stream().mapToInt(i -> i.syncs().size()).sum();
                int actions = p.integrations().stream().mapToInt(i -> i.actions().size()).sum();
                out.printf("nango.yaml is valid (%s): %d integration(s) [%s], %d sync(s), %d action(s), %d model(s)%n",
                        p.yamlVersion().name().toLowerCase(java.util.Locale.ROOT), p.integrations().size(),
                        String.join(", ", p.integrations().stream().map(Integration::id).toList()), syncs, actions,
                        p.models().size());
            }
        }
        return ok ? 0 : 1;
    }
}
