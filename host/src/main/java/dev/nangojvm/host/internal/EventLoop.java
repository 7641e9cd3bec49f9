package dev.nangojvm.host.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The execution's own event loop. A GraalJS context may only be entered by one thread at a time,
 * so Java work that finishes elsewhere (HTTP, store, timers) posts its continuation here and the
 * execution thread runs it. Microtasks are drained by GraalJS when each host-to-guest call returns.
 */
final class EventLoop {
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    void post(Runnable task) {
        if (!closed) tasks.add(task);
    }

    /** Waits up to {@code millis} for the next task; {@code null} when none arrived. */
    Runnable next(long millis) throws InterruptedException {
        return tasks.poll(millis, TimeUnit.MILLISECONDS);
    }

    void close() {
        closed = true;
        tasks.clear();
    }
}
