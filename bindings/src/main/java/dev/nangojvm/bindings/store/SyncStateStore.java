package dev.nangojvm.bindings.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Run history and {@code lastSyncDate} per sync: the SPI, with {@code H2SyncStateStore} as the
 * default. Run ids double as the records' "seen" generation, so they must strictly increase across
 * the whole store (not only per sync). Implementations are thread-safe.
 */
public interface SyncStateStore {

    /** Records the start of a run and returns its id, greater than every id returned before. */
    long runStarted(SyncKey key, Instant startedAt);

    /**
     * Marks the run successful and makes {@code startedAt} the sync's {@code lastSyncDate}
     * (Nango uses the start, not the end, so changes made during the run are fetched again next
     * time). A later successful run is never overwritten by an earlier one finishing late.
     */
    void runSucceeded(long runId, Instant startedAt);

    /** Marks the run failed; {@code lastSyncDate} stays as it was. */
    void runFailed(long runId);

    /** {@code nango.lastSyncDate}: the start of the last successful run; empty on the first run and after {@link #reset}. */
    Optional<Instant> lastSyncDate(SyncKey key);

    /** Forgets {@code lastSyncDate}, as a Nango sync reset does (the next run sees none). */
    void reset(SyncKey key);
}
