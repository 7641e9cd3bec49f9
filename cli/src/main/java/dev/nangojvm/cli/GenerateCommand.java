package dev.nangojvm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.toolchain.Action;
import dev.nangojvm.toolchain.Integration;
import dev.nangojvm.toolchain.ModelArtifacts;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectLoad;
import dev.nangojvm.toolchain.Sync;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ./nango-jvm generate}: what Nango's (yaml-era) {@code nango generate} writes. {@code models.ts},
 * {@code .nango/schema.ts}, {@code .nango/schema.json} and {@code .nango/nango.json} from nango.yaml, plus a starter
 * {@code <integration>/<syncs|actions|on-events>/<name>.ts} for every script that has no file yet (existing files
 * are never overwritten).
 *
 * <p>{@code schema.zod.ts} (zod schemas of the models, as integration-templates makes them with ts-to-zod) is not a
 * Nango artifact, so a plain Nango project does not get one unasked: it is written with {@code --zod}, and refreshed
 * whenever the project already has one, which is what a folder copied from integration-templates expects (its
 * scripts import the schemas, and a nango.yaml edit must reach them as the templates' own script would).
 *
 * <p>Exit codes as Nango's: 1 when two syncs/actions of an integration share a name; 0 otherwise, even when
 * nango.yaml has errors (Nango prints them and writes nothing, but does not fail). Use {@code validate} in scripts.
 */
final class GenerateCommand implements Command {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "generate [--project <dir>] [--zod] [--json]   write models.ts and .nango/ from nango.yaml (and schema.zod.ts"
                + " with --zod or when present), scaffold missing scripts";
    }

    @Override
    public int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(name(), argv, Set.of("project"), Set.of("json", "zod"));
        if (!args.positionals().isEmpty()) {
            throw new CliException("unexpected_argument", "'generate' takes no arguments, got '" + args.positionals().getFirst()
                    + "'. Use --project <dir> to name the project folder.", 2);
        }
        Path dir = args.project();
        ProjectLoad full = NangoProject.load(dir);
        // scripts without a .ts file are what generate scaffolds, not an error
        ProjectLoad load = new ProjectLoad(full.project(), full.diagnostics().stream()
                .filter(d -> !d.code().equals(ValidateCommand.MISSING_SCRIPT)).toList());
        boolean json = args.has("json");
        ObjectNode doc = Diagnostics.JSON.createObjectNode();
        doc.set("diagnostics", Diagnostics.toJson(load.diagnostics()));
        if (!json) {
            Diagnostics.printYaml(load.diagnostics(), out);
        }
        if (load.project() == null || load.hasErrors()) {
            doc.put("ok", false);
            if (json) {
                Diagnostics.printJson(doc, out);
            } else {
                out.println("Nothing generated: fix nango.yaml first.");
            }
            return 0;
        }
        NangoProject project = load.project();
        String duplicate = duplicateName(project);
        if (duplicate != null) {
            doc.put("ok", false);
            doc.put("error", duplicate);
            if (json) {
                Diagnostics.printJson(doc, out);
            } else {
                out.println(duplicate);
            }
            return 1;
        }
        ModelArtifacts.writeAll(project);
        List<String> written = new ArrayList<>(List.of("models.ts", ".nango/schema.ts", ".nango/schema.json",
                ".nango/nango.json"));
        if (args.has("zod") || Files.exists(project.root().resolve(ModelArtifacts.SCHEMA_ZOD_TS))) {
            ModelArtifacts.writeSchemaZodTs(project);
            written.add(ModelArtifacts.SCHEMA_ZOD_TS);
        }
        List<String> created = scaffold(project);
        doc.put("ok", true);
        ArrayNode w = doc.putArray("written");
        written.forEach(w::add);
        ArrayNode c = doc.putArray("created");
        created.forEach(c::add);
        if (json) {
            Diagnostics.printJson(doc, out);
        } else {
            out.println("Wrote " + String.join(", ", written) + " in " + project.root());
            created.forEach(f -> out.println("Created " + f));
        }
        return 0;
    }

    /** Nango's uniqueness rule: within an integration, no sync and action may share a name. */
    private static String duplicateName(NangoProject project) {
        for (Integration in : project.integrations()) {
            Set<String> names = new HashSet<>();
            for (Sync s : in.syncs()) {
                if (!names.add(s.name())) {
                    return message("sync", s.name());
                }
            }
            for (Action a : in.actions()) {
                if (!names.add(a.name())) {
                    return message("action", a.name());
                }
            }
        }
        return null;
    }

    private static String message(String type, String name) {
        return "The " + type + " name " + name + " is duplicated in the nango.yaml file. All sync and action names must be unique.";
    }

    private static List<String> scaffold(NangoProject project) {
        List<String> created = new ArrayList<>();
        for (Integration in : project.integrations()) {
            for (Sync s : in.syncs()) {
                write(project, in.id(), "syncs", s.name(), syncTemplate(s), created);
            }
            for (Action a : in.actions()) {
                write(project, in.id(), "actions", a.name(), actionTemplate(a), created);
            }
            Set<String> events = new LinkedHashSet<>();
            in.onEventScripts().values().forEach(events::addAll);
            for (String name : events) {
                write(project, in.id(), "on-events", name, """
                        import type { NangoAction } from '../../models';

                        export default async function onEvent(nango: NangoAction): Promise<void> {
                            await nango.log('on-event script: replace this with the work to do');
                        }
                        """, created);
            }
        }
        return created;
    }

    private static void write(NangoProject project, String integration, String folder, String name, String text,
            List<String> created) {
        Path root = project.root();
        String rel = integration + "/" + folder + "/" + name + ".ts";
        if (project.script(integration, name).isPresent() || Files.exists(root.resolve(rel))) {
            return;
        }
        try {
            Files.createDirectories(root.resolve(rel).getParent());
            Files.writeString(root.resolve(rel), text, StandardCharsets.UTF_8);
            created.add(rel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(rel), e);
        }
    }

    private static String syncTemplate(Sync s) {
        String model = s.output().isEmpty() ? "unknown" : s.output().getFirst();
        Set<String> types = new LinkedHashSet<>(List.of("NangoSync", "ProxyConfiguration"));
        types.addAll(s.output());
        return "import type { " + String.join(", ", types) + " } from '../../models';\n\n"
                + "export default async function fetchData(nango: NangoSync): Promise<void> {\n"
                + "    const config: ProxyConfiguration = {\n"
                + "        // https://<the API documentation of the list endpoint>\n"
                + "        endpoint: '/replace-me',\n"
                + "        retries: 10\n"
                + "    };\n"
                + "    for await (const page of nango.paginate<" + model + ">(config)) {\n"
                + "        await nango.batchSave<" + model + ">(page, '" + model + "');\n"
                + "    }\n"
                + "}\n";
    }

    private static String actionTemplate(Action a) {
        String output = a.output().isEmpty() ? "void" : a.output().getFirst();
        Set<String> types = new LinkedHashSet<>(List.of("NangoAction", "ProxyConfiguration"));
        types.addAll(a.output());
        if (a.input() != null) {
            types.add(a.input());
        }
        String params = a.input() == null ? "nango: NangoAction" : "nango: NangoAction, input: " + a.input();
        return "import type { " + String.join(", ", types) + " } from '../../models';\n\n"
                + "export default async function runAction(" + params + "): Promise<" + output + "> {\n"
                + "    const config: ProxyConfiguration = {\n"
                + "        // https://<the API documentation of the endpoint>\n"
                + "        endpoint: '/replace-me',\n"
                + (a.input() == null ? "" : "        data: input,\n")
                + "        retries: 3\n"
                + "    };\n"
                + "    const response = await nango." + (a.endpoint() == null ? "post" : method(a.endpoint().method()))
                + "<" + output + ">(config);\n"
                + "    return response.data;\n"
                + "}\n";
    }

    private static String method(String m) {
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        return Set.of("get", "post", "put", "patch", "delete").contains(lower) ? lower : "post";
    }
}
