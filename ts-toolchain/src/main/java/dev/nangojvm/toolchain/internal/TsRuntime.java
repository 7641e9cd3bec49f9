package dev.nangojvm.toolchain.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The TypeScript compiler ({@code typescript.js} of the npm package, see the pom) evaluated once per JVM in a
 * GraalJS context, plus {@code nango-ts.js}, our analyzer on top of it (lint rules and Nango-style type checks),
 * and {@code nango-checks.js}, Nango's static compile checks that the type check runs first.
 *
 * <p>A GraalJS context is single-threaded, so every call runs on one dedicated thread with a large stack (the
 * type checker recurses deeply); callers from any thread are serialised. Parsed {@code lib.*.d.ts} files and
 * package declarations stay cached in the context between calls, which is what makes the second and later
 * checks fast.
 */
public final class TsRuntime {
    /** Where the TypeScript package's files live on the class path. */
    static final String TS_RESOURCES = "dev/nangojvm/toolchain/typescript/";
    /** Virtual folder the compiler sees the {@code lib.*.d.ts} files in. */
    public static final String LIB_DIR = "/__nango_jvm__/typescript/lib/";
    /**
     * Virtual folder holding fallback packages for projects without node_modules: {@code node_modules/zod}, and
     * {@code node_modules/@types/node} with its {@code node_modules/undici-types} (see the pom).
     */
    public static final String FALLBACK_DIR = "/__nango_jvm__/fallback/";
    private static final String ZOD_WEBJAR = "META-INF/resources/webjars/zod/";
    /** Where the fallback {@code node_modules} packages other than zod live on the class path. */
    static final String NODE_TYPES_RESOURCES = "dev/nangojvm/toolchain/node-types/";

    private static volatile TsRuntime instance;

    private final ExecutorService thread;
    private Context context;
    private Value analyze;
    private final Files0 files = new Files0();
    private String engineName;
    private final long startupMillis;

    private TsRuntime() {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "nango-jvm-typescript", 256L << 20);
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        call(() -> {
            start();
            return null;
        });
        this.startupMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** The runtime of this JVM, started on first use (a few seconds: parsing typescript.js). */
    public static TsRuntime get() {
        TsRuntime r = instance;
        if (r == null) {
            synchronized (TsRuntime.class) {
                r = instance;
                if (r == null) {
                    r = new TsRuntime();
                    instance = r;
                }
            }
        }
        return r;
    }

    /** How long starting the runtime took (loading typescript.js). */
    public long startupMillis() {
        return startupMillis;
    }

    /** The polyglot engine's implementation name: "Graal Truffle Runtime" when the JIT is on, else "Interpreted". */
    public String engineName() {
        return engineName;
    }

    /**
     * Runs {@code nangoTs.analyze(request)}: the request and the answer are JSON text (see nango-ts.js).
     */
    public String analyze(String requestJson) {
        return analyzeTracked(requestJson).json();
    }

    /**
     * An answer of the analyzer, with what the compiler host saw of the real file system during that call: path
     * to the SHA-256 of the text it read, or {@link #ABSENT} for a path it found missing.
     */
    public record Answer(String json, Map<String, String> reads) {}

    /** The hash {@link Answer#reads} gives a path that does not exist (or cannot be read as text). */
    public static final String ABSENT = "-";

    /** {@link #analyze}, also telling which files the compiler read (for an incremental cache). */
    public Answer analyzeTracked(String requestJson) {
        return call(() -> {
            files.reads.clear();
            String json = analyze.execute(requestJson).asString();
            Answer a = new Answer(json, Map.copyOf(files.reads));
            files.reads.clear();
            return a;
        });
    }

    private <T> T call(java.util.concurrent.Callable<T> task) {
        Future<T> f = thread.submit(task);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new IllegalStateException("interrupted while running the TypeScript compiler", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("TypeScript compiler failed: " + e.getCause(), e.getCause());
        }
    }

    private void start() throws IOException {
        Engine engine;
        try {
            // latency mode: the JIT compiles the compiler's many functions sooner and cheaper. On 2 busy shared
            // cores the best warm 100-script check of a run was 0.74-0.90 s against 0.99-1.18 s in throughput mode
            // (3 runs each, CheckBench); the cold first check did not change. Not an option without the JIT.
            // -Dnangojvm.ts.engineMode=default restores GraalJS's default.
            engine = engineBuilder().option("engine.Mode", System.getProperty("nangojvm.ts.engineMode", "latency")).build();
        } catch (IllegalArgumentException e) {
            engine = engineBuilder().build();
        }
        engineName = engine.getImplementationName();
        context = Context.newBuilder("js").engine(engine)
                .allowHostAccess(HostAccess.newBuilder().allowAccessAnnotatedBy(HostAccess.Export.class).build())
                .option("js.ecmascript-version", "2022")
                .build();
        context.eval(Source.newBuilder("js", resource(TS_RESOURCES + "typescript.js"), "typescript.js")
                .cached(true).build());
        context.eval(Source.newBuilder("js", resource("dev/nangojvm/toolchain/nango-ts.js"), "nango-ts.js").build());
        context.eval(Source.newBuilder("js", resource("dev/nangojvm/toolchain/nango-checks.js"), "nango-checks.js").build());
        Value nangoTs = context.getBindings("js").getMember("nangoTs");
        nangoTs.getMember("init").execute(files, LIB_DIR, FALLBACK_DIR);
        analyze = nangoTs.getMember("analyze");
    }

    private static Engine.Builder engineBuilder() {
        return Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = TsRuntime.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the class path (build ts-toolchain with"
                        + " Maven: it copies the TypeScript compiler into the jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The file system as the TypeScript compiler host sees it: the real one, plus the read-only virtual folders
     * {@link #LIB_DIR} (class path) and {@link #FALLBACK_DIR} (zod from its webjar, Node's types from
     * {@link #NODE_TYPES_RESOURCES}). Strings only cross the
     * boundary; lists are joined with newlines.
     */
    public static final class Files0 {
        private static final Map<String, String> RESOURCE_TEXT = new ConcurrentHashMap<>();
        private static volatile String zodVersionDir;
        /** Real files seen during the current call (only touched on the compiler's thread). */
        final Map<String, String> reads = new java.util.HashMap<>();

        @HostAccess.Export
        public String readFile(String path) {
            String res = virtualResource(path);
            if (res != null) {
                return RESOURCE_TEXT.computeIfAbsent(res, r -> {
                    try (InputStream in = TsRuntime.class.getClassLoader().getResourceAsStream(r)) {
                        return in == null ? "\0missing" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).equals("\0missing") ? null : RESOURCE_TEXT.get(res);
            }
            if (isVirtual(path)) {
                return null;
            }
            String text;
            try {
                text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                text = null;
            }
            reads.put(path, text == null ? ABSENT : BuildCache.sha256(text.getBytes(StandardCharsets.UTF_8)));
            return text;
        }

        @HostAccess.Export
        public boolean fileExists(String path) {
            String res = virtualResource(path);
            if (res != null) {
                return TsRuntime.class.getClassLoader().getResource(res) != null;
            }
            if (isVirtual(path)) {
                return false;
            }
            boolean exists = Files.isRegularFile(Path.of(path));
            if (!exists) {
                reads.putIfAbsent(path, ABSENT);
            }
            return exists;
        }

        @HostAccess.Export
        public boolean directoryExists(String path) {
            if (isVirtual(path)) {
                String dir = path.endsWith("/") ? path : path + "/";
                String zod = FALLBACK_DIR + "node_modules/zod/";
                if (LIB_DIR.startsWith(dir) || zod.startsWith(dir)) {
                    return true;
                }
                if (dir.startsWith(zod)) {
                    // a jar need not list its folders: any folder inside the package counts as present
                    return zodDir() != null;
                }
                String res = virtualResource(dir);
                return res != null && TsRuntime.class.getClassLoader().getResource(res) != null;
            }
            return Files.isDirectory(Path.of(path));
        }

        @HostAccess.Export
        public String getDirectories(String path) {
            if (isVirtual(path)) {
                return "";
            }
            List<String> out = new ArrayList<>();
            try (var children = Files.list(Path.of(path))) {
                children.filter(Files::isDirectory).forEach(c -> out.add(c.getFileName().toString()));
            } catch (IOException | RuntimeException e) {
                return "";
            }
            return String.join("\n", out);
        }

        @HostAccess.Export
        public String realpath(String path) {
            if (isVirtual(path)) {
                return path;
            }
            try {
                Path p = Path.of(path);
                return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? p.toRealPath().toString() : path;
            } catch (IOException | RuntimeException e) {
                return path;
            }
        }

        private static boolean isVirtual(String path) {
            return path.startsWith("/__nango_jvm__/");
        }

        /** The class-path resource behind a virtual path, or null. */
        private static String virtualResource(String path) {
            if (path.startsWith(LIB_DIR)) {
                return TS_RESOURCES + path.substring(LIB_DIR.length());
            }
            String zod = FALLBACK_DIR + "node_modules/zod/";
            if (path.startsWith(zod) || (path + "/").equals(zod)) {
                String dir = zodDir();
                return dir == null ? null : dir + (path.length() > zod.length() ? path.substring(zod.length()) : "");
            }
            String modules = FALLBACK_DIR + "node_modules/";
            if (path.startsWith(modules) && path.length() > modules.length()) {
                return NODE_TYPES_RESOURCES + path.substring(modules.length());
            }
            return null;
        }

        /** {@code META-INF/resources/webjars/zod/<version>/}, found once. */
        private static String zodDir() {
            String d = zodVersionDir;
            if (d == null) {
                String version;
                try {
                    version = ClasspathTools.zodVersion();
                } catch (RuntimeException e) {
                    version = null;
                }
                d = version == null ? "" : ZOD_WEBJAR + version + "/";
                zodVersionDir = d;
            }
            return d.isEmpty() ? null : d;
        }
    }
}
