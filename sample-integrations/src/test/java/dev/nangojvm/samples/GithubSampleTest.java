package dev.nangojvm.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import dev.nangojvm.policy.ScriptPolicy;
import dev.nangojvm.testkit.FakeGithubServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The GitHub sample, walked through end to end: compiled by esbuild, run in the sandboxed host,
 * talking HTTP to the loopback fake GitHub through the real proxy, saving into H2. The steps
 * build on each other, in the order of the sample's README.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GithubSampleTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONNECTION = "sample-connection";

    static SampleProject project;
    static IntegrationHost host;
    static FakeGithubServer github;
    static H2Stores stores;
    static NangoBindings nango;
    static final List<LogEntry> logs = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        project = SampleProject.samples();
        ScriptPolicy policy = ScriptPolicy.standard().toBuilder().egress(ScriptPolicy.standard().egress().withLoopback()).build();
        host = IntegrationHost.builder().policy(policy).build();
        github = FakeGithubServer.withDefaults().start();
        stores = H2Stores.inMemory();
        nango = NangoBindings.builder()
                .catalog(ProviderCatalog.of(Map.of("github", Map.of("auth_mode", "OAUTH2", "proxy", Map.of("base_url", github.baseUrl())))))
                .stores(stores)
                .egress(policy.egress())
                .build();
        stores.connections().put(new StoredConnection(CONNECTION, "github", "github",
                JsonNodeFactory.instance.objectNode().put("type", "OAUTH2").put("access_token", github.token()),
                JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.objectNode().put("owner", "nango-jvm").put("repo", "demo")));
    }

    @AfterAll
    static void stop() {
        nango.close();
        stores.close();
        github.close();
        host.close();
    }

    static ExecutionResult runSync() {
        var info = new ExecutionInfo(CONNECTION, "github", "github", "pull-requests", "sync", null);
        var run = nango.startSync(info, new SyncConfig("pull-requests", List.of("PullRequest"), "incremental", false), logs::add);
        return host.runSync(project.bundle("github", "pull-requests"), run);
    }

    static ExecutionResult runAction(String inputJson) throws Exception {
        var info = new ExecutionInfo(CONNECTION, "github", "github", "create-pull-request", "action", null);
        return host.runAction(project.bundle("github", "create-pull-request"), nango.startAction(info, logs::add), JSON.readTree(inputJson));
    }

    @Test
    @Order(1)
    @DisplayName("① the first sync run pages through every pull request and adds them all")
    void firstRunAddsEveryPullRequest() {
        ExecutionResult result = runSync();
        assertThat(result.error()).isNull();
        assertThat(result.syncSummary().total().added()).isEqualTo(250);
        assertThat(github.requestCount("GET", "/repos/nango-jvm/demo/pulls")).isEqualTo(3);
        JsonNode stored = stores.records().getRecordsByIds(RecordScope.of("github", CONNECTION), "PullRequest", List.of("1000000001")).get("1000000001");
        assertThat(stored.path("number").asInt()).isEqualTo(1);
        assertThat(stored.path("_nango_metadata").path("last_action").asText()).isEqualTo("ADDED");
    }

    @Test
    @Order(2)
    @DisplayName("② the second run stops at the first unchanged pull request and adds nothing")
    void secondRunAddsNothing() {
        github.clearRequests();
        ExecutionResult result = runSync();
        assertThat(result.error()).isNull();
        assertThat(result.syncSummary().total().added()).isZero();
        assertThat(result.syncSummary().total().updated()).isZero();
        assertThat(github.requestCount("GET", "/repos/nango-jvm/demo/pulls")).isEqualTo(1);
    }

    @Test
    @Order(3)
    @DisplayName("③ a pull request changed upstream comes back as one update")
    void anUpstreamChangeIsOneUpdate() {
        github.updatePullRequest(42, "Retitled upstream");
        ExecutionResult result = runSync();
        assertThat(result.syncSummary().total().updated()).isEqualTo(1);
        var page = stores.records().list(RecordScope.of("github", CONNECTION), "PullRequest",
                RecordQuery.defaults().withFilter(java.util.Set.of(dev.nangojvm.bindings.store.RecordFilter.UPDATED)));
        assertThat(page.records()).extracting(r -> r.path("title").asText()).containsExactly("Retitled upstream");
    }

    @Test
    @Order(4)
    @DisplayName("④ the action creates a pull request and returns it mapped")
    void theActionCreatesAPullRequest() throws Exception {
        ExecutionResult result = runAction("""
                {"owner":"nango-jvm","repo":"demo","title":"From the JVM","head":"feature/jvm","base":"main"}""");
        assertThat(result.error()).isNull();
        assertThat(result.output().path("number").asInt()).isEqualTo(251);
        assertThat(result.output().path("title").asText()).isEqualTo("From the JVM");
        assertThat(result.output().path("state").asText()).isEqualTo("open");
    }

    @Test
    @Order(5)
    @DisplayName("⑤ a duplicate pull request becomes an ActionError carrying GitHub's message")
    void aDuplicateIsAnActionError() throws Exception {
        ExecutionResult result = runAction("""
                {"owner":"nango-jvm","repo":"demo","title":"From the JVM","head":"feature/jvm","base":"main"}""");
        assertThat(result.error().code()).isEqualTo("action_script_runtime_error");
        assertThat(result.error().payload().toString()).contains("A pull request already exists");
    }

    @Test
    @Order(6)
    @DisplayName("⑥ input that fails the zod schema is refused before any request")
    void invalidInputIsRefused() throws Exception {
        github.clearRequests();
        ExecutionResult result = runAction("{\"owner\":\"nango-jvm\",\"repo\":\"demo\"}");
        assertThat(result.error().code()).isEqualTo("action_script_runtime_error");
        assertThat(result.error().payload().path("message").asText()).isEqualTo("Invalid input provided");
        assertThat(github.requests()).isEmpty();
        assertThat(logs).anyMatch(e -> e.level().equals("error") && e.message().startsWith("Invalid input provided: "));
    }
}
