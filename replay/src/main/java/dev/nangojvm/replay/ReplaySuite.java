package dev.nangojvm.replay;

import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.toolchain.CompileResult;
import dev.nangojvm.toolchain.CompiledScript;
import dev.nangojvm.toolchain.Diagnostic;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectLoad;
import dev.nangojvm.toolchain.ScriptCompiler;
import dev.nangojvm.toolchain.ScriptSource;
import dev.nangojvm.toolchain.ScriptType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The replay of a whole project: finds its integrations (a {@code nango-integrations/} root, one
 * integration folder of the integration-templates repo, or a folder of such folders), their
 * generated tests and scripts, compiles what the tests import and replays every test.
 *
 * <pre>{@code
 * ReplayReport report = ReplaySuite.builder(Path.of("nango-integrations")).build().run();
 * }</pre>
 */
public final class ReplaySuite {
    /** Where a project that installed {@code @nangohq/providers} keeps the catalog, tried in each folder up from the project. */
    public static final List<String> CATALOG_LOCATIONS = List.of(
            "node_modules/@nangohq/providers/providers.yaml",
            "node_modules/@nangohq/providers/dist/providers.yaml");

    private final Path projectDir;
    private final Set<String> integrations;
    private final Set<String> scripts;
    private final Path providersFile;
    private final ProviderCatalog catalog;
    private final Duration timeout;
    private final ScriptCompiler compiler;

    private ReplaySuite(Builder b) {
        this.projectDir = b.projectDir.toAbsolutePath().normalize();
        this.integrations = Set.copyOf(b.integrations);
        this.scripts = Set.copyOf(b.scripts);
        this.providersFile = b.providersFile;
        this.catalog = b.catalog;
        this.timeout = b.timeout;
        this.compiler = b.compiler;
    }

    public static Builder builder(Path projectDir) {
        return new Builder(projectDir);
    }

    /** One integration folder to replay: its scripts (from nango.yaml) and its generated tests. */
    public record Integration(String id, Path dir, NangoProject project, List<ScriptSource> scripts, List<ReplayCase> cases) { }

    /** What {@link #plan()} found, with the problems met on the way. */
    public record Plan(List<Integration> integrations, List<String> warnings) { }

    /**
     * The integrations and tests this suite would replay, filters applied. Alias folders (whose
     * nango.yaml is a symlink) are left out of a folder of integrations: they have no tests of
     * their own.
     */
    public Plan plan() {
        List<String> warnings = new ArrayList<>();
        List<Integration> out = new ArrayList<>();
        boolean collection = !Files.exists(projectDir.resolve("nango.yaml"));
        for (ProjectLoad load : NangoProject.loadAll(projectDir)) {
            NangoProject project = load.project();
            if (project == null) {
                load.errors().forEach(d -> warnings.add("cannot load a project: " + d));
                continue;
            }
            if (collection && Files.isSymbolicLink(project.yamlFile())) continue;
            for (var integration : project.integrations()) {
                if (!integrations.isEmpty() && !integrations.contains(integration.id())) continue;
                Path nested = project.root().resolve(integration.id());
                Path dir = Files.isDirectory(nested) ? nested : project.root();
                List<ScriptSource> own = project.scripts().stream()
                        .filter(s -> s.integrationId().equals(integration.id()) && s.type() != ScriptType.ON_EVENT)
                        .filter(s -> scripts.isEmpty() || scripts.contains(s.name())).toList();
                List<ReplayCase> cases = new ArrayList<>();
                try {
                    for (ReplayCase c : CaseDiscovery.discover(dir)) {
                        if (scripts.isEmpty() || scripts.contains(c.scriptName())) cases.add(c);
                    }
                } catch (RuntimeException e) {
                    warnings.add(integration.id() + ": " + e.getMessage());
                }
                out.add(new Integration(integration.id(), dir, project, own, cases));
            }
        }
        if (!integrations.isEmpty()) {
            Set<String> found = new LinkedHashSet<>();
            out.forEach(i -> found.add(i.id()));
            integrations.stream().filter(i -> !found.contains(i)).sorted()
                    .forEach(i -> warnings.add("integration '" + i + "' is not in " + projectDir));
        }
        return new Plan(out, warnings);
    }

    /** The provider catalog file: the configured one, else the first of {@link #CATALOG_LOCATIONS} from the project up. */
    public Optional<Path> providersFile() {
        if (providersFile != null) return Optional.of(providersFile);
        for (Path dir = projectDir; dir != null; dir = dir.getParent()) {
            for (String rel : CATALOG_LOCATIONS) {
                if (Files.isRegularFile(dir.resolve(rel))) return Optional.of(dir.resolve(rel));
            }
        }
        return Optional.empty();
    }

    /** Replays everything; {@code progress} sees each script's verdict as soon as it is known. */
    public ReplayReport run(Consumer<ScriptResult> progress) {
        Plan plan = plan();
        List<ScriptResult> results = new ArrayList<>();
        try (Session session = open()) {
            for (Integration integration : plan.integrations()) {
                for (ScriptSource s : integration.scripts()) {
                    ScriptResult r = session.replay(integration, s);
                    results.add(r);
                    progress.accept(r);
                }
                session.undeclaredTests(integration);
            }
            List<String> warnings = new ArrayList<>(plan.warnings());
            warnings.addAll(session.warnings());
            return new ReplayReport(results, warnings);
        }
    }

    public ReplayReport run() {
        return run(r -> { });
    }

    /**
     * Starts replaying: loads the provider catalog and a GraalJS engine. Scripts are compiled per
     * integration on first use and kept. Close the session to release the engine.
     */
    public Session open() {
        return new Session();
    }

    /** A replay in progress: one engine, one provider catalog, compiled bundles cached per integration. Thread-safe. */
    public final class Session implements AutoCloseable {
        private final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Map<Path, Map<String, Compiled>> compiled = new java.util.concurrent.ConcurrentHashMap<>();
        private final Replayer replayer;

        private Session() {
            ProviderCatalog providers = catalog != null ? catalog : providersFile().map(ProviderCatalog::load).orElseGet(() -> {
                warnings.add("no provider catalog (--providers <providers.yaml>, or node_modules/@nangohq/providers in the project): "
                        + "every nango.paginate() call fails as for an unknown provider");
                return ProviderCatalog.empty();
            });
            this.replayer = Replayer.builder().providers(providers).timeout(timeout).build();
        }

        /** Replays every test of {@code integration} that imports {@code script}; skipped when there is none. */
        public ScriptResult replay(Integration integration, ScriptSource script) {
            ScriptKind kind = script.type() == ScriptType.SYNC ? ScriptKind.SYNC : ScriptKind.ACTION;
            List<CaseResult> caseResults = new ArrayList<>();
            for (ReplayCase c : integration.cases()) {
                if (c.kind() != kind || !c.scriptName().equals(script.name())) continue;
                Compiled bundle = compiled.computeIfAbsent(integration.dir(), d -> compile(integration)).get(key(kind, script.name()));
                caseResults.add(bundle.bundle != null ? replayer.run(c, bundle.bundle)
                        : Replayer.compileError(c, bundle.error, bundle.location));
            }
            return ScriptResult.of(integration.id(), script.name(), kind, caseResults);
        }

        /** Notes the tests that import a script nango.yaml does not declare (they cannot be compiled). */
        void undeclaredTests(Integration integration) {
            for (ReplayCase c : integration.cases()) {
                boolean declared = integration.scripts().stream().anyMatch(s -> s.name().equals(c.scriptName()));
                if (!declared) {
                    warnings.add(c.integrationId() + ": " + c.testName() + " imports " + c.kind().folder() + "/" + c.scriptName()
                            + ".ts, which nango.yaml does not declare; not replayed");
                }
            }
        }

        /** Problems of the session itself, e.g. a missing provider catalog. */
        public List<String> warnings() {
            return List.copyOf(warnings);
        }

        @Override
        public void close() {
            replayer.close();
        }
    }

    private record Compiled(ScriptBundle bundle, String error, String location) { }

    private static String key(ScriptKind kind, String name) {
        return kind.folder() + "/" + name;
    }

    /** Compiles the scripts the integration's tests import, in one esbuild run. */
    private Map<String, Compiled> compile(Integration integration) {
        Set<String> wanted = new LinkedHashSet<>();
        integration.cases().forEach(c -> wanted.add(key(c.kind(), c.scriptName())));
        List<ScriptSource> needed = integration.scripts().stream().filter(s -> wanted.contains(s.type().folder() + "/" + s.name())).toList();
        Map<String, Compiled> out = new LinkedHashMap<>();
        if (needed.isEmpty()) return out;
        NangoProject p = integration.project();
        CompileResult result = compiler.compile(new NangoProject(p.root(), p.yamlFile(), p.yamlVersion(), p.integrations(), p.models(), needed));
        for (CompiledScript cs : result.scripts()) {
            out.put(cs.scriptType().folder() + "/" + cs.scriptName(),
                    new Compiled(new ScriptBundle(cs.bundleName(), cs.code(), cs.sourceMap(), cs.contentHash()), null, null));
        }
        for (ScriptSource s : needed) {
            String k = s.type().folder() + "/" + s.name();
            if (out.containsKey(k)) continue;
            Diagnostic d = result.errors().stream().filter(e -> e.path().equals(List.of(s.integrationId(), s.type().folder(), s.name())))
                    .findFirst().orElseGet(() -> result.errors().stream().findFirst()
                            .orElse(Diagnostic.error("compile_error", "the script did not compile", List.of())));
            out.put(k, new Compiled(null, d.message(), d.location().isEmpty() ? null : d.location()));
        }
        return out;
    }

    /** Configures a {@link ReplaySuite}. */
    public static final class Builder {
        private final Path projectDir;
        private final Set<String> integrations = new LinkedHashSet<>();
        private final Set<String> scripts = new LinkedHashSet<>();
        private Path providersFile;
        private ProviderCatalog catalog;
        private Duration timeout = Replayer.DEFAULT_TIMEOUT;
        private ScriptCompiler compiler = ScriptCompiler.defaults();

        private Builder(Path projectDir) {
            this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
        }

        /** Only these integrations (provider config keys); repeatable. Default: all. */
        public Builder integration(String id) {
            integrations.add(Objects.requireNonNull(id, "id"));
            return this;
        }

        /** Only the scripts with this name; repeatable. Default: all. */
        public Builder script(String name) {
            scripts.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** The provider catalog ({@code providers.yaml} of {@code @nangohq/providers} 0.59.7 for the yaml era). */
        public Builder providers(Path providersYaml) {
            this.providersFile = providersYaml;
            return this;
        }

        /** A catalog already loaded (wins over {@link #providers(Path)} and the project's node_modules). */
        public Builder providers(ProviderCatalog catalog) {
            this.catalog = catalog;
            return this;
        }

        /** Time limit of one test's execution. Default {@link Replayer#DEFAULT_TIMEOUT}. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The compiler (e.g. with another build cache). Default {@link ScriptCompiler#defaults()}. */
        public Builder compiler(ScriptCompiler compiler) {
            this.compiler = Objects.requireNonNull(compiler, "compiler");
            return this;
        }

        public ReplaySuite build() {
            return new ReplaySuite(this);
        }
    }
}
