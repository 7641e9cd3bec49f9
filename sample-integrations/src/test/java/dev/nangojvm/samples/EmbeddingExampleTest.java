package dev.nangojvm.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.NangoBindings;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.bindings.store.StoredConnection;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.policy.ScriptPolicy;
import dev.nangojvm.testkit.FakeGithubServer;
import dev.nangojvm.toolchain.CompiledScript;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ScriptCompiler;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example, compiled and run as is; {@link ReadmeTest} keeps the two identical. */
class EmbeddingExampleTest {

    @Test
    void theReadmeExampleCreatesAPullRequest(@TempDir Path dataDir) throws Exception {
        try (FakeGithubServer github = FakeGithubServer.withDefaults().start()) {
            JsonNode output = createPullRequest(Path.of("nango-integrations"), dataDir, github.baseUrl(), github.token());
            assertThat(output.path("number").asInt()).isEqualTo(251);
            assertThat(output.path("title").asText()).isEqualTo("Hello from the JVM");
        }
    }

    static JsonNode createPullRequest(Path projectDir, Path dataDir, String githubBaseUrl, String token) throws Exception {
        // README:embed:start
        // 1. Compile the project's TypeScript (esbuild, cached by content hash).
        CompiledScript script = ScriptCompiler.defaults().compile(NangoProject.load(projectDir))
                .script("github", "create-pull-request").orElseThrow();

        // 2. The policy: Nango's limits; loopback allowed only because the provider here is a local fake.
        ScriptPolicy policy = ScriptPolicy.standard().toBuilder()
                .egress(ScriptPolicy.standard().egress().withLoopback()).build();

        try (IntegrationHost host = IntegrationHost.builder().policy(policy).build();
             H2Stores stores = H2Stores.open(dataDir);
             NangoBindings nango = NangoBindings.builder()
                     .catalog(ProviderCatalog.of(Map.of("github", Map.of(
                             "auth_mode", "OAUTH2", "proxy", Map.of("base_url", githubBaseUrl)))))
                     .stores(stores)
                     .egress(policy.egress())
                     .build()) {
            // 3. A connection: credentials, connection config and metadata.
            var json = JsonNodeFactory.instance;
            stores.connections().put(new StoredConnection("my-connection", "github", "github",
                    json.objectNode().put("type", "OAUTH2").put("access_token", token),
                    json.objectNode(), json.objectNode()));

            // 4. Run the action in a fresh sandboxed context.
            ExecutionInfo info = new ExecutionInfo("my-connection", "github", "github",
                    "create-pull-request", "action", null);
            JsonNode input = new ObjectMapper().readTree("""
                    {"owner": "nango-jvm", "repo": "demo", "title": "Hello from the JVM",
                     "head": "feature/hello", "base": "main"}""");
            ExecutionResult result = host.runAction(
                    new ScriptBundle(script.bundleName(), script.code(), script.sourceMap(), script.contentHash()),
                    nango.startAction(info, entry -> System.out.println(entry.level() + " " + entry.message())),
                    input);
            if (!result.succeeded()) {
                throw new IllegalStateException(result.error().toString());
            }
            return result.output();
        }
        // README:embed:end
    }
}
