package dev.nangojvm.host.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoAction;
import dev.nangojvm.host.RuntimeInfo;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.policy.ScriptPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.graalvm.polyglot.Source;

/**
 * Runs executions in this JVM: one shared engine, a fresh context per execution, the policy's
 * budgets watched by the host's {@link Watchdog}. A soft boundary for memory and for builtins
 * that do not poll for cancellation (see SECURITY.md); {@link WorkerPoolRunner} is the hard one.
 */
public final class InProcessRunner implements ExecutionRunner {
    private static final ScriptBundle WARM_UP = ScriptBundle.of("nango-jvm/warm-up", """
            exports.default = async (nango) => {
              await nango.getMetadata();
              return { ok: JSON.parse('[1]'), b: Buffer.from('x').toString('base64'), u: new URL('https://example.com/a?b=1').search };
            };
            """, null);

    private final GraalRuntime runtime = new GraalRuntime();
    private final ScriptPolicy policy;
    private final PreparedContexts contexts;
    private final Execution.Prelude prelude;
    private final HostServices services = new HostServices(HostServices.DEFAULT_TICK);
    private final Map<String, CompiledBundle> bundles = new ConcurrentHashMap<>();
    private final Map<String, Boolean> dynamicImports = new ConcurrentHashMap<>();
    /** Allocation counters only work on platform threads: callers on virtual threads are handed over to one. */
    private final ExecutorService platformThreads = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("nango-jvm-execution-", 0).factory());

    /** Contexts kept ready when the host does not say otherwise (see {@link #InProcessRunner(ScriptPolicy, int)}). */
    public static final int DEFAULT_PREPARED_CONTEXTS = 2;

    public InProcessRunner(ScriptPolicy policy) {
        this(policy, DEFAULT_PREPARED_CONTEXTS);
    }

    /** @param preparedContexts fresh contexts a background thread keeps ready; 0 makes each one on demand */
    public InProcessRunner(ScriptPolicy policy, int preparedContexts) {
        if (policy.maxAllocatedBytes() > 0 && !Watchdog.allocationCountingSupported()) {
            throw new IllegalStateException("the policy has an allocation budget, but this JVM cannot count the bytes "
                    + "a thread allocates; run on HotSpot (Temurin, OpenJDK) or set maxAllocatedBytes to 0");
        }
        this.policy = policy;
        this.prelude = new Execution.Prelude(source("internal/sandbox.js", "nango-sandbox.js"),
                source("internal/node-globals.js", "node-globals.js"), source("internal/nango-shim.js", "nango-runtime.js"));
        ContextFactory factory = new ContextFactory(runtime.engine(), policy);
        // The warm-up parses the prelude on the engine before the filler thread starts competing for it.
        PreparedContexts onDemand = new PreparedContexts(factory, prelude, Execution.guardLimits(policy), 0);
        warmUpPrelude(onDemand);
        this.contexts = preparedContexts == 0 ? onDemand : new PreparedContexts(factory, prelude, Execution.guardLimits(policy), preparedContexts);
    }

    /**
     * The first execution on a new engine pays for parsing the prelude (about a second on two
     * cores); pay it here, so that the first script's budget is its own.
     */
    private void warmUpPrelude(PreparedContexts onDemand) {
        ObjectNode props = Bridge.JSON.createObjectNode().put("scriptType", "action").put("connectionId", "warm-up")
                .put("providerConfigKey", "warm-up").put("loggerLevel", "off");
        ScriptPolicy patient = policy.toBuilder().timeout(java.time.Duration.ofMinutes(1)).build();
        Execution.Outcome outcome = new Execution(onDemand, prelude, compiled(WARM_UP), patient, services).run(new Dispatcher() {
            @Override public String dispatch(String method, String argsJson) { return "{\"ok\":null}"; }
            @Override public void log(String level, String message, String metaJson) { }
        }, props, null);
        if (outcome.error() != null) {
            throw new IllegalStateException("the sandbox warm-up execution failed: " + outcome.error());
        }
    }

    @Override
    public Execution.Outcome run(ScriptBundle bundle, NangoAction nango, ObjectNode props, JsonNode input) {
        return run(bundle, new BindingDispatcher(nango, policy), props, input);
    }

    /** Runs with any dispatcher; a worker process passes the one that calls back its parent. */
    public Execution.Outcome run(ScriptBundle bundle, Dispatcher dispatcher, ObjectNode props, JsonNode input) {
        if (!policy.allowCodeGeneration() && usesDynamicImport(bundle)) {
            return Execution.failure("code_generation_not_allowed", bundle.name() + " uses dynamic import(), which compiles "
                    + "strings to code (data: URLs) and is not allowed when ScriptPolicy.allowCodeGeneration is off; "
                    + "bundle the module instead", null, null);
        }
        Execution execution = new Execution(contexts, prelude, compiled(bundle), policy, services);
        if (!Thread.currentThread().isVirtual() || policy.maxAllocatedBytes() == 0) {
            return execution.run(dispatcher, props, input);
        }
        Future<Execution.Outcome> outcome = platformThreads.submit(() -> execution.run(dispatcher, props, input));
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            execution.terminate("script_aborted");
            return Execution.failure("script_aborted", "the host thread was interrupted", null, null);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the execution failed in the host", e.getCause());
        }
    }

    /**
     * Parses the bundle on the shared engine, in a context that is then thrown away, so that the
     * first execution finds the parsed code in the engine's cache. Parsing runs none of the
     * script's code.
     */
    @Override
    public void warmUp(ScriptBundle bundle) {
        CompiledBundle compiled = compiled(bundle);
        PreparedContext p = contexts.take();
        try {
            p.context().parse(compiled.source());
        } catch (org.graalvm.polyglot.PolyglotException e) {
            // A bundle that does not parse fails its executions with the error and its location; nothing to warm.
        } finally {
            p.discard();
        }
    }

    @Override
    public RuntimeInfo runtime() {
        return runtime.info();
    }

    /** The threads shared by executions, for diagnostics and tests. */
    public HostServices services() {
        return services;
    }

    private boolean usesDynamicImport(ScriptBundle bundle) {
        return dynamicImports.computeIfAbsent(bundle.name() + "#" + bundle.contentHash(), k -> DynamicImport.find(bundle.code()) >= 0);
    }

    private CompiledBundle compiled(ScriptBundle bundle) {
        return bundles.computeIfAbsent(bundle.name() + "#" + bundle.contentHash(), k -> CompiledBundle.of(bundle));
    }

    static Source source(String resource, String name) {
        try (InputStream in = InProcessRunner.class.getResourceAsStream("/dev/nangojvm/host/" + resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name).cached(true).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        contexts.close();
        services.close();
        platformThreads.shutdownNow();
        try {
            runtime.close();
        } catch (RuntimeException e) {
            // A builtin that ignores cancellation may still hold a context: the engine goes with the JVM.
            System.getLogger(InProcessRunner.class.getName()).log(System.Logger.Level.WARNING,
                    "the engine could not be closed while a stopped execution is still running: " + e.getMessage());
        }
    }
}
