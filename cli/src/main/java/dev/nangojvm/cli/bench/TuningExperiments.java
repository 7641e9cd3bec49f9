package dev.nangojvm.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.NangoBindings;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.host.internal.ContextFactory;
import dev.nangojvm.host.internal.GraalRuntime;
import dev.nangojvm.policy.ScriptPolicy;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * {@code ./nango-jvm bench --tuning}: the tuning steps that can be compared inside one process,
 * each pair interleaved so that machine load hits both sides alike. Engine-wide settings (the JIT,
 * {@code engine.Mode}, compiler threads) need a process each: run {@code bench} with
 * {@code NANGO_JVM_JIT} / {@code NANGO_JVM_OPTS} for those.
 */
final class TuningExperiments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final boolean quick;
    private final Map<String, ScriptBundle> bundles;

    TuningExperiments(PrintStream out, boolean quick, Map<String, ScriptBundle> bundles) {
        this.out = out;
        this.quick = quick;
        this.bundles = bundles;
    }

    void run() throws Exception {
        preparedContexts();
        warmUp();
        sourceCache();
        jsonCrossing();
    }

    /** P1 with contexts made on demand versus kept ready by the background thread. */
    private void preparedContexts() throws Exception {
        int rounds = quick ? 10 : 30;
        int[] sizes = {0, 2};
        IntegrationHost[] hosts = new IntegrationHost[sizes.length];
        for (int k = 0; k < sizes.length; k++) hosts[k] = IntegrationHost.builder().preparedContexts(sizes[k]).build();
        try (H2Stores stores = H2Stores.inMemory(); NangoBindings nango = NangoBindings.builder().stores(stores).build()) {
            var info = new ExecutionInfo("c", "bench", "bench", "noop", "action", null);
            List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>());
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < sizes.length; k++) {
                    for (int i = 0; i < 20; i++) {
                        long t = System.nanoTime();
                        hosts[k].runAction(bundles.get("noop"), nango.startAction(info, e -> { }), null);
                        if (round >= rounds / 3) times.get(k).add((System.nanoTime() - t) / 1e6);
                    }
                }
            }
            out.printf("T1 prepared-contexts p1(on demand)=%.2fms p1(2 kept ready)=%.2fms ratio=%.2f%n",
                    median(times.get(0)), median(times.get(1)), median(times.get(1)) / median(times.get(0)));
        } finally {
            for (IntegrationHost h : hosts) h.close();
        }
    }

    /** The first execution of a bundle on a running host, with and without {@code warmUp(bundle)} before it. */
    private void warmUp() throws Exception {
        int trials = quick ? 3 : 5;
        List<Double> cold = new ArrayList<>(), warmed = new ArrayList<>();
        try (H2Stores stores = H2Stores.inMemory(); NangoBindings nango = NangoBindings.builder().stores(stores).build();
             IntegrationHost host = IntegrationHost.builder().build()) {
            var info = new ExecutionInfo("c", "bench", "bench", "map-contacts", "action", null);
            ObjectNode input = JsonNodeFactory.instance.objectNode().put("count", 10);
            for (int i = 0; i < trials; i++) {
                for (boolean warm : new boolean[] {false, true}) {
                    ScriptBundle b = bundles.get("map-contacts");
                    // A distinct name and hash per trial: a bundle the engine has never seen.
                    ScriptBundle fresh = new ScriptBundle(b.name() + "-" + i + warm, b.code() + "\n// " + i + warm, b.sourceMap(), b.contentHash() + i + warm);
                    if (warm) host.warmUp(fresh);
                    long t = System.nanoTime();
                    host.runAction(fresh, nango.startAction(info, e -> { }), input);
                    (warm ? warmed : cold).add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        out.printf("T2 warm-up first-execution(new bundle)=%.1fms first-execution(after warmUp)=%.1fms ratio=%.2f%n",
                median(cold), median(warmed), median(warmed) / median(cold));
    }

    /** Evaluating the bundle in a fresh context from one cached {@code Source} versus a new uncached one each time. */
    private void sourceCache() {
        int n = quick ? 20 : 60;
        String code = "(function (module, exports, require) {" + bundles.get("contacts").code() + "\n})";
        List<Double> cached = new ArrayList<>(), uncached = new ArrayList<>();
        try (GraalRuntime runtime = new GraalRuntime()) {
            ContextFactory factory = new ContextFactory(runtime.engine(), ScriptPolicy.standard());
            Source shared = Source.newBuilder("js", code, "contacts.cjs").cached(true).buildLiteral();
            for (int i = 0; i < n; i++) {
                for (boolean useCache : new boolean[] {true, false}) {
                    Source s = useCache ? shared : Source.newBuilder("js", code, "contacts.cjs").cached(false).buildLiteral();
                    try (Context c = factory.create(OutputStream.nullOutputStream())) {
                        c.initialize("js");
                        long t = System.nanoTime();
                        c.eval(s);
                        if (i >= n / 3) (useCache ? cached : uncached).add((System.nanoTime() - t) / 1e6);
                    }
                }
            }
        }
        out.printf("T3 source-cache eval(uncached Source)=%.2fms eval(shared cached Source)=%.2fms ratio=%.2f%n",
                median(uncached), median(cached), median(cached) / median(uncached));
    }

    /**
     * One page of 1,000 records into a script and 1,000 mapped records back out: as JSON text
     * (what the bridge does) versus as proxies of Java maps in and a walk over guest values out.
     */
    private void jsonCrossing() throws Exception {
        int n = quick ? 60 : 200;
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = 0; i < 1000; i++) page.add(BenchApi.contact(i));
        String pageJson = JSON.writeValueAsString(page);
        try (GraalRuntime runtime = new GraalRuntime()) {
            ContextFactory factory = new ContextFactory(runtime.engine(), ScriptPolicy.standard());
            try (Context c = factory.create(OutputStream.nullOutputStream())) {
                Value fromText = c.eval("js", "(text) => { const a = JSON.parse(text); let s = 0; for (const r of a) s += r.first_name.length + r.tags.length; return s; }");
                Value fromProxy = c.eval("js", "(a) => { let s = 0; for (let i = 0; i < a.length; i++) { const r = a[i]; s += r.first_name.length + r.tags.length; } return s; }");
                Value make = c.eval("js", "(n) => { const a = []; for (let i = 0; i < n; i++) a.push({ id: String(i), email: 'u' + i + '@example.com', tags: ['a', 'b'], score: i / 7 }); return a; }");
                Value stringify = c.eval("js", "(a) => JSON.stringify(a)");
                Value records = make.execute(1000);
                List<Double> inText = new ArrayList<>(), inProxy = new ArrayList<>(), outText = new ArrayList<>(), outWalk = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    fromText.execute(pageJson);
                    long t1 = System.nanoTime();
                    fromProxy.execute(proxy(page));
                    long t2 = System.nanoTime();
                    JSON.readTree(stringify.execute(records).asString());
                    long t3 = System.nanoTime();
                    walk(records);
                    long t4 = System.nanoTime();
                    if (i >= n / 3) {
                        inText.add((t1 - t) / 1e6);
                        inProxy.add((t2 - t1) / 1e6);
                        outText.add((t3 - t2) / 1e6);
                        outWalk.add((t4 - t3) / 1e6);
                    }
                }
                out.printf("T4 json-in  page-of-1000(JSON text + JSON.parse)=%.2fms page-of-1000(proxies of Java maps)=%.2fms ratio=%.2f%n",
                        median(inText), median(inProxy), median(inProxy) / median(inText));
                out.printf("T4 json-out batch-of-1000(JSON.stringify + Jackson)=%.2fms batch-of-1000(walk of guest values)=%.2fms ratio=%.2f%n",
                        median(outText), median(outWalk), median(outWalk) / median(outText));
            }
        }
    }

    private static Object proxy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> p = new LinkedHashMap<>();
            m.forEach((k, x) -> p.put(String.valueOf(k), proxy(x)));
            return ProxyObject.fromMap(p);
        }
        if (v instanceof List<?> l) return ProxyArray.fromList(new ArrayList<>(l.stream().map(TuningExperiments::proxy).toList()));
        return v;
    }

    private static JsonNode walk(Value v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v.isNull()) return f.nullNode();
        if (v.isString()) return f.textNode(v.asString());
        if (v.isBoolean()) return f.booleanNode(v.asBoolean());
        if (v.isNumber()) return v.fitsInLong() ? f.numberNode(v.asLong()) : f.numberNode(v.asDouble());
        if (v.hasArrayElements()) {
            ArrayNode a = f.arrayNode();
            for (long i = 0; i < v.getArraySize(); i++) a.add(walk(v.getArrayElement(i)));
            return a;
        }
        ObjectNode o = f.objectNode();
        for (String k : v.getMemberKeys()) o.set(k, walk(v.getMember(k)));
        return o;
    }

    private static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
