package dev.nangojvm.host.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads one host shares between its executions: timers, the IO pool that runs binding
 * calls, the watchdog, and the reaper that closes contexts (a forced close can block until the
 * guest reaches a safepoint, so it never runs on the watchdog's own thread).
 */
public final class HostServices implements AutoCloseable {
    /** How often the watchdog samples deadlines and allocation counters. */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(5);

    private final ScheduledThreadPoolExecutor timers;
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService reaper = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("nango-jvm-reaper-", 0).factory());
    private final Watchdog watchdog;
    private final java.util.concurrent.ScheduledExecutorService monitor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("nango-jvm-monitor").factory());

    public HostServices(Duration tick) {
        this.timers = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("nango-jvm-timers").factory());
        // A cancelled timer must leave the queue at once: it holds its execution's callbacks.
        this.timers.setRemoveOnCancelPolicy(true);
        this.watchdog = new Watchdog(tick);
        Diagnostics.trackServices(this);
    }

    public ScheduledThreadPoolExecutor timers() {
        return timers;
    }

    public ExecutorService io() {
        return io;
    }

    public ExecutorService reaper() {
        return reaper;
    }

    public Watchdog watchdog() {
        return watchdog;
    }

    /** Host-side checks scheduled after the fact (e.g. "is the stopped execution really gone?"), apart from script timers. */
    public java.util.concurrent.ScheduledExecutorService monitor() {
        return monitor;
    }

    /** Timers still queued in the shared scheduler, for tests and diagnostics. */
    public int queuedTimers() {
        return timers.getQueue().size();
    }

    @Override
    public void close() {
        watchdog.close();
        timers.shutdownNow();
        monitor.shutdownNow();
        io.shutdownNow();
        reaper.shutdown();
        try {
            reaper.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
