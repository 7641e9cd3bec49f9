package dev.nangojvm.cli;

import dev.nangojvm.toolchain.CompileResult;
import dev.nangojvm.toolchain.CompiledScript;
import dev.nangojvm.toolchain.Diagnostic;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectLoad;
import dev.nangojvm.toolchain.ScriptCompiler;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code ./nango-jvm compile}: one bundle per script, with source maps, cached by content hash. */
final class CompileCommand implements Command {
    @Override
    public String name() {
        return "compile";
    }

    @Override
    public String usage() {
        return "compile [--project <dir>]     compile every script into .nango-jvm/build (esbuild; unchanged scripts come from the cache)";
    }

    @Override
    public int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(name(), argv, Set.of("project"), Set.of());
        long t = System.nanoTime();
        ProjectLoad load = NangoProject.load(args.project());
        load.diagnostics().forEach(d -> out.println(render(d)));
        if (load.project() == null || load.hasErrors()) {
            return 1;
        }
        CompileResult result = ScriptCompiler.defaults().compile(load);
        result.diagnostics().forEach(d -> out.println(render(d)));
        for (CompiledScript s : result.scripts()) {
            out.printf("  %-50s %7d bytes%s%n", s.sourcePath(), s.code().length(), s.cached() ? "  (cached)" : "");
        }
        out.printf("%s: %d script(s) compiled, %d error(s), %.2f s%n", result.hasErrors() ? "Failed" : "Done",
                result.scripts().size(), result.errors().size(), (System.nanoTime() - t) / 1e9);
        return result.hasErrors() ? 1 : 0;
    }

    static String render(Diagnostic d) {
        return d.toString();
    }
}
