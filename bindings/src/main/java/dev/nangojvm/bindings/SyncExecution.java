package dev.nangojvm.bindings;

/**
 * One sync run: the {@link NangoSync} the script uses, and the end of the run. The host calls
 * {@link #finish(boolean)} exactly once, after the script settled; the embedder then {@link #close()}s it.
 */
public interface SyncExecution extends NangoSync, AutoCloseable {

    /**
     * Ends the run. On success: applies {@code track_deletes} for full syncs and records this
     * run's start as the next {@code lastSyncDate}. On failure: neither (saved records stay).
     */
    SyncSummary finish(boolean succeeded);

    /**
     * Releases the run. A run closed without {@link #finish} is abandoned as if its process had died:
     * what it saved since its last checkpoint is rolled back, so the next run resumes cleanly from
     * that checkpoint. Idempotent.
     */
    @Override
    default void close() { }
}
