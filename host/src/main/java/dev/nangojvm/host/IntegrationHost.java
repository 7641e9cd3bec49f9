package dev.nangojvm.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.NangoAction;
import dev.nangojvm.bindings.SyncExecution;
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.host.internal.Execution;
import dev.nangojvm.host.internal.ExecutionRunner;
import dev.nangojvm.host.internal.InProcessRunner;
import dev.nangojvm.policy.ScriptPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The front door: runs Nango scripts, each in a fresh sandboxed GraalJS context on one shared
 * engine, against a {@code nango} object implemented in Java.
 *
 * <pre>{@code
 * try (IntegrationHost host = IntegrationHost.builder().policy(ScriptPolicy.standard()).build()) {
 *     ExecutionResult result = host.runAction(bundle, nango, input);
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of threads may run executions at once; each execution is confined
 * to the thread that called {@code run*}.
 */
public final class IntegrationHost implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IntegrationHost.class.getName());
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final ScriptPolicy policy;
    private final String loggerLevel;
    private final ExecutionRunner runner;

    private IntegrationHost(Builder b) {
        this.policy = b.policy;
        this.loggerLevel = b.loggerLevel;
        this.runner = new InProcessRunner(policy);
        LOG.log(System.Logger.Level.INFO, runner.runtime().describe());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Which runtime executes scripts: the optimizing Graal JIT, or the interpreter and why. */
    public RuntimeInfo runtime() {
        return runner.runtime();
    }

    /** The policy every execution of this host runs under. */
    public ScriptPolicy policy() {
        return policy;
    }

    /** Parses a bundle ahead of time so that its first execution does not pay for it. */
    public void warmUp(ScriptBundle bundle) {
        runner.warmUp(bundle);
    }

    /**
     * Runs a sync's {@code fetchData(nango)} and then ends the run: {@link SyncExecution#finish}
     * is called with whether the script succeeded, so deletes are tracked and lastSyncDate
     * advances only after a successful run.
     */
    public ExecutionResult runSync(ScriptBundle bundle, SyncExecution nango) {
        long start = System.nanoTime();
        Execution.Outcome outcome = execute(bundle, nango, null);
        SyncSummary summary = nango.finish(outcome.error() == null);
        return result(outcome, summary, start);
    }

    /** Runs an action's {@code runAction(nango, input)}; {@code input} may be null. */
    public ExecutionResult runAction(ScriptBundle bundle, NangoAction nango, JsonNode input) {
        long start = System.nanoTime();
        return result(execute(bundle, nango, input), null, start);
    }

    private Execution.Outcome execute(ScriptBundle bundle, NangoAction nango, JsonNode input) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(nango, "nango");
        return runner.run(bundle, nango, props(nango), input);
    }

    private ExecutionResult result(Execution.Outcome outcome, SyncSummary summary, long start) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        JsonNode output = null;
        if (outcome.error() == null) {
            try {
                output = outcome.outputJson() == null ? JsonNodeFactory.instance.nullNode()
                        : JSON.readTree(outcome.outputJson());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ExecutionResult(outcome.error() == null, output, outcome.error(), summary, elapsed);
    }

    private ObjectNode props(NangoAction nango) {
        ExecutionInfo info = nango.info();
        ObjectNode p = JsonNodeFactory.instance.objectNode()
                .put("connectionId", info.connectionId())
                .put("providerConfigKey", info.providerConfigKey())
                .put("provider", info.provider())
                .put("scriptType", info.scriptType())
                .put("variant", info.variant())
                .put("activityLogId", UUID.randomUUID().toString())
                .put("environmentName", "dev")
                .put("isCLI", false)
                .put("loggerLevel", loggerLevel);
        if (nango instanceof SyncExecution sync) {
            sync.lastSyncDate().ifPresent(d -> p.put("lastSyncDate", d.toString()));
        }
        return p;
    }

    @Override
    public void close() {
        runner.close();
    }

    /** Configures a host; every setting has a default. */
    public static final class Builder {
        private ScriptPolicy policy = ScriptPolicy.standard();
        private String loggerLevel = "debug";

        private Builder() { }

        /** The sandbox policy of every execution. Default: {@link ScriptPolicy#standard()}. */
        public Builder policy(ScriptPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The initial {@code nango.log} level: debug, info, warn, error or off. Default: debug (everything, like a dry run). */
        public Builder loggerLevel(String level) {
            if (!java.util.Set.of("debug", "info", "warn", "error", "off").contains(level)) {
                throw new IllegalArgumentException("loggerLevel must be one of debug, info, warn, error, off; was '" + level + "'");
            }
            this.loggerLevel = level;
            return this;
        }

        public IntegrationHost build() {
            return new IntegrationHost(this);
        }
    }
}
