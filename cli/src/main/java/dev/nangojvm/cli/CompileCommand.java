package dev.nangojvm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.toolchain.CheckResult;
import dev.nangojvm.toolchain.CompileResult;
import dev.nangojvm.toolchain.CompiledScript;
import dev.nangojvm.toolchain.Diagnostic;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectChecker;
import dev.nangojvm.toolchain.ProjectLoad;
import dev.nangojvm.toolchain.ScriptCompiler;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ./nango-jvm compile}: like {@code nango compile}, runs Nango's static checks and type-checks every script
 * with the TypeScript compiler (Nango's options, errors as {@code file(line,col): error TSnnnn: message}, static
 * check findings as {@code file(line,col): error <code>: <Nango's message>}), then builds one bundle per script
 * with source maps, cached by content hash; the seed's lint warnings come along. Exit code 1 when nango.yaml, a
 * type check or a bundle fails (as Nango), 0 otherwise; lint warnings never fail a compile.
 */
final class CompileCommand implements Command {
    @Override
    public String name() {
        return "compile";
    }

    @Override
    public String usage() {
        return "compile [--project <dir>] [--json] [--no-type-check] [--no-lint]   type-check, lint and bundle every script"
                + " into .nango-jvm/build (unchanged scripts come from the cache)";
    }

    @Override
    public int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(name(), argv, Set.of("project"), Set.of("json", "no-type-check", "no-lint"));
        if (!args.positionals().isEmpty()) {
            throw new CliException("unexpected_argument", "'compile' takes no arguments, got '" + args.positionals().getFirst()
                    + "'. Use --project <dir> to name the project folder.", 2);
        }
        boolean json = args.has("json");
        long t = System.nanoTime();
        ProjectLoad load = NangoProject.load(args.project());
        ObjectNode doc = Diagnostics.JSON.createObjectNode();
        doc.put("project", args.project().toString());
        List<Diagnostic> all = new ArrayList<>(load.diagnostics());
        if (!json) {
            load.diagnostics().forEach(d -> out.println(render(d)));
        }
        if (load.project() == null || load.hasErrors()) {
            return finish(json, doc, all, false, out);
        }
        boolean typeCheck = !args.has("no-type-check");
        boolean lint = !args.has("no-lint");
        // esbuild (another process) bundles while the TypeScript compiler checks; the output order stays the same
        java.util.concurrent.CompletableFuture<CompileResult> bundling =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> ScriptCompiler.defaults().compile(load));
        // the incremental type-check cache lives next to the bundle cache
        CheckResult checked = typeCheck || lint
                ? ProjectChecker.check(load.project(), typeCheck, lint, load.project().root().resolve(ScriptCompiler.DEFAULT_BUILD_CACHE))
                : null;
        if (checked != null) {
            all.addAll(checked.diagnostics());
            if (!json) {
                checked.typeErrors().forEach(d -> out.println(Diagnostics.tsc(d)));
                checked.lint().forEach(d -> out.println(Diagnostics.lint(d)));
                if (typeCheck) {
                    out.printf("Type check: %d error(s), %.2f s%s%n", checked.typeErrors().stream().filter(Diagnostic::isError).count(),
                            checked.elapsed().toMillis() / 1e3,
                            checked.cachedScripts() == 0 ? "" : " (" + checked.cachedScripts() + " unchanged script(s) from the cache)");
                }
            }
        }
        CompileResult result;
        try {
            result = bundling.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
        all.addAll(result.diagnostics());
        ArrayNode scripts = doc.putArray("scripts");
        for (CompiledScript s : result.scripts()) {
            ObjectNode n = scripts.addObject();
            n.put("integration", s.integrationId());
            n.put("name", s.scriptName());
            n.put("type", s.scriptType().id());
            n.put("source", s.sourcePath());
            n.put("bytes", s.code().length());
            n.put("cached", s.cached());
            if (!json) {
                out.printf("  %-50s %7d bytes%s%n", s.sourcePath(), s.code().length(), s.cached() ? "  (cached)" : "");
            }
        }
        if (!json) {
            result.diagnostics().forEach(d -> out.println(render(d)));
        }
        boolean failed = result.hasErrors() || (checked != null && checked.hasErrors());
        if (!json) {
            out.printf("%s: %d script(s) compiled, %d error(s), %.2f s%n", failed ? "Failed" : "Done", result.scripts().size(),
                    all.stream().filter(Diagnostic::isError).count(), (System.nanoTime() - t) / 1e9);
        }
        return finish(json, doc, all, !failed, out);
    }

    private static int finish(boolean json, ObjectNode doc, List<Diagnostic> all, boolean ok, PrintStream out) {
        if (json) {
            doc.put("ok", ok);
            doc.set("diagnostics", Diagnostics.toJson(all));
            Diagnostics.printJson(doc, out);
        }
        return ok ? 0 : 1;
    }

    static String render(Diagnostic d) {
        return d.toString();
    }
}
