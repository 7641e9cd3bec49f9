package dev.nangojvm.host.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One thread per host that watches every running execution: its wall-clock deadline, and the
 * bytes allocated by the thread that runs it (HotSpot's per-thread allocation counter, the
 * closest thing to a heap cap the free GraalJS allows). It samples every tick (a few ms) and
 * reports a breach once; the execution then closes its context from another thread.
 *
 * <p>An allocation budget is a churn budget: garbage counts. One builtin can allocate a large
 * block between two samples (e.g. {@code 'x'.repeat(2**29)} is 512 MiB in one step), so the
 * budget may be overshot by that block; worker isolation is the hard cap.
 */
public final class Watchdog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Watchdog.class.getName());
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final long tickNanos;
    private final Thread thread;
    private volatile boolean running = true;

    public Watchdog(Duration tick) {
        this.tickNanos = tick.toNanos();
        this.thread = Thread.ofPlatform().daemon().name("nango-jvm-watchdog").start(this::loop);
    }

    /** Whether this JVM can count the bytes a thread allocates (HotSpot can). */
    public static boolean allocationCountingSupported() {
        return THREADS != null && THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    /**
     * Starts watching the current thread.
     *
     * @param budget            wall clock; breach: {@code execution_timeout}
     * @param maxAllocatedBytes allocation budget, or 0 for none; breach: {@code memory_limit}
     * @param onBreach          called at most once, on the watchdog's thread, with the code
     */
    public Watch watchCurrentThread(Duration budget, long maxAllocatedBytes, Consumer<String> onBreach) {
        Thread t = Thread.currentThread();
        if (maxAllocatedBytes > 0 && (t.isVirtual() || !allocationCountingSupported())) {
            throw new IllegalStateException("an allocation budget needs a platform thread on a JVM that counts allocations");
        }
        long start = maxAllocatedBytes > 0 ? THREADS.getCurrentThreadAllocatedBytes() : 0;
        Watch w = new Watch(t.threadId(), start, maxAllocatedBytes, System.nanoTime() + budget.toNanos(), onBreach);
        watches.add(w);
        return w;
    }

    private void loop() {
        while (running) {
            LockSupport.parkNanos(tickNanos);
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "watchdog tick failed", e);
            }
        }
    }

    private void tick() {
        if (watches.isEmpty()) return;
        long now = System.nanoTime();
        List<Watch> metered = new ArrayList<>();
        for (Watch w : watches) {
            if (now - w.deadline >= 0) {
                w.fire(Limits.EXECUTION_TIMEOUT);
            } else if (w.maxAllocated > 0) {
                metered.add(w);
            }
        }
        if (metered.isEmpty()) return;
        long[] ids = new long[metered.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = metered.get(i).threadId;
        long[] allocated = THREADS.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            Watch w = metered.get(i);
            if (allocated[i] >= 0) w.observe(allocated[i] - w.allocatedAtStart);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
            if (t.isThreadAllocatedMemorySupported() && !t.isThreadAllocatedMemoryEnabled()) t.setThreadAllocatedMemoryEnabled(true);
            return t;
        }
        return null;
    }

    /** One watched execution. Closing it stops the watch (the execution ended). */
    public final class Watch implements AutoCloseable {
        private final long threadId;
        private final long allocatedAtStart;
        private final long maxAllocated;
        private final long deadline;
        private final Consumer<String> onBreach;
        private volatile long allocated;
        private volatile boolean fired;

        private Watch(long threadId, long allocatedAtStart, long maxAllocated, long deadline, Consumer<String> onBreach) {
            this.threadId = threadId;
            this.allocatedAtStart = allocatedAtStart;
            this.maxAllocated = maxAllocated;
            this.deadline = deadline;
            this.onBreach = onBreach;
        }

        /** Bytes the execution's thread allocated so far, as of the last sample (0 without a budget). */
        public long allocatedBytes() {
            return allocated;
        }

        private void observe(long bytes) {
            allocated = bytes;
            if (bytes > maxAllocated) fire(Limits.MEMORY_LIMIT);
        }

        private void fire(String code) {
            if (fired) return;
            fired = true;
            watches.remove(this);
            onBreach.accept(code);
        }

        @Override
        public void close() {
            fired = true;
            watches.remove(this);
        }
    }
}
