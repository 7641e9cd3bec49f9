package dev.nangojvm.host.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nangojvm.policy.ScriptPolicy;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.graalvm.polyglot.HostAccess;

/**
 * The only Java object a context can reach, and only from the closure of the guard in
 * {@code sandbox.js}: three exported members. Arguments and results cross as JSON text, so no host
 * object and no guest value outlives a call on the wrong side.
 *
 * <p>Owns the per-execution budgets that live at the boundary: log bytes, pending timers and the
 * size of what crosses. {@link #close()} cancels every pending call and timer, so that nothing
 * scheduled by a finished execution keeps its guest values alive.
 */
public final class Bridge {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Dispatcher dispatcher;
    private final EventLoop loop;
    private final Executor io;
    private final ScheduledExecutorService timers;
    private final ScriptPolicy policy;
    private final Consumer<String> onBudgetExceeded;
    private final AtomicLong logBytes = new AtomicLong();
    private final AtomicInteger pendingTimers = new AtomicInteger();
    private final Set<Future<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    Bridge(Dispatcher dispatcher, EventLoop loop, Executor io, ScheduledExecutorService timers, ScriptPolicy policy,
           Consumer<String> onBudgetExceeded) {
        this.dispatcher = dispatcher;
        this.loop = loop;
        this.io = io;
        this.timers = timers;
        this.policy = policy;
        this.onBudgetExceeded = onBudgetExceeded;
    }

    /** An asynchronous {@code nango} member: settles with {@code {"ok":...}} or {@code {"error":...}}. */
    @HostAccess.Export
    public Thenable call(String method, String argsJson) {
        if (argsJson.length() > policy.maxBridgeMessageChars()) {
            // The guard in sandbox.js refuses these before they cross; this is the backstop.
            return settled(tooLarge("nango." + method, "its arguments are " + argsJson.length() + " characters of JSON"));
        }
        if (closed) return new Thenable(new CompletableFuture<>(), loop);
        CompletableFuture<String> result = new CompletableFuture<>();
        pending.add(result);
        result.whenComplete((v, e) -> pending.remove(result));
        // The task captures neither this bridge nor the loop: a binding call that never returns pins the binding only.
        Dispatcher target = dispatcher;
        long max = policy.maxBridgeMessageChars();
        try {
            io.execute(() -> {
                if (result.isDone()) return;
                String envelope = target.dispatch(method, argsJson);
                if (envelope.length() > max) {
                    envelope = tooLarge("the answer of nango." + method, "it is " + envelope.length() + " characters of JSON");
                }
                result.complete(envelope);
            });
        } catch (RejectedExecutionException e) {
            result.complete(errorEnvelope("internal_error", "nango." + method + ": the host is shutting down"));
        }
        return new Thenable(result, loop);
    }

    /** {@code nango.log} after the shim parsed its arguments; synchronous and never throwing. */
    @HostAccess.Export
    public void log(String level, String message, String metaJson) {
        long size = logBytes.addAndGet(message.length() + (metaJson == null ? 0 : metaJson.length()));
        if (size > policy.maxLogBytes()) {
            onBudgetExceeded.accept(Limits.LOG_LIMIT);
            return;
        }
        dispatcher.log(level, message, metaJson);
    }

    /** The host side of {@code setTimeout}: settles after {@code millis}, on the execution's loop. */
    @HostAccess.Export
    public Thenable timer(double millis) {
        CompletableFuture<String> done = new CompletableFuture<>();
        if (closed) return new Thenable(done, loop);
        if (pendingTimers.incrementAndGet() > policy.maxPendingTimers()) {
            onBudgetExceeded.accept(Limits.TIMER_LIMIT);
            return new Thenable(done, loop);
        }
        long delay = Double.isFinite(millis) ? Math.max(0, Math.min((long) millis, Integer.MAX_VALUE)) : 0;
        Future<?> task = timers.schedule(() -> done.complete("null"), delay, TimeUnit.MILLISECONDS);
        pending.add(task);
        done.whenComplete((v, e) -> {
            pending.remove(task);
            pendingTimers.decrementAndGet();
        });
        pending.add(done);
        done.whenComplete((v, e) -> pending.remove(done));
        return new Thenable(done, loop);
    }

    /** How many log characters the execution wrote. */
    long logBytes() {
        return logBytes.get();
    }

    /**
     * Ends every pending call and timer of the execution: their futures drop the guest callbacks
     * they hold, and scheduled timers leave the shared scheduler now rather than when they are due.
     */
    void close() {
        closed = true;
        for (Future<?> f : pending.toArray(Future<?>[]::new)) {
            f.cancel(false);
        }
        pending.clear();
        dispatcher.close();
    }

    private Thenable settled(String envelope) {
        return new Thenable(CompletableFuture.completedFuture(envelope), loop);
    }

    private static String tooLarge(String subject, String actual) {
        return errorEnvelope(Limits.PAYLOAD_TOO_LARGE, subject + ": " + actual
                + ", more than the policy's maxBridgeMessageChars; send less per call");
    }

    private static String errorEnvelope(String code, String message) {
        var envelope = JsonNodeFactory.instance.objectNode();
        envelope.putObject("error").put("kind", "nango").put("code", code).put("message", message);
        return envelope.toString();
    }
}
