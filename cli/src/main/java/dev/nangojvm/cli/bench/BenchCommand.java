package dev.nangojvm.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.NangoBindings;
import dev.nangojvm.bindings.SyncConfig;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.bindings.store.StoredConnection;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.host.internal.CompiledBundle;
import dev.nangojvm.host.internal.ContextFactory;
import dev.nangojvm.host.internal.GraalRuntime;
import dev.nangojvm.policy.ScriptPolicy;
import dev.nangojvm.testkit.BenchProjects;
import dev.nangojvm.testkit.FakeProviderServer;
import dev.nangojvm.toolchain.CheckResult;
import dev.nangojvm.toolchain.CompileResult;
import dev.nangojvm.toolchain.CompiledScript;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectChecker;
import dev.nangojvm.toolchain.ScriptCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code ./nango-jvm bench [--quick]}: P1–P6 measured for nango-jvm and, in the same run, for a
 * Node reference runner executing the same bundles the way Nango's runner does. Each line is
 * {@code P<n> <metric> jvm=<v><unit> node=<v><unit> ratio=<jvm/node>}; medians over repeated runs.
 */
public final class BenchCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROJECT_FILES = List.of("nango.yaml", "bench/types.ts", "bench/mappers/to-contact.ts",
            "bench/actions/noop.ts", "bench/actions/map-contacts.ts", "bench/syncs/contacts.ts");

    private final PrintStream out;
    private final boolean quick;
    private final List<String> summary = new ArrayList<>();
    private Path work;
    private Map<String, Path> bundleFiles;
    private Map<String, ScriptBundle> bundles;
    private String node;

    private final java.util.Set<String> only;
    private boolean tuning;

    /** Also runs {@link TuningExperiments} after the metrics. */
    public BenchCommand tuning(boolean on) {
        this.tuning = on;
        return this;
    }

    public BenchCommand(PrintStream out, boolean quick) {
        this(out, quick, metrics(null));
    }

    /** @param only the metrics to run ({@code P1}..{@code P6}); all of them by default */
    public BenchCommand(PrintStream out, boolean quick, java.util.Set<String> only) {
        this.out = out;
        this.quick = quick;
        this.only = only;
    }

    /** Parses {@code --only P1,P3}: every metric when null. */
    public static java.util.Set<String> metrics(String list) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(List.of("P1", "P2", "P3", "P4", "P5", "P6"));
        if (list == null) return all;
        java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
        for (String m : list.split(",")) {
            String id = m.strip().toUpperCase(java.util.Locale.ROOT);
            if (!all.contains(id)) throw new IllegalArgumentException("--only takes metrics P1 to P6 separated by commas, e.g. --only P1,P3; got '" + m.strip() + "'");
            chosen.add(id);
        }
        return chosen;
    }

    public int run() throws Exception {
        work = Files.createTempDirectory("nango-jvm-bench");
        Path project = extract("project", PROJECT_FILES, work.resolve("project"));
        Path runner = extract("", List.of("node-runner.cjs"), work).resolve("node-runner.cjs");
        node = findNode();
        out.println("nango-jvm bench" + (quick ? " --quick" : "") + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version() + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; Node: " + (node == null ? "not found" : nodeVersion()));
        compile(project);
        ScriptPolicy policy = ScriptPolicy.standard().toBuilder().egress(ScriptPolicy.standard().egress().withLoopback()).build();
        int total = quick ? 20_000 : 100_000;
        if (only.contains("P1") || only.contains("P2") || only.contains("P3")) {
            try (IntegrationHost host = IntegrationHost.builder().policy(policy).build();
                 FakeProviderServer api = BenchApi.start(total)) {
                out.println(host.runtime().describe());
                if (only.contains("P1")) p1(host, runner, api);
                if (only.contains("P2")) p2(host, runner, api);
                if (only.contains("P3")) p3(host, policy, runner, api, total);
            }
        }
        if (only.contains("P4")) p4(runner);
        if (only.contains("P5")) p5(runner);
        if (only.contains("P6")) p6();
        if (tuning) {
            out.println();
            out.println("Tuning steps compared in this process (each pair interleaved):");
            new TuningExperiments(out, quick, bundles).run();
        }
        out.println();
        out.println("Summary:");
        summary.forEach(s -> out.println("  " + s));
        return 0;
    }

    private void p1(IntegrationHost host, Path runner, FakeProviderServer api) throws Exception {
        int warmup = quick ? 100 : 300, iterations = quick ? 100 : 300;
        H2Stores stores = H2Stores.inMemory();
        try (stores; NangoBindings nango = NangoBindings.builder().stores(stores).build()) {
            var info = new ExecutionInfo("c", "bench", "bench", "noop", "action", null);
            double jvm = medianMillis(warmup, iterations, () -> time(() -> host.runAction(bundles.get("noop"), nango.startAction(info, e -> { }), null)));
            JsonNode n = node(runner, api, Map.of("mode", "p1", "warmup", warmup, "iterations", iterations));
            line("P1", "warm-execution", jvm, "ms", n == null ? Double.NaN : n.path("median").asDouble(), "ms", true, 1.0);
        }
    }

    private void p2(IntegrationHost host, Path runner, FakeProviderServer api) throws Exception {
        int count = 200_000, warmup = quick ? 2 : 5, iterations = quick ? 3 : 5;
        H2Stores stores = H2Stores.inMemory();
        try (stores; NangoBindings nango = NangoBindings.builder().stores(stores).build()) {
            var info = new ExecutionInfo("c", "bench", "bench", "map-contacts", "action", null);
            JsonNode input = JsonNodeFactory.instance.objectNode().put("count", count);
            double ms = medianMillis(warmup, iterations, () -> time(() -> {
                ExecutionResult r = host.runAction(bundles.get("map-contacts"), nango.startAction(info, e -> { }), input);
                if (!r.succeeded()) throw new IllegalStateException(r.error().toString());
            }));
            JsonNode n = node(runner, api, Map.of("mode", "p2", "warmup", warmup, "iterations", iterations, "count", count));
            line("P2", "mapping-throughput", count / ms * 1000, "rec/s", n == null ? Double.NaN : count / n.path("median").asDouble() * 1000, "rec/s", false, 1.0);
        }
    }

    private void p3(IntegrationHost host, ScriptPolicy policy, Path runner, FakeProviderServer api, int total) throws Exception {
        int warmup = 1, iterations = quick ? 1 : 3;
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < warmup + iterations; i++) {
            Path dir = Files.createTempDirectory(work, "h2");
            try (H2Stores stores = H2Stores.open(dir);
                 NangoBindings nango = NangoBindings.builder()
                         .catalog(ProviderCatalog.of(Map.of("bench", Map.of("auth_mode", "NONE", "proxy", Map.of("base_url", api.baseUrl())))))
                         .stores(stores).egress(policy.egress()).build()) {
                stores.connections().put(new StoredConnection("c", "bench", "bench", JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), null));
                var run = nango.startSync(new ExecutionInfo("c", "bench", "bench", "contacts", "sync", null),
                        new SyncConfig("contacts", List.of("Contact"), "full", false), e -> { });
                long t = System.nanoTime();
                ExecutionResult r = host.runSync(bundles.get("contacts"), run);
                double ms = (System.nanoTime() - t) / 1e6;
                if (!r.succeeded() || r.syncSummary().total().added() != total) throw new IllegalStateException("P3 sync failed: " + r.error());
                if (i >= warmup) times.add(ms);
            }
        }
        JsonNode n = node(runner, api, Map.of("mode", "p3", "warmup", warmup, "iterations", iterations));
        double jvm = total / median(times) * 1000;
        line("P3", "end-to-end-sync", jvm, "rec/s", n == null ? Double.NaN : total / n.path("median").asDouble() * 1000, "rec/s", false, 1.0);
        out.println("   (" + total + " records over loopback; nango-jvm saves into an H2 file database, Node into an in-memory map with the same md5 change detection;"
                + " nango-jvm runs after warm-up: " + times.stream().map(t -> String.format("%.0f ms", t)).toList() + ")");
    }

    /**
     * A one-shot run starts the way {@code ./nango-jvm} starts short verbs: the interpreter with the
     * AOT class cache when the launcher made one. The JIT's cold start is printed beside it.
     */
    private void p4(Path runner) throws Exception {
        int runs = quick ? 2 : 5;
        List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> interpreter = new ArrayList<>(inherited.stream().filter(a -> !isJitFlag(a) && !a.startsWith("-XX:AOTCache")
                && !a.startsWith("-XX:StartFlightRecording")).toList());
        String aot = System.getProperty("nango.jvm.aotCache");
        if (aot != null && Files.isRegularFile(Path.of(aot))) interpreter.addAll(List.of("-XX:AOTCache=" + aot, "-Xlog:aot=error,cds=error"));
        List<String> jit = new ArrayList<>(inherited.stream().filter(a -> !a.startsWith("-XX:AOTCache") && !a.startsWith("-XX:StartFlightRecording")).toList());
        boolean jitAvailable = jit.stream().anyMatch(a -> a.equals("-XX:+EnableJVMCI"));
        List<Double> oneShot = new ArrayList<>(), withJit = new ArrayList<>(), nodeTimes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            oneShot.add(spawn(coldStart(interpreter)));
            if (jitAvailable) withJit.add(spawn(coldStart(jit)));
            if (node != null) nodeTimes.add(spawn(List.of(node, runner.toString(), nodeConfig(null, Map.of("mode", "cold")))));
        }
        line("P4", "cold-start", median(oneShot), "ms", node == null ? Double.NaN : median(nodeTimes), "ms", true, Double.NaN);
        summary.set(summary.size() - 1, summary.getLast() + String.format(" (goal: <= 2000 ms, %s; interpreter%s, as ./nango-jvm starts one-shot verbs%s)",
                median(oneShot) <= 2000 ? "met" : "not met", aot != null ? " + AOT class cache" : ", no AOT cache",
                jitAvailable ? String.format("; with the Graal JIT: %.0f ms", median(withJit)) : ""));
    }

    private List<String> coldStart(List<String> jvmArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStart.class.getName(), bundleFiles.get("noop").toString()));
        return cmd;
    }

    private static boolean isJitFlag(String arg) {
        return arg.equals("-XX:+EnableJVMCI") || arg.equals("-XX:+UnlockExperimentalVMOptions") || arg.startsWith("--upgrade-module-path");
    }

    private void p5(Path runner) throws Exception {
        int contexts = quick ? 300 : 1000;
        var bean = ManagementFactory.getMemoryMXBean();
        try (GraalRuntime runtime = new GraalRuntime()) {
            ContextFactory factory = new ContextFactory(runtime.engine(), ScriptPolicy.standard());
            CompiledBundle bundle = CompiledBundle.of(bundles.get("contacts"));
            List<org.graalvm.polyglot.Context> live = new ArrayList<>();
            // The slope between half and all of the contexts: garbage left by earlier metrics
            // (contexts the reaper is still closing, caches) cannot count for or against it.
            long atHalf = 0;
            for (int i = 0; i < contexts; i++) {
                if (i == contexts / 2) atHalf = settledHeap(bean);
                var c = factory.create(java.io.OutputStream.nullOutputStream());
                // Run the module body, as an execution does, so that its functions and constants exist.
                var module = c.eval("js", "({ exports: {} })");
                c.eval(bundle.source()).execute(module, module.getMember("exports"), c.eval("js", "() => ({})"));
                live.add(c);
            }
            double perContext = (settledHeap(bean) - atHalf) / (double) (contexts - contexts / 2);
            live.forEach(org.graalvm.polyglot.Context::close);
            JsonNode n = node(runner, null, Map.of("mode", "p5", "contexts", contexts));
            double jvmPerGb = (1L << 30) / perContext;
            line("P5", "contexts-per-GB", jvmPerGb, "", n == null ? Double.NaN : n.path("contextsPerGb").asDouble(), "", false, Double.NaN);
            summary.set(summary.size() - 1, summary.getLast() + String.format(" (%.0f KiB per live context; goal: >= 2000 per GB, %s)",
                    perContext / 1024, jvmPerGb >= 2000 ? "met" : "not met"));
        }
    }

    private static long settledHeap(java.lang.management.MemoryMXBean bean) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return bean.getHeapMemoryUsage().getUsed();
    }

    /**
     * P6: what {@code ./nango-jvm compile} does for 100 scripts in a warm JVM: type check + lint (one
     * {@link ProjectChecker#check}) then bundling, without the incremental check cache nor the bundle cache, so every
     * script is really checked and bundled; the split is printed. Nango rejects one model as the output of several
     * syncs, so copy i of the bench sync saves {@code ContactNNN}, a model with {@code Contact}'s fields.
     */
    private void p6() throws IOException {
        Path many = work.resolve("many");
        BenchProjects.writeHundredSyncs(work.resolve("project"), many);
        var load = NangoProject.load(many);
        if (load.project() == null || load.hasErrors()) throw new IllegalStateException("the P6 project is invalid: " + load.errors());
        ScriptCompiler compiler = ScriptCompiler.builder().useBuildCache(false).build();
        int warmup = quick ? 3 : 6, iterations = quick ? 3 : 5;
        List<double[]> runs = new ArrayList<>();
        for (int i = 0; i < warmup + iterations; i++) {
            long t = System.nanoTime();
            CheckResult checked = ProjectChecker.check(load.project(), true, true);
            long c = System.nanoTime();
            CompileResult r = compiler.compile(load);
            long b = System.nanoTime();
            if (r.scripts().size() != 100 || checked.hasErrors()) {
                throw new IllegalStateException("P6 compiled " + r.scripts().size() + " scripts: " + r.errors() + checked.typeErrors());
            }
            if (i == 0) out.printf("P6 first compile in this JVM (cold TypeScript): %.0f ms%n", (b - t) / 1e6);
            if (i >= warmup) runs.add(new double[] {(b - t) / 1e6, (c - t) / 1e6, (b - c) / 1e6});
        }
        runs.sort(java.util.Comparator.comparingDouble(x -> x[0]));
        double[] m = runs.get(runs.size() / 2);
        out.printf("P6 compile-100 jvm=%.0fms node=n/a ratio=n/a (type check + lint %.0f ms, bundle %.0f ms; %s)%n", m[0], m[1], m[2],
            ProjectChecker.engineName());
        summary.add(String.format("P6 compile-100: %.0f ms warm for 100 scripts, type check + lint %.0f ms + bundle %.0f ms, no caches (goal: <= 2000 ms, %s);"
                + " no Node reference: Nango's own compiler is not a dependency", m[0], m[1], m[2], m[0] <= 2000 ? "met" : "not met"));
    }

    // ---- plumbing ------------------------------------------------------------------------------------

    private void compile(Path project) throws IOException {
        CompileResult r = ScriptCompiler.builder().useBuildCache(false).build().compile(NangoProject.load(project));
        if (r.hasErrors()) throw new IllegalStateException("the bench project does not compile: " + r.errors());
        bundles = new java.util.HashMap<>();
        bundleFiles = new java.util.HashMap<>();
        for (CompiledScript s : r.scripts()) {
            bundles.put(s.scriptName(), new ScriptBundle(s.bundleName(), s.code(), s.sourceMap(), s.contentHash()));
            Path f = work.resolve(s.scriptName() + ".cjs");
            Files.writeString(f, s.code());
            bundleFiles.put(s.scriptName(), f);
        }
    }

    private void line(String id, String metric, double jvm, String unit, double node, String nodeUnit, boolean lowerIsBetter, double goal) {
        double ratio = jvm / node;
        String text = String.format("%s %s jvm=%s%s node=%s%s ratio=%s", id, metric, num(jvm), unit,
                Double.isNaN(node) ? "n/a" : num(node), Double.isNaN(node) ? "" : nodeUnit, Double.isNaN(ratio) ? "n/a" : String.format("%.2f", ratio));
        out.println(text);
        String verdict = Double.isNaN(goal) || Double.isNaN(ratio) ? "" : String.format(" (goal: %s %.1fx Node, %s)", lowerIsBetter ? "<=" : ">=", goal,
                (lowerIsBetter ? ratio <= goal : ratio >= goal) ? "met" : "not met");
        summary.add(text + verdict);
    }

    private static String num(double v) {
        return v >= 100 ? String.format("%.0f", v) : String.format("%.2f", v);
    }

    private JsonNode node(Path runner, FakeProviderServer api, Map<String, Object> config) throws Exception {
        if (node == null) return null;
        List<String> cmd = new ArrayList<>(List.of(node));
        if ("p5".equals(config.get("mode"))) cmd.add("--expose-gc");
        cmd.addAll(List.of(runner.toString(), nodeConfig(api, config)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String text = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IllegalStateException("the Node reference failed: " + text);
        return JSON.readTree(text.lines().reduce((a, b) -> b).orElse("{}"));
    }

    private String nodeConfig(FakeProviderServer api, Map<String, Object> config) throws IOException {
        ObjectNode c = JSON.valueToTree(config);
        if (api != null) c.put("baseUrl", api.baseUrl());
        ObjectNode b = c.putObject("bundles");
        b.put("noop", bundleFiles.get("noop").toString()).put("map", bundleFiles.get("map-contacts").toString()).put("sync", bundleFiles.get("contacts").toString());
        return c.toString();
    }

    private static double spawn(List<String> command) throws Exception {
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        if (p.exitValue() != 0 || !text.contains("true")) throw new IllegalStateException("cold start failed: " + text);
        return (System.nanoTime() - t) / 1e6;
    }

    private static double medianMillis(int warmup, int iterations, LongSupplier nanos) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < warmup + iterations; i++) {
            double ms = nanos.getAsLong() / 1e6;
            if (i >= warmup) times.add(ms);
        }
        return median(times);
    }

    private static long time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return System.nanoTime() - t;
    }

    private static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static String findNode() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "node");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    private String nodeVersion() {
        try {
            Process p = new ProcessBuilder(node, "--version").start();
            return new String(p.getInputStream().readAllBytes()).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Path extract(String folder, List<String> files, Path target) throws IOException {
        for (String f : files) {
            String resource = "/dev/nangojvm/cli/bench/" + (folder.isEmpty() ? "" : folder + "/") + f;
            try (InputStream in = BenchCommand.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing bench resource " + resource);
                Path p = target.resolve(f);
                Files.createDirectories(p.getParent());
                Files.copy(in, p);
            }
        }
        return target;
    }
}
