package dev.nangojvm.host.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Keeps a few {@link PreparedContext}s ready, made by one background thread, so that an execution
 * does not wait for realm initialisation and the host's prelude (most of a trivial execution's
 * cost). When none is ready the caller prepares its own: never slower than without the pool.
 */
final class PreparedContexts implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PreparedContexts.class.getName());

    private final ContextFactory contexts;
    private final Execution.Prelude prelude;
    private final String guardLimits;
    private final BlockingQueue<PreparedContext> ready;
    private final int size;
    private Thread filler;
    private volatile boolean closed;

    /** @param size how many contexts to keep ready; 0 prepares every context on demand */
    PreparedContexts(ContextFactory contexts, Execution.Prelude prelude, String guardLimits, int size) {
        this.contexts = contexts;
        this.prelude = prelude;
        this.guardLimits = guardLimits;
        this.size = size;
        this.ready = size > 0 ? new ArrayBlockingQueue<>(size) : null;
    }

    /**
     * A prepared context for one execution: a ready one if there is, else one made now. The first
     * call starts the background thread, so that a process that runs one script and exits (a dry
     * run, a cold start) does not pay for contexts it will never use.
     */
    PreparedContext take() {
        if (size > 0) startFiller();
        PreparedContext p = ready == null ? null : ready.poll();
        return p != null ? p : PreparedContext.prepare(contexts, prelude, guardLimits);
    }

    private synchronized void startFiller() {
        if (filler == null && !closed) filler = Thread.ofPlatform().daemon().name("nango-jvm-context-filler").start(this::fill);
    }

    private void fill() {
        while (!closed) {
            try {
                PreparedContext p = PreparedContext.prepare(contexts, prelude, guardLimits);
                ready.put(p);
                if (closed && ready.remove(p)) p.discard();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) return;
                // An engine that cannot make contexts fails the executions too, with their own errors; do not spin.
                LOG.log(System.Logger.Level.WARNING, "could not prepare a context ahead of time: " + e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        Thread filler;
        synchronized (this) {
            closed = true;
            filler = this.filler;
        }
        if (filler != null) {
            filler.interrupt();
            try {
                filler.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ready != null) {
            for (PreparedContext p; (p = ready.poll()) != null; ) p.discard();
        }
    }
}
