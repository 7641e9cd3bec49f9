package dev.nangojvm.host.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.policy.ScriptPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared hosts and helpers of the adversarial suite. Hosts are created once per JVM and policy
 * (each costs an engine and a warm-up), so every attack runs against a host that has already
 * served other attacks: that is the point.
 */
final class Attacks {
    /** The strict preset with budgets scaled down for CI: every breach must trip within about a second. */
    static final ScriptPolicy STRICT = ScriptPolicy.strict().toBuilder()
            .timeout(Duration.ofSeconds(5))
            .statementLimit(0) // a JIT-compiled loop runs ~1e9 statements/s: the limit has its own test and host
            .maxAllocatedBytes(96L << 20)
            .maxLogBytes(64 << 10)
            .maxRecordsPerBatch(100)
            .maxMetadataBytes(4 << 10)
            .maxCheckpointBytes(4 << 10)
            .maxPendingTimers(50)
            .maxBridgeMessageChars(256 << 10)
            .maxActionOutputBytes(64 << 10)
            .build();

    /**
     * {@link #STRICT} with a short wall clock and no allocation budget, for the attacks that only a
     * timeout can stop (with the budget on, loops that allocate trip {@code memory_limit} first).
     */
    static final ScriptPolicy STRICT_QUICK = STRICT.toBuilder().timeout(Duration.ofMillis(700)).maxAllocatedBytes(0).build();

    /**
     * {@link #STRICT} with a smaller allocation budget and a clock long enough that only the
     * budget can stop a bomb, however loaded the machine is.
     */
    static final ScriptPolicy STRICT_MEMORY = STRICT.toBuilder().maxAllocatedBytes(48L << 20).timeout(Duration.ofSeconds(30)).build();

    /** The standard preset (eval allowed). */
    static final ScriptPolicy STANDARD = ScriptPolicy.standard().toBuilder().timeout(Duration.ofSeconds(5)).build();

    private static final Map<ScriptPolicy, IntegrationHost> HOSTS = new ConcurrentHashMap<>();
    private static final AtomicInteger SEQ = new AtomicInteger();
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> HOSTS.values().forEach(IntegrationHost::close)));
    }

    private Attacks() {
    }

    static IntegrationHost host(ScriptPolicy policy) {
        return HOSTS.computeIfAbsent(policy, p -> {
            IntegrationHost host = IntegrationHost.builder().policy(p).loggerLevel("debug").build();
            assertHealthy(host); // warms the honest script, so that health checks measure the host, not a cold parse
            return host;
        });
    }

    static IntegrationHost quick() {
        return host(STRICT_QUICK);
    }

    static IntegrationHost strict() {
        return host(STRICT);
    }

    static IntegrationHost standard() {
        return host(STANDARD);
    }

    /** A bundle whose default export is {@code async (nango, input) => { body }}. */
    static ScriptBundle action(String body) {
        return ScriptBundle.of("attack/actions/a" + SEQ.incrementAndGet(), "exports.default = async (nango, input) => {\n" + body + "\n};", null);
    }

    /** A bundle whose default export is {@code async (nango) => { body }}. */
    static ScriptBundle sync(String body) {
        return ScriptBundle.of("attack/syncs/s" + SEQ.incrementAndGet(), "exports.default = async (nango) => {\n" + body + "\n};", null);
    }

    static ExecutionResult runAction(IntegrationHost host, String body) {
        return host.runAction(action(body), new FakeNango("action"), null);
    }

    static ExecutionResult runAction(IntegrationHost host, String body, FakeNango nango) {
        return host.runAction(action(body), nango, null);
    }

    static ExecutionResult runSync(IntegrationHost host, String body, FakeNango nango) {
        return host.runSync(sync(body), nango);
    }

    /** The output of a run that must have succeeded. */
    static JsonNode output(ExecutionResult r) {
        assertThat(r.succeeded()).as("expected success, got %s", r.error()).isTrue();
        return r.output();
    }

    /** The run was refused with exactly this code, and the host still answers an honest script correctly. */
    static void assertDenied(IntegrationHost host, ExecutionResult r, String code) {
        assertThat(r.succeeded()).as("the attack must fail").isFalse();
        assertThat(r.error().code()).as("%s", r.error()).isEqualTo(code);
        assertHealthy(host);
    }

    /**
     * The script was refused by a cap it could have caught: uncaught, it ends as Nango reports SDK
     * errors, {@code script_internal_error} with the refusal's code in the payload.
     */
    static void assertRefused(IntegrationHost host, ExecutionResult r, String code) {
        assertDenied(host, r, "script_internal_error");
        assertThat(r.error().payload().path("code").asText()).as("%s", r.error()).isEqualTo(code);
    }

    private static final ScriptBundle HONEST = ScriptBundle.of("honest/actions/sum", """
            exports.default = async (nango, input) => {
              const m = await nango.getMetadata();
              const squares = input.values.map((v) => v * v);
              return { sum: squares.reduce((a, b) => a + b, 0), owner: m.owner, proto: Object.keys(Object.prototype).length,
                       globals: typeof leaked, arrayPush: [].push === Array.prototype.push && Array.prototype.push.name };
            };
            """, null);

    /** An honest execution right after the attack gets its exact, correct answer. */
    static void assertHealthy(IntegrationHost host) {
        FakeNango nango = new FakeNango("action");
        nango.metadata = F.objectNode().put("owner", "octo");
        ExecutionResult r = host.runAction(HONEST, nango, F.objectNode().set("values", F.arrayNode().add(1).add(2).add(3)));
        assertThat(r.error()).as("the honest execution after the attack").isNull();
        assertThat(r.output().toString())
                .isEqualTo("{\"sum\":14,\"owner\":\"octo\",\"proto\":0,\"globals\":\"undefined\",\"arrayPush\":\"push\"}");
    }
}
