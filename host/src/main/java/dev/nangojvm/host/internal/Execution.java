package dev.nangojvm.host.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoAction;
import dev.nangojvm.host.ExecutionError;
import dev.nangojvm.policy.ScriptPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One run of one script in a fresh context: build the nango object, load the bundle, call its
 * entry point, pump the event loop until the promise settles or a budget ends the run.
 * Nothing of the context survives {@link #run}; results leave as JSON.
 */
public final class Execution {
    private static final Pattern TS_FRAME = Pattern.compile("([\\w@./-]+\\.(?:ts|tsx|mts|cts)):(\\d+):(\\d+)");
    private static final Runnable WAKE_UP = () -> { };

    /** What the script produced: output JSON text (or null), or a failure. */
    public record Outcome(String outputJson, ExecutionError error) { }

    private final ContextFactory contexts;
    private final Source nodeGlobals;
    private final Source shim;
    private final CompiledBundle bundle;
    private final ScriptPolicy policy;
    private final ScheduledExecutorService scheduler;
    private final Executor io;
    private final EventLoop loop = new EventLoop();
    private final AtomicReference<String> termination = new AtomicReference<>();
    private volatile Context context;

    public Execution(ContextFactory contexts, Source nodeGlobals, Source shim, CompiledBundle bundle, ScriptPolicy policy,
                     ScheduledExecutorService scheduler, Executor io) {
        this.contexts = contexts;
        this.nodeGlobals = nodeGlobals;
        this.shim = shim;
        this.bundle = bundle;
        this.policy = policy;
        this.scheduler = scheduler;
        this.io = io;
    }

    public Outcome run(NangoAction nango, ObjectNode props, JsonNode input) {
        String scriptType = props.path("scriptType").asText();
        Duration budget = policy.timeoutFor(scriptType);
        var output = new BoundedOutput(64 * 1024);
        context = contexts.create(output);
        ScheduledFuture<?> watchdog = null;
        try {
            Bridge bridge = new Bridge(nango, loop, io, scheduler, policy.maxLogBytes(), this::terminate);
            Value nodeModules = context.eval(nodeGlobals).execute(NodeCrypto.shared()).getMember("modules");
            Value api = context.eval(shim).execute(bridge, props.toString(), nodeModules);
            // The budget covers everything the script does, from its module's top level on; the
            // host's own set-up above is not the script's time.
            watchdog = scheduler.schedule(() -> terminate("execution_timeout"), budget.toNanos(), TimeUnit.NANOSECONDS);
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
            if (e.isResourceExhausted()) {
                return failure("statement_limit", "the script ran more than " + policy.statementLimit()
                        + " statements; raise ScriptPolicy.statementLimit if this is legitimate", null, null);
            }
            if (e.isCancelled()) return failure("script_aborted", "the execution was cancelled by the host", null, null);
            String stack = SourceMap.mapStack(stackOf(e), bundle.fileName(), bundle.sourceMap(), bundle.firstLineShift());
            return failure("script_internal_error", e.getMessage(), null, stack);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("script_aborted", "the host thread was interrupted", null, null);
        } finally {
            if (watchdog != null) watchdog.cancel(false);
            loop.close();
            try {
                context.close(true);
            } catch (RuntimeException ignored) {
                // A cancelled context rethrows its cancellation on close; it is closed all the same.
            }
        }
    }

    /** Ends the run from any thread: the code wins over whatever the script does next. */
    void terminate(String code) {
        if (termination.compareAndSet(null, code)) {
            loop.post(WAKE_UP);
            Context c = context;
            if (c != null) {
                scheduler.execute(() -> {
                    try {
                        c.close(true);
                    } catch (RuntimeException ignored) {
                        // closing a running context reports the cancellation; nothing to do
                    }
                });
            }
        }
    }

    private Outcome budgetOutcome(Duration budget) {
        String code = termination.get();
        return switch (code) {
            case "execution_timeout" -> failure(code, "the script ran longer than its " + human(budget)
                    + " limit and was stopped; raise the timeout in ScriptPolicy if the run is legitimate", null, null);
            case "log_limit" -> failure(code, "the script wrote more than " + policy.maxLogBytes()
                    + " bytes of logs and was stopped", null, null);
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
                String json = v == null || v.isNull() ? null : v.asString();
                long bytes = json == null ? 0 : json.getBytes(StandardCharsets.UTF_8).length;
                if ("action".equals(scriptType) && bytes > policy.maxActionOutputBytes()) {
                    outcome = failure("output_too_large", "Output size is too large: " + bytes + " bytes. Maximum allowed size is "
                            + policy.maxActionOutputBytes() + " bytes.", null, null);
                } else {
                    outcome = new Outcome(json, null);
                }
                return null;
            };
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
                    ObjectNode payload = f.objectNode().put("name", name).put("code", d.path("code").asText(null)).put("message", message);
                    yield failure("script_internal_error", name + ": " + message, payload, stack);
                }
            };
        }
    }
}
