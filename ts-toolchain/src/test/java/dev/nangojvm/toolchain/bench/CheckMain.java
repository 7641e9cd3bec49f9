package dev.nangojvm.toolchain.bench;

import dev.nangojvm.toolchain.CheckResult;
import dev.nangojvm.toolchain.Diagnostic;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectChecker;
import dev.nangojvm.toolchain.ProjectLoad;
import java.nio.file.Path;

/**
 * Prints the diagnostics of one or more projects: nango.yaml validation, type errors and lint, with timings.
 * {@code java -cp ... dev.nangojvm.toolchain.bench.CheckMain <dir>...} (see the package README of bench).
 */
public final class CheckMain {
    private CheckMain() {}

    public static void main(String[] args) {
        for (String dir : args) {
            long t0 = System.nanoTime();
            ProjectLoad load = NangoProject.load(Path.of(dir));
            System.out.println("== " + dir);
            load.diagnostics().forEach(d -> System.out.println("  " + d));
            if (load.project() == null) {
                continue;
            }
            CheckResult r = ProjectChecker.check(load.project(), true, true);
            for (Diagnostic d : r.typeErrors()) {
                System.out.println("  TYPE " + d.file() + "(" + d.line() + "," + d.column() + "): error " + d.code() + ": "
                        + d.message());
            }
            r.lint().forEach(d -> System.out.println("  LINT " + d));
            System.out.printf("  %d scripts, check %d ms, total %d ms%n", load.project().scripts().size(),
                    r.elapsed().toMillis(), (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
