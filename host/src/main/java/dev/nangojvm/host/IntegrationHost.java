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
import dev.nangojvm.host.internal.WorkerPoolRunner;
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
        this.runner = b.isolation == Isolation.IN_PROCESS ? new InProcessRunner(policy, b.preparedContexts)
                : new WorkerPoolRunner(policy, new WorkerPoolRunner.Options(b.workers, b.workerHeapBytes,
                        b.workerJvmArgs != null ? b.workerJvmArgs : WorkerPoolRunner.inheritedJvmArgs()));
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
        /** Worker JVMs started by {@link Isolation#WORKER_PROCESSES} unless {@link #workers(int)} says otherwise. */
        public static final int DEFAULT_WORKERS = 2;
        /** Heap ({@code -Xmx}) of each worker JVM: 512 MiB. */
        public static final long DEFAULT_WORKER_HEAP_BYTES = 512L << 20;

        private ScriptPolicy policy = ScriptPolicy.standard();
        private String loggerLevel = "debug";
        private Isolation isolation = Isolation.IN_PROCESS;
        private int workers = DEFAULT_WORKERS;
        private long workerHeapBytes = DEFAULT_WORKER_HEAP_BYTES;
        private java.util.List<String> workerJvmArgs;
        private int preparedContexts = InProcessRunner.DEFAULT_PREPARED_CONTEXTS;

        private Builder() { }

        /**
         * Fresh contexts a background thread keeps ready (realm initialised, the host's prelude
         * evaluated, nothing of any script), so that an execution starts without waiting for them.
         * Each is used by one execution only and then closed: contexts are never reused. Default
         * {@value InProcessRunner#DEFAULT_PREPARED_CONTEXTS}; 0 makes each context when an
         * execution starts. In-process isolation only.
         */
        public Builder preparedContexts(int count) {
            if (count < 0 || count > 64) throw new IllegalArgumentException("preparedContexts must be between 0 and 64, was " + count);
            this.preparedContexts = count;
            return this;
        }

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

        /**
         * Where scripts run. Default {@link Isolation#IN_PROCESS}. {@link Isolation#WORKER_PROCESSES}
         * gives each execution a worker JVM with its own heap: a hard memory cap and a kill that
         * always works, for a few milliseconds more per execution and a JVM's memory per worker
         * (see SECURITY.md).
         */
        public Builder isolation(Isolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        /** Worker JVMs, which is also how many executions run at once. Default {@value #DEFAULT_WORKERS}. */
        public Builder workers(int workers) {
            if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, was " + workers);
            this.workers = workers;
            return this;
        }

        /** {@code -Xmx} of each worker, at least 64 MiB. Default 512 MiB. */
        public Builder workerHeapBytes(long bytes) {
            if (bytes < (64L << 20)) throw new IllegalArgumentException("workerHeapBytes must be at least 64 MiB, was " + bytes);
            this.workerHeapBytes = bytes;
            return this;
        }

        /**
         * Extra JVM flags of the workers, instead of the ones inherited from this JVM (the Graal JIT
         * recipe, native access, stack size). Pass an empty list for interpreter-only workers, which
         * start faster and use less memory.
         */
        public Builder workerJvmArgs(java.util.List<String> args) {
            this.workerJvmArgs = java.util.List.copyOf(args);
            return this;
        }

        public IntegrationHost build() {
            return new IntegrationHost(this);
        }
    }
}
