package dev.nangojvm.toolchain.bench;

import dev.nangojvm.toolchain.CheckResult;
import dev.nangojvm.toolchain.CompileResult;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectChecker;
import dev.nangojvm.toolchain.ProjectLoad;
import dev.nangojvm.toolchain.ScriptCompiler;
import dev.nangojvm.toolchain.internal.TsRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark, not a test: where the time of a compile goes. For each project folder, the first check in this JVM
 * (cold), then warm rounds of type check + lint (one {@link ProjectChecker#check} call) and of bundling (no bundle
 * cache); with {@code -Dnangojvm.ts.timings=true} every check also prints the analyzer's own split (program,
 * checker/binding, type check, lint). {@code --p6 <dir>} first writes the CLI benchmark's 100-script project (100
 * copies of its sync, one mapper, its models) into {@code <dir>}, from the CLI's bench resources.
 * <pre>java $GRAAL_ARGS -Xss8m -cp ts-toolchain/target/test-classes:cli/target/lib/* \
 *     dev.nangojvm.toolchain.bench.CheckBench [--rounds N] [--p6 DIR] [DIR...]</pre>
 */
public final class CheckBench {
    private CheckBench() {}

    public static void main(String[] args) throws IOException {
        int rounds = 5;
        boolean verify = false;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--verify-cache" -> verify = true;
                case "--p6" -> {
                    Path dir = Path.of(args[++i]);
                    dev.nangojvm.testkit.BenchProjects.writeHundredSyncs(Path.of("cli/src/main/resources/dev/nangojvm/cli/bench/project"), dir);
                    dirs.add(dir);
                }
                default -> dirs.add(Path.of(args[i]));
            }
        }
        long t0 = System.nanoTime();
        TsRuntime rt = TsRuntime.get();
        System.out.printf("typescript runtime: %s, started in %d ms (call %d ms)%n", rt.engineName(), rt.startupMillis(),
                (System.nanoTime() - t0) / 1_000_000);
        ScriptCompiler bundler = ScriptCompiler.builder().useBuildCache(false).build();
        for (Path dir : dirs) {
            ProjectLoad load = NangoProject.load(dir);
            if (load.project() == null || load.hasErrors()) {
                System.out.println(dir + ": " + load.errors());
                continue;
            }
            NangoProject project = load.project();
            System.out.printf("== %s: %d scripts%n", dir, project.scripts().size());
            if (verify) {
                verifyCache(project);
                continue;
            }
            List<Long> checks = new ArrayList<>();
            List<Long> bundles = new ArrayList<>();
            for (int i = 0; i <= rounds; i++) {
                long t = System.nanoTime();
                CheckResult r = ProjectChecker.check(project, true, true);
                long check = (System.nanoTime() - t) / 1_000_000;
                t = System.nanoTime();
                CompileResult c = bundler.compile(project);
                long bundle = (System.nanoTime() - t) / 1_000_000;
                System.out.printf("round %d: check %5d ms (%d type errors, %d lint), bundle %4d ms (%d scripts)%s%n", i, check,
                        r.typeErrors().size(), r.lint().size(), bundle, c.scripts().size(), i == 0 ? "  [first]" : "");
                if (i > 0) {
                    checks.add(check);
                    bundles.add(bundle);
                }
            }
            System.out.printf("RESULT %s: check median %d ms (best %d), bundle median %d ms%n", dir.getFileName(), median(checks),
                    checks.stream().mapToLong(Long::longValue).min().orElse(-1), median(bundles));
        }
    }

    /** Checks without the cache, with an empty one, then from it: the three must report the same diagnostics. */
    private static void verifyCache(NangoProject project) throws IOException {
        Path cache = Files.createTempDirectory("nango-jvm-checkcache");
        long t = System.nanoTime();
        CheckResult plain = ProjectChecker.check(project, true, true);
        long a = System.nanoTime();
        CheckResult first = ProjectChecker.check(project, true, true, cache);
        long b = System.nanoTime();
        CheckResult again = ProjectChecker.check(project, true, true, cache);
        long c = System.nanoTime();
        boolean same = plain.diagnostics().equals(first.diagnostics()) && plain.diagnostics().equals(again.diagnostics());
        System.out.printf("%s %d type errors, %d lint; no cache %d ms, cache empty %d ms, cached %d ms (%d of %d scripts)%n",
                same ? "SAME" : "DIFFERENT", plain.typeErrors().size(), plain.lint().size(), (a - t) / 1_000_000,
                (b - a) / 1_000_000, (c - b) / 1_000_000, again.cachedScripts(), project.scripts().size());
        if (!same) {
            System.out.println("  no cache: " + plain.diagnostics());
            System.out.println("  cached:   " + again.diagnostics());
        }
    }

    private static long median(List<Long> l) {
        List<Long> s = l.stream().sorted().toList();
        return s.isEmpty() ? -1 : s.get(s.size() / 2);
    }
}
