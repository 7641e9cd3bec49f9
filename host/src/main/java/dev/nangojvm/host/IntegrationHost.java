package dev.nangojvm.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.NangoAction;
import dev.nangojvm.bindings.SyncExecution;
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.host.internal.CompiledBundle;
import dev.nangojvm.host.internal.ContextFactory;
import dev.nangojvm.host.internal.Execution;
import dev.nangojvm.host.internal.GraalRuntime;
import dev.nangojvm.policy.ScriptPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.graalvm.polyglot.Source;

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

    private final GraalRuntime runtime;
    private final ScriptPolicy policy;
    private final ContextFactory contexts;
    private final Source nodeGlobals;
    private final Source shim;
    private final String loggerLevel;
    private final Map<String, CompiledBundle> bundles = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();

    private IntegrationHost(Builder b) {
        this.policy = b.policy;
        this.loggerLevel = b.loggerLevel;
        this.runtime = new GraalRuntime();
        this.contexts = new ContextFactory(runtime.engine(), policy);
        this.nodeGlobals = Source.newBuilder("js", resource("internal/node-globals.js"), "node-globals.js").cached(true).buildLiteral();
        this.shim = Source.newBuilder("js", resource("internal/nango-shim.js"), "nango-runtime.js").cached(true).buildLiteral();
        this.scheduler = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().name("nango-jvm-watchdog").factory());
        LOG.log(System.Logger.Level.INFO, runtime.info().describe());
        warmUpRuntime();
    }

    /**
     * Parses the runtime's own JS once on the shared engine, so that the first execution does not
     * pay for it (about a second on a cold JVM).
     */
    private void warmUpRuntime() {
        try (var context = contexts.create(java.io.OutputStream.nullOutputStream())) {
            context.eval(nodeGlobals).execute(dev.nangojvm.host.internal.NodeCrypto.shared());
            context.eval(shim);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Which runtime executes scripts: the optimizing Graal JIT, or the interpreter and why. */
    public RuntimeInfo runtime() {
        return runtime.info();
    }

    /** The policy every execution of this host runs under. */
    public ScriptPolicy policy() {
        return policy;
    }

    /** Parses a bundle ahead of time so that its first execution does not pay for it. */
    public void warmUp(ScriptBundle bundle) {
        compiled(bundle);
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
        Execution execution = new Execution(contexts, nodeGlobals, shim, compiled(bundle), policy, scheduler, io);
        return execution.run(nango, props(nango), input);
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

    private CompiledBundle compiled(ScriptBundle bundle) {
        return bundles.computeIfAbsent(bundle.name() + "#" + bundle.contentHash(), k -> CompiledBundle.of(bundle));
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

    private static String resource(String name) {
        try (InputStream in = IntegrationHost.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        io.shutdownNow();
        runtime.close();
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
