package dev.nangojvm.bindings;

/**
 * One sync run: the {@link NangoSync} the script uses, and the end of the run. The host calls
 * {@link #finish(boolean)} exactly once, after the script settled.
 */
public interface SyncExecution extends NangoSync, AutoCloseable {

    /**
     * Ends the run. On success: applies {@code track_deletes} for full syncs and records this
     * run's start as the next {@code lastSyncDate}. On failure: neither (saved records stay).
     */
    SyncSummary finish(boolean succeeded);

    @Override
    default void close() { }
}
