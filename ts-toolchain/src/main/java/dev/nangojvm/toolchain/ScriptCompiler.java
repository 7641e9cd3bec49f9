package dev.nangojvm.toolchain;

import dev.nangojvm.toolchain.internal.Bundler;
import dev.nangojvm.toolchain.internal.ClasspathTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compiles the TypeScript scripts of a {@link NangoProject} into CommonJS bundles with esbuild, the front door
 * for compilation. Immutable and thread-safe; build one with {@link #builder()} or take {@link #defaults()}.
 *
 * <p>All stale scripts of a project are bundled by <b>one</b> esbuild process (one entry point per script);
 * only if that fails is each script rebuilt alone, so every error is attributed to the scripts it breaks.
 * Options: {@code --bundle --format=cjs --platform=node --target=es2022 --sourcemap=external
 * --main-fields=module,main}, with the {@link #externals()} left as {@code require(...)}. zod resolves from the
 * project's own {@code node_modules} when there is one, else from the bundled webjar (through NODE_PATH).
 * Unchanged scripts are served from a content-hash cache under {@code <project>/.nango-jvm/build/}.
 */
public final class ScriptCompiler {
    /** Modules the host provides through {@code require}; they stay external. */
    public static final Set<String> DEFAULT_EXTERNALS = Set.of("crypto", "url", "node:crypto", "node:url");
    /** The cache folder inside a project, unless {@link Builder#buildCacheDir} says otherwise. */
    public static final String DEFAULT_BUILD_CACHE = ".nango-jvm/build";
    /** How long one esbuild process may run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final Path toolCacheDir;
    private final Path buildCacheDir;
    private final boolean useBuildCache;
    private final List<String> externals;
    private final Path esbuildExecutable;
    private final Duration timeout;

    private ScriptCompiler(Builder b) {
        this.toolCacheDir = b.toolCacheDir;
        this.buildCacheDir = b.buildCacheDir;
        this.useBuildCache = b.useBuildCache;
        this.externals = List.copyOf(new java.util.TreeSet<>(b.externals));
        this.esbuildExecutable = b.esbuildExecutable;
        this.timeout = b.timeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ScriptCompiler defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.toolCacheDir = toolCacheDir;
        b.buildCacheDir = buildCacheDir;
        b.useBuildCache = useBuildCache;
        b.externals = new LinkedHashSet<>(externals);
        b.esbuildExecutable = esbuildExecutable;
        b.timeout = timeout;
        return b;
    }

    /**
     * Compiles every script of {@code project}. Never throws for script problems: unresolvable imports, syntax
     * errors and esbuild failures become {@link Diagnostic}s (codes {@code unresolved_import},
     * {@code compile_error}, {@code esbuild_failed}).
     */
    public CompileResult compile(NangoProject project) {
        Objects.requireNonNull(project, "project");
        Path cache = buildCacheDir != null ? buildCacheDir : project.root().resolve(DEFAULT_BUILD_CACHE);
        return new Bundler(this, project, cache).run();
    }

    /** Compiles the project of a load result; returns an empty result if nothing was loaded. */
    public CompileResult compile(ProjectLoad load) {
        return load.project() == null ? new CompileResult(List.of(), List.of(), 0) : compile(load.project());
    }

    public Path toolCacheDir() {
        return toolCacheDir;
    }

    public boolean useBuildCache() {
        return useBuildCache;
    }

    /** Sorted external module names. */
    public List<String> externals() {
        return externals;
    }

    /** The esbuild binary: the configured one, or the one extracted from the jar into {@link #toolCacheDir()}. */
    public Path esbuild() {
        return esbuildExecutable != null ? esbuildExecutable : ClasspathTools.esbuild(toolCacheDir);
    }

    public Duration timeout() {
        return timeout;
    }

    /** Builder for {@link ScriptCompiler}. */
    public static final class Builder {
        private Path toolCacheDir = ClasspathTools.defaultCacheDir();
        private Path buildCacheDir;
        private boolean useBuildCache = true;
        private Set<String> externals = new LinkedHashSet<>(DEFAULT_EXTERNALS);
        private Path esbuildExecutable;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder() {}

        /**
         * Where the esbuild binary and the zod package are extracted. Default: {@code $NANGO_JVM_CACHE}, else
         * {@code $XDG_CACHE_HOME/nango-jvm}, else {@code ~/.cache/nango-jvm}.
         */
        public Builder toolCacheDir(Path dir) {
            this.toolCacheDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Where bundles are cached. Default: {@code <project>/.nango-jvm/build}. */
        public Builder buildCacheDir(Path dir) {
            this.buildCacheDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Turns the bundle cache off (every compile runs esbuild). Default on. */
        public Builder useBuildCache(boolean use) {
            this.useBuildCache = use;
            return this;
        }

        /** Replaces the external modules. Default {@link #DEFAULT_EXTERNALS}. */
        public Builder externals(Set<String> modules) {
            modules.forEach(m -> requireModuleName(m));
            this.externals = new LinkedHashSet<>(modules);
            return this;
        }

        /** Adds an external module (e.g. {@code soap} if the host provides it). */
        public Builder addExternal(String module) {
            this.externals.add(requireModuleName(module));
            return this;
        }

        /** Uses this esbuild executable instead of the one from the jar (must be the same major behaviour). */
        public Builder esbuildExecutable(Path executable) {
            this.esbuildExecutable = Objects.requireNonNull(executable, "executable");
            return this;
        }

        /** Maximum run time of one esbuild process. Default {@link #DEFAULT_TIMEOUT}. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public ScriptCompiler build() {
            return new ScriptCompiler(this);
        }

        private static String requireModuleName(String m) {
            if (m == null || m.isBlank() || m.contains("=") || m.startsWith(".")) {
                throw new IllegalArgumentException("external must be a bare module name, got \"" + m + "\"");
            }
            return m;
        }
    }
}
