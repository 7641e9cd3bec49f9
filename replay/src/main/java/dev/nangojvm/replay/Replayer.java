package dev.nangojvm.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.host.ExecutionError;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.policy.ScriptPolicy;
import dev.nangojvm.replay.internal.JsValues;
import dev.nangojvm.replay.internal.JsonComparison;
import dev.nangojvm.replay.internal.MockNango;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs generated tests as the yaml-era vitest templates do (conformance §7.1): a sync twice on
 * one mock and one module instance, its first run's {@code batchSave} records compared per model
 * with {@code batchSave.json} (JSON-normalised, strict), then a {@code batchDelete(data, model)}
 * call required for every non-empty {@code batchDelete.json}; an action once, its return value
 * compared with {@code output.json} under {@code toEqual}.
 *
 * <p>Thread-safe; one GraalJS engine per replayer, shared by its executions.
 */
public final class Replayer implements AutoCloseable {
    /** Per-execution time limit unless the builder says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    private static final String MOCK_JS = resource("replay-mock.js");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final IntegrationHost host;
    private final boolean ownsHost;
    private final ProviderCatalog providers;

    private Replayer(Builder b) {
        this.providers = b.providers;
        this.ownsHost = b.host == null;
        this.host = b.host != null ? b.host : IntegrationHost.builder()
                .policy(ScriptPolicy.standard().toBuilder().timeout(b.timeout).maxActionOutputBytes(Long.MAX_VALUE).build())
                .loggerLevel(b.loggerLevel)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public ProviderCatalog providers() {
        return providers;
    }

    /** Replays one test against a compiled bundle of the script it imports. */
    public CaseResult run(ReplayCase c, ScriptBundle bundle) {
        Objects.requireNonNull(c, "case");
        Objects.requireNonNull(bundle, "bundle");
        MockFiles mocks = c.mocks();
        MockNango nango = new MockNango(new ExecutionInfo("replay", c.integrationId(), c.integrationId(), c.scriptName(),
                c.kind().label(), null), mocks, providers);
        ScriptBundle wrapped = withMock(bundle);
        long start = System.nanoTime();
        ExecutionResult result = c.kind() == ScriptKind.SYNC
                ? host.runSync(wrapped, nango)
                : host.runAction(wrapped, nango, envelope(mocks));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Verdict v = result.succeeded()
                ? (c.kind() == ScriptKind.SYNC ? judgeSync(c, mocks, result.output()) : judgeAction(c, mocks, result.output()))
                : error(c, result.error());
        return new CaseResult(c, v.status, v.detail, v.difference, v.location, nango.requests(), elapsed);
    }

    /** A result for a test whose script could not be compiled. */
    public static CaseResult compileError(ReplayCase c, String message, String location) {
        return new CaseResult(c, Status.ERROR, "compile error: " + message, null, location, List.of(), Duration.ZERO);
    }

    /** The bundle with the guest half of the mock appended: its default export becomes the replay entry. */
    static ScriptBundle withMock(ScriptBundle bundle) {
        return new ScriptBundle(bundle.name(), bundle.code() + "\n" + MOCK_JS, bundle.sourceMap(), bundle.contentHash() + "+replay-mock");
    }

    private static ObjectNode envelope(MockFiles mocks) {
        ObjectNode env = F.objectNode().put("replay", true);
        mocks.input().ifPresent(input -> env.set("input", input));
        return env;
    }

    private record Verdict(Status status, String detail, Difference difference, String location) {
        static Verdict pass() { return new Verdict(Status.PASS, "", null, null); }
        static Verdict fail(String detail) { return new Verdict(Status.FAIL, detail, null, null); }
        static Verdict differs(String what, Difference d) { return new Verdict(Status.FAIL, what + " " + d, d, null); }
    }

    private static Verdict judgeAction(ReplayCase c, MockFiles mocks, JsonNode output) {
        JsonNode expected;
        try {
            expected = mocks.output();
        } catch (IOException e) {
            return Verdict.fail(missing(c, "output.json", e));
        }
        Optional<Difference> d = JsonComparison.toEqual(expected, output.path("output"));
        return d.map(diff -> Verdict.differs("output differs from mocks/" + c.mockName() + "/output.json at", diff)).orElseGet(Verdict::pass);
    }

    private static Verdict judgeSync(ReplayCase c, MockFiles mocks, JsonNode output) {
        JsonNode saved = output.path("saved");
        for (String model : c.models()) {
            JsonNode expected;
            try {
                expected = mocks.batchSave(model);
            } catch (IOException e) {
                return Verdict.fail(missing(c, model + "/batchSave.json", e));
            }
            Optional<Difference> d = JsonComparison.strict(expected, spied(saved, model));
            if (d.isPresent()) return Verdict.differs("batchSave(" + model + ") differs from mocks/" + c.mockName() + "/" + model + "/batchSave.json at", d.get());
        }
        JsonNode deleted = output.path("deleted");
        for (String model : c.models()) {
            JsonNode expected;
            try {
                expected = mocks.batchDelete(model);
            } catch (IOException e) {
                return Verdict.fail(missing(c, model + "/batchDelete.json", e));
            }
            if (!JsValues.truthy(expected) || !(JsValues.number(JsValues.get(expected, "length")) > 0)) continue;
            ArrayNode wanted = F.arrayNode().add(expected).add(model);
            boolean called = false;
            for (JsonNode call : deleted) called |= JsonComparison.equal(wanted, call);
            if (!called) {
                String closest = deleted.isEmpty() ? "it was never called"
                        : "closest call differs at " + JsonComparison.toEqual(wanted, deleted.get(0)).map(Difference::toString).orElse("?");
                return Verdict.fail("batchDelete was not called with the " + expected.size() + " records of mocks/" + c.mockName()
                        + "/" + model + "/batchDelete.json and '" + model + "' (" + deleted.size() + " call(s) in both runs; " + closest + ")");
            }
        }
        return Verdict.pass();
    }

    /** The template's spied data: the first argument of every batchSave call for {@code model}, flattened one level. */
    static ArrayNode spied(JsonNode savedCalls, String model) {
        ArrayNode out = F.arrayNode();
        for (JsonNode call : savedCalls) {
            if (!model.equals(call.path(1).textValue())) continue;
            JsonNode records = call.get(0);
            if (records != null && records.isArray()) out.addAll((ArrayNode) records);
            else out.add(records == null ? F.nullNode() : records);
        }
        return out;
    }

    private static Verdict error(ReplayCase c, ExecutionError e) {
        String base = c.integrationDir().toAbsolutePath().normalize() + "/";
        String message = e.message() == null ? e.code() : e.message().replace(base, "");
        String location = e.location();
        return new Verdict(Status.ERROR, message + (location == null ? "" : " (at " + location + ")"), null, location);
    }

    private static String missing(ReplayCase c, String file, IOException e) {
        return "mocks/" + c.mockName() + "/" + file + (e instanceof NoSuchFileException ? " is missing" : " cannot be read: " + e.getMessage());
    }

    private static String resource(String name) {
        try (InputStream in = Replayer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (ownsHost) host.close();
    }

    /** Configures a {@link Replayer}. */
    public static final class Builder {
        private IntegrationHost host;
        private ProviderCatalog providers = ProviderCatalog.empty();
        private Duration timeout = DEFAULT_TIMEOUT;
        private String loggerLevel = "off";

        private Builder() { }

        /** Runs on this host (not closed by the replayer) instead of building one. */
        public Builder host(IntegrationHost host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Provider defaults for the mock's {@code paginate}. Default: an empty catalog (pagination then fails as for an unknown provider). */
        public Builder providers(ProviderCatalog providers) {
            this.providers = Objects.requireNonNull(providers, "providers");
            return this;
        }

        /** Time limit of one execution (a sync's two runs together). Default {@link #DEFAULT_TIMEOUT}. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** {@code nango.log} level forwarded to the mock's log collector: off (default), debug, info, warn, error. */
        public Builder loggerLevel(String level) {
            this.loggerLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        public Replayer build() {
            return new Replayer(this);
        }
    }
}
