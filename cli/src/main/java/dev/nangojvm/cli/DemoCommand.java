package dev.nangojvm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoBindings;
import dev.nangojvm.bindings.SyncConfig;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.bindings.store.RecordQuery;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.StoredConnection;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.policy.ScriptPolicy;
import dev.nangojvm.testkit.FakeGithubServer;
import dev.nangojvm.toolchain.CompileResult;
import dev.nangojvm.toolchain.CompiledScript;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectLoad;
import dev.nangojvm.toolchain.ScriptCompiler;
import dev.nangojvm.toolchain.Sync;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code ./nango-jvm demo}: the GitHub sample end to end against a loopback fake GitHub. Every
 * step uses the real pieces: esbuild, the sandboxed host, the proxy over HttpClient, the H2 store.
 */
final class DemoCommand implements Command {
    static final String CONNECTION_ID = "demo-connection";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String usage() {
        return "demo [--data <dir>]          run the GitHub sample end to end against a loopback fake GitHub API";
    }

    @Override
    public int run(List<String> argv, PrintStream out) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("data", "project"), Set.of());
        Path home = Path.of(System.getProperty("nango.jvm.home", ".")).toAbsolutePath().normalize();
        Path project = args.has("project") ? args.project() : home.resolve("sample-integrations/nango-integrations");
        Path data = Path.of(args.flag("data", home.resolve(".nango-jvm/demo").toString())).toAbsolutePath().normalize();
        long started = System.nanoTime();

        // The fake GitHub lives on loopback, which the default egress rules deny: allow it for the demo only.
        ScriptPolicy policy = ScriptPolicy.standard().toBuilder().egress(ScriptPolicy.standard().egress().withLoopback()).build();
        try (IntegrationHost host = IntegrationHost.builder().policy(policy).loggerLevel("info").build();
             FakeGithubServer github = FakeGithubServer.withDefaults().start()) {
            out.println(host.runtime().describe());
            out.println();
            out.println("1. Fake GitHub API on " + github.baseUrl() + ": repository nango-jvm/demo with "
                    + github.pullRequests().size() + " pull requests");

            Demo demo = new Demo(out, compile(project, out), host);
            recreate(data);
            try (H2Stores stores = H2Stores.open(data);
                 NangoBindings nango = NangoBindings.builder()
                         .catalog(ProviderCatalog.of(Map.of("github", githubProvider(github.baseUrl()))))
                         .stores(stores)
                         .egress(policy.egress())
                         .build()) {
                stores.connections().put(new StoredConnection(CONNECTION_ID, "github", "github",
                        JsonNodeFactory.instance.objectNode().put("type", "OAUTH2").put("access_token", github.token()),
                        JsonNodeFactory.instance.objectNode(),
                        JsonNodeFactory.instance.objectNode().put("owner", "nango-jvm").put("repo", "demo")));

                demo.sync(nango, "3. Sync github/pull-requests, first run (no lastSyncDate: reads every pull request)");
                demo.sync(nango, "4. Sync github/pull-requests, second run (incremental: stops at the first unchanged pull request)");
                github.updatePullRequest(42, "Retitled while the demo ran");
                demo.sync(nango, "5. Pull request #42 changed upstream; third run");
                demo.action(nango, "6. Action github/create-pull-request", JSON.readTree("""
                        {"owner":"nango-jvm","repo":"demo","title":"Run Nango scripts on the JVM","head":"feature/jvm","base":"main"}"""));
                demo.action(nango, "7. The same pull request again: GitHub answers 422, the script throws an ActionError", JSON.readTree("""
                        {"owner":"nango-jvm","repo":"demo","title":"Run Nango scripts on the JVM","head":"feature/jvm","base":"main"}"""));

                var page = stores.records().list(RecordScope.of("github", CONNECTION_ID), "PullRequest", RecordQuery.defaults().withLimit(1));
                out.println();
                out.println("Records: " + demo.stored(stores) + " PullRequest records in the embedded H2 database "
                        + data.resolve("nango.mv.db"));
                if (!page.records().isEmpty()) {
                    out.println("  the oldest change: " + page.records().getFirst().path("_nango_metadata"));
                }
                out.printf("Done in %.1f s.%n", (System.nanoTime() - started) / 1e9);
                return demo.failures == 0 ? 0 : 1;
            }
        }
    }

    private static List<CompiledScript> compile(Path project, PrintStream out) {
        long t = System.nanoTime();
        ProjectLoad load = NangoProject.load(project);
        if (load.hasErrors()) {
            throw new CliException("invalid_project", project + ": " + load.errors());
        }
        CompileResult result = ScriptCompiler.defaults().compile(load);
        if (result.hasErrors()) {
            throw new CliException("compile_failed", String.join("\n", result.errors().stream().map(Object::toString).toList()));
        }
        out.printf("2. Compiled %d scripts of %s with esbuild in %.2f s%s%n", result.scripts().size(), project,
                (System.nanoTime() - t) / 1e9, result.esbuildRuns() == 0 ? " (all from the build cache)" : "");
        return result.scripts();
    }

    static Map<String, Object> githubProvider(String baseUrl) {
        return Map.of(
                "display_name", "GitHub",
                "auth_mode", "OAUTH2",
                "proxy", Map.of(
                        "base_url", baseUrl,
                        "retry", Map.of("at", List.of("x-ratelimit-reset"), "remaining", "x-ratelimit-remaining",
                                "error_code", List.of("403", "5xx", "401", "429")),
                        "paginate", Map.of("type", "link", "limit_name_in_request", "per_page", "link_rel_in_response_header", "next")));
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Files.createDirectories(dir);
    }

    /** The steps, printing as they go. */
    private static final class Demo {
        private final PrintStream out;
        private final List<CompiledScript> scripts;
        private final IntegrationHost host;
        int failures;

        Demo(PrintStream out, List<CompiledScript> scripts, IntegrationHost host) {
            this.out = out;
            this.scripts = scripts;
            this.host = host;
        }

        void sync(NangoBindings nango, String title) {
            out.println();
            out.println(title);
            CompiledScript script = script("pull-requests");
            ExecutionInfo info = new ExecutionInfo(CONNECTION_ID, "github", "github", "pull-requests", "sync", null);
            ProgressSync run = new ProgressSync(nango.startSync(info, new SyncConfig("pull-requests", List.of("PullRequest"), "incremental", false), logTo(out)), out);
            ExecutionResult result = host.runSync(bundle(script), run);
            if (result.succeeded()) {
                BatchResult t = result.syncSummary().total();
                out.printf("   ok: %d page(s) fetched; %d added, %d updated, %d unchanged, %d deleted; %d ms%n",
                        run.pagesFetched(), t.added(), t.updated(), t.unchanged(), t.deleted(), result.elapsed().toMillis());
            } else {
                failures++;
                out.println("   FAILED: " + result.error());
            }
        }

        void action(NangoBindings nango, String title, JsonNode input) {
            out.println();
            out.println(title);
            ExecutionInfo info = new ExecutionInfo(CONNECTION_ID, "github", "github", "create-pull-request", "action", null);
            ExecutionResult result = host.runAction(bundle(script("create-pull-request")), nango.startAction(info, logTo(out)), input);
            if (result.succeeded()) {
                out.println("   ok (" + result.elapsed().toMillis() + " ms): " + result.output().toPrettyString().replace("\n", "\n   "));
            } else {
                out.println("   " + result.error().code() + ": " + result.error().payload());
                if (!"action_script_runtime_error".equals(result.error().code())) failures++;
            }
        }

        long stored(H2Stores stores) {
            long n = 0;
            RecordQuery q = RecordQuery.defaults().withLimit(RecordQuery.MAX_LIMIT);
            var scope = RecordScope.of("github", CONNECTION_ID);
            for (var page = stores.records().list(scope, "PullRequest", q); ; page = stores.records().list(scope, "PullRequest", q.withCursor(page.nextCursor()))) {
                n += page.records().size();
                if (page.nextCursor() == null) return n;
            }
        }

        private CompiledScript script(String name) {
            return scripts.stream().filter(s -> s.scriptName().equals(name)).findFirst()
                    .orElseThrow(() -> new CliException("missing_script", "the sample has no script '" + name + "'"));
        }

        private static ScriptBundle bundle(CompiledScript s) {
            return new ScriptBundle(s.bundleName(), s.code(), s.sourceMap(), s.contentHash());
        }

        private static Consumer<LogEntry> logTo(PrintStream out) {
            return e -> out.println("     [" + e.level() + "] " + e.message());
        }
    }
}
