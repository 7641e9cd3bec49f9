package dev.nangojvm.toolchain.bench;

import dev.nangojvm.toolchain.CheckResult;
import dev.nangojvm.toolchain.Diagnostic;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectChecker;
import dev.nangojvm.toolchain.ProjectLoad;
import java.nio.file.Path;

/**
 * Prints the diagnostics of one or more projects: nango.yaml validation, then type errors and lint, with timings.
 * With {@code --oracle}, prints them in a normalised form for comparing with Nango's CLI: {@code V <path> | <message>
 * [<code>]} for validation, {@code T <file>(<line>,<col>): error <code>: <message>} for type errors, no lint;
 * {@code --yaml-only} stops after validation.
 * Run it with {@code ./mvnw -q -pl ts-toolchain exec:java}-style class paths, see the bench package.
 */
public final class CheckMain {
    private CheckMain() {}

    public static void main(String[] args) {
        boolean oracle = false;
        boolean yamlOnly = false;
        for (String dir : args) {
            if (dir.equals("--oracle")) {
                oracle = true;
                continue;
            }
            if (dir.equals("--yaml-only")) {
                yamlOnly = true;
                continue;
            }
            long t0 = System.nanoTime();
            ProjectLoad load = NangoProject.load(Path.of(dir));
            System.out.println("== " + dir);
            for (Diagnostic d : load.diagnostics()) {
                System.out.println(oracle ? "V " + d.pathText() + " | " + d.message() + " [" + d.code() + "]" : "  " + d);
            }
            if (load.project() == null || load.hasErrors() || yamlOnly) {
                continue;
            }
            CheckResult r = ProjectChecker.check(load.project(), true, !oracle);
            for (Diagnostic d : r.typeErrors()) {
                System.out.println((oracle ? "T " : "  TYPE ") + d.file() + "(" + d.line() + "," + d.column() + "): error "
                        + d.code() + ": " + d.message());
            }
            r.lint().forEach(d -> System.out.println("  LINT " + d));
            System.out.printf("%s %d scripts, check %d ms, total %d ms%n", oracle ? "#" : " ",
                    load.project().scripts().size(), r.elapsed().toMillis(), (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
