package dev.nangojvm.host.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.host.ExecutionError;
import dev.nangojvm.policy.ScriptPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One run of one script in a fresh context: guard the bridge, build the nango object, load the
 * bundle, call its entry point, pump the event loop until the promise settles or a budget ends
 * the run. Nothing of the context survives {@link #run}: the context is closed, pending calls and
 * timers are cancelled, and results leave as JSON text.
 */
public final class Execution {
    private static final System.Logger LOG = System.getLogger(Execution.class.getName());
    private static final Pattern TS_FRAME = Pattern.compile("([\\w@./-]+\\.(?:ts|tsx|mts|cts)):(\\d+):(\\d+)");
    private static final Runnable WAKE_UP = () -> { };
    private static final Duration STUCK_AFTER = Duration.ofSeconds(2);
    private static final Source LENGTH = Source.newBuilder("js", "(s) => typeof s === 'string' ? s.length : -1", "length.js")
            .cached(true).buildLiteral();

    /** What the script produced: output JSON text (or null), or a failure. */
    public record Outcome(String outputJson, ExecutionError error) { }

    /** The JS sources evaluated before the bundle, in order: the guard, the Node surface, the nango shim. */
    public record Prelude(Source sandbox, Source nodeGlobals, Source shim) { }

    private final PreparedContexts contexts;
    private final Prelude prelude;
    private final CompiledBundle bundle;
    private final ScriptPolicy policy;
    private final HostServices services;
    private final EventLoop loop = new EventLoop();
    private final AtomicReference<String> termination = new AtomicReference<>();
    private volatile Context context;
    private volatile Watchdog.Watch watch;
    private final java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();

    Execution(PreparedContexts contexts, Prelude prelude, CompiledBundle bundle, ScriptPolicy policy, HostServices services) {
        this.contexts = contexts;
        this.prelude = prelude;
        this.bundle = bundle;
        this.policy = policy;
        this.services = services;
    }

    /** The limits the guard in {@code sandbox.js} applies before anything crosses into the host. */
    static String guardLimits(ScriptPolicy policy) {
        return JsonNodeFactory.instance.objectNode()
                .put("maxBridgeMessageChars", policy.maxBridgeMessageChars())
                .put("maxLogBytes", policy.maxLogBytes())
                .toString();
    }

    /** Runs the script on the current thread, which must be a platform thread if the policy has an allocation budget. */
    public Outcome run(Dispatcher dispatcher, ObjectNode props, JsonNode input) {
        String scriptType = props.path("scriptType").asText();
        Duration budget = policy.timeoutFor(scriptType);
        var output = new BoundedOutput(64 * 1024);
        Bridge bridge = new Bridge(dispatcher, loop, services.io(), services.timers(), policy, this::terminate);
        try {
            PreparedContext prepared = contexts.take();
            context = prepared.attach(bridge, output, this::terminate);
            Diagnostics.trackExecution(context);
            if (termination.get() != null) return budgetOutcome(budget);
            Value api = context.eval(prelude.shim()).execute(prepared.guard(), props.toString(), prepared.nodeModules());
            restrictModules(api.getMember("modules"));
            // The budgets cover everything the script does, from its module's top level on; the
            // host's own set-up above is not the script's time nor its allocation.
            watch = services.watchdog().watchCurrentThread(budget, policy.maxAllocatedBytes(), this::terminate);
            Value exports = api.invokeMember("load", context.eval(bundle.source()));
            Value entry = api.invokeMember("entry", exports);
            Value promise = api.invokeMember("run", entry, input == null || input.isNull() ? null : input.toString());
            Settlement settlement = new Settlement(api, scriptType);
            promise.invokeMember("then", settlement.onFulfilled(), settlement.onRejected());
            while (!settlement.done() && termination.get() == null) {
                Runnable task = loop.next(250);
                if (task != null) task.run();
            }
            if (termination.get() != null) return budgetOutcome(budget);
            return settlement.outcome();
        } catch (PolyglotException e) {
            if (termination.get() != null) return budgetOutcome(budget);
            if (e.isCancelled()) return failure("script_aborted", "the execution was cancelled by the host", null, null);
            if (e.isResourceExhausted()) {
                // The JVM ran out of heap or stack inside a builtin: charge it to the script.
                LOG.log(System.Logger.Level.WARNING, bundle.fileName() + " exhausted a host resource: " + e.getMessage());
                return failure(Limits.MEMORY_LIMIT, "the script exhausted a host resource (" + e.getMessage()
                        + ") and was stopped; allocate less", null, null);
            }
            String stack = SourceMap.mapStack(stackOf(e), bundle.fileName(), bundle.sourceMap(), bundle.firstLineShift());
            return failure("script_internal_error", e.getMessage(), null, stack);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("script_aborted", "the host thread was interrupted", null, null);
        } catch (RuntimeException e) {
            // A context closed under the loop's feet by a budget breach, or a bug of ours: never the caller's problem.
            if (termination.get() != null) return budgetOutcome(budget);
            LOG.log(System.Logger.Level.ERROR, bundle.fileName() + ": the host failed while running the script", e);
            return failure("script_internal_error", "the host failed while running the script: " + e.getClass().getSimpleName(), null, null);
        } finally {
            finished.set(true);
            Watchdog.Watch w = watch;
            if (w != null) w.close();
            bridge.close();
            loop.close();
            Context c = context;
            if (c != null) closeLater(c);
        }
    }

    /**
     * Closing a context takes about a millisecond that the caller need not wait for: the result
     * has already left as text, the bridge is closed and nothing else holds the context. The
     * reaper closes it; a host that is shutting down closes it here.
     */
    private void closeLater(Context c) {
        Runnable close = () -> {
            try {
                c.close(true);
            } catch (RuntimeException ignored) {
                // A cancelled context rethrows its cancellation on close; it is closed all the same.
            }
        };
        try {
            services.reaper().execute(close);
        } catch (RejectedExecutionException e) {
            close.run();
        }
    }

    /** The runner's {@code require} only ever hands out the modules the policy allows. */
    private void restrictModules(Value modules) {
        if (modules == null || !modules.hasMembers()) return;
        for (String name : modules.getMemberKeys()) {
            if (!policy.allowedModules().contains(name)) modules.removeMember(name);
        }
    }

    /** Ends the run from any thread: the code wins over whatever the script does next. */
    void terminate(String code) {
        if (termination.compareAndSet(null, code)) {
            loop.post(WAKE_UP);
            reportIfStuck(code);
            Context c = context;
            if (c != null) {
                try {
                    services.reaper().execute(() -> {
                        try {
                            c.close(true);
                        } catch (RuntimeException ignored) {
                            // closing a running context reports the cancellation; nothing to do
                        }
                    });
                } catch (RejectedExecutionException e) {
                    // the host is closing; its own shutdown closes the engine
                }
            }
        }
    }

    /**
     * A few builtins do not poll for cancellation: in process, nothing can stop them but their own
     * end, and the caller's thread waits. Say so loudly, so that operators can switch to workers.
     */
    private void reportIfStuck(String code) {
        // Captures only the flag and the name: nothing that keeps the context alive.
        java.util.concurrent.atomic.AtomicBoolean done = finished;
        String name = bundle.fileName();
        try {
            services.monitor().schedule(() -> {
                if (!done.get()) {
                    LOG.log(System.Logger.Level.ERROR, name + " is still running " + STUCK_AFTER.toSeconds()
                            + " s after it was stopped (" + code + "): a builtin is ignoring cancellation. Its thread and CPU are "
                            + "lost until the builtin returns; Isolation.WORKER_PROCESSES kills such runs instead.");
                }
            }, STUCK_AFTER.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the host is closing
        }
    }

    private Outcome budgetOutcome(Duration budget) {
        String code = termination.get();
        Watchdog.Watch w = watch;
        return switch (code) {
            case Limits.EXECUTION_TIMEOUT -> failure(code, "the script ran longer than its " + human(budget)
                    + " limit and was stopped; raise the timeout in ScriptPolicy if the run is legitimate", null, null);
            case Limits.MEMORY_LIMIT -> failure(code, "the script allocated more than " + policy.maxAllocatedBytes()
                    + " bytes (ScriptPolicy.maxAllocatedBytes" + (w == null ? "" : "; " + w.allocatedBytes() + " seen")
                    + ") and was stopped; process pages as they arrive instead of accumulating them, or raise the budget", null, null);
            case Limits.STATEMENT_LIMIT -> failure(code, "the script ran more than " + policy.statementLimit()
                    + " statements and was stopped; raise ScriptPolicy.statementLimit if this is legitimate", null, null);
            case Limits.LOG_LIMIT -> failure(code, "the script wrote more than " + policy.maxLogBytes()
                    + " bytes of logs and was stopped; log less, or raise ScriptPolicy.maxLogBytes", null, null);
            case Limits.TIMER_LIMIT -> failure(code, "the script had more than " + policy.maxPendingTimers()
                    + " timers pending and was stopped; await timers instead of scheduling them in bulk", null, null);
            default -> failure(code, "the script exceeded a budget (" + code + ")", null, null);
        };
    }

    private static String human(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private static String stackOf(PolyglotException e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (f.isGuestFrame() && f.getSourceLocation() != null) {
                var loc = f.getSourceLocation();
                sb.append("\n    at ").append(f.getRootName() == null ? "<anonymous>" : f.getRootName())
                  .append(" (").append(loc.getSource().getName()).append(':').append(loc.getStartLine())
                  .append(':').append(loc.getStartColumn()).append(')');
            }
        }
        return sb.toString();
    }

    static Outcome failure(String code, String message, JsonNode payload, String stack) {
        return new Outcome(null, new ExecutionError(code, message, payload, locate(stack), stack));
    }

    private static String locate(String stack) {
        if (stack == null) return null;
        Matcher m = TS_FRAME.matcher(stack);
        return m.find() ? m.group() : null;
    }

    /** The settlement of the script's promise, classified the way Nango's runner classifies errors. */
    private final class Settlement {
        private final Value api;
        private final String scriptType;
        private Outcome outcome;

        Settlement(Value api, String scriptType) {
            this.api = api;
            this.scriptType = scriptType;
        }

        boolean done() {
            return outcome != null;
        }

        Outcome outcome() {
            return outcome;
        }

        ProxyExecutable onFulfilled() {
            return args -> {
                Value v = args.length == 0 ? null : args[0];
                outcome = v == null || v.isNull() ? new Outcome(null, null) : output(v);
                return null;
            };
        }

        private Outcome output(Value text) {
            long max = policy.maxActionOutputBytes();
            boolean action = "action".equals(scriptType);
            // A UTF-8 byte count is at least the UTF-16 length: a text that long is too large before it is copied.
            long chars = context.eval(LENGTH).execute(text).asLong();
            if (action && chars > max) return tooLarge(chars + " characters");
            String json = text.asString();
            long bytes = json.getBytes(StandardCharsets.UTF_8).length;
            if (action && bytes > max) return tooLarge(bytes + " bytes");
            try {
                Bridge.JSON.readTree(json);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // Only a script that replaced JSON.stringify gets here; its result is refused, not passed on.
                return failure("script_internal_error", "the script's output is not valid JSON (" + e.getOriginalMessage()
                        + "); do not replace JSON.stringify", null, null);
            }
            return new Outcome(json, null);
        }

        private Outcome tooLarge(String size) {
            return failure(Limits.OUTPUT_TOO_LARGE, "Output size is too large: " + size + ". Maximum allowed size is "
                    + policy.maxActionOutputBytes() + " bytes.", null, null);
        }

        ProxyExecutable onRejected() {
            return args -> {
                JsonNode d;
                try {
                    d = Bridge.JSON.readTree(api.invokeMember("describeError", args.length == 0 ? null : args[0]).asString());
                } catch (Exception e) {
                    outcome = failure("script_internal_error", "the script failed with a value the host could not read", null, null);
                    return null;
                }
                outcome = classify(d);
                return null;
            };
        }

        private Outcome classify(JsonNode d) {
            String stack = SourceMap.mapStack(d.path("stack").asText(null), bundle.fileName(), bundle.sourceMap(), bundle.firstLineShift());
            JsonNodeFactory f = JsonNodeFactory.instance;
            return switch (d.path("kind").asText()) {
                case "action_error" -> {
                    JsonNode p = d.path("payload");
                    JsonNode payload = p.isObject() ? p : p.isNull() || p.isMissingNode() ? f.objectNode() : f.objectNode().set("message", p);
                    yield failure("action_script_runtime_error", "The action script failed with a runtime error", payload, stack);
                }
                case "http" -> {
                    JsonNode data = d.path("data");
                    JsonNode payload = data.isObject() ? (data.has("payload") ? data.get("payload") : data) : f.objectNode().set("message", data);
                    yield failure("script_http_error", d.path("message").asText(), payload, stack);
                }
                case "network" -> failure("script_network_error", d.path("message").asText(),
                        f.objectNode().put("name", "AxiosError").put("code", d.path("code").asText(null)).put("message", d.path("message").asText()), stack);
                default -> {
                    String name = d.path("name").asText("Error");
                    String message = d.path("message").asText("");
                    // Refusals the script did not catch (payload_too_large, connection_not_allowed, url_not_allowed)
                    // stay script_internal_error with their code in the payload, as Nango reports SDK errors.
                    ObjectNode payload = f.objectNode().put("name", name).put("code", d.path("code").asText(null)).put("message", message);
                    yield failure("script_internal_error", name + ": " + message, payload, stack);
                }
            };
        }
    }
}
