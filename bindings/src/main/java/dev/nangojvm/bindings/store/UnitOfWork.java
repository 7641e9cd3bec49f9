package dev.nangojvm.bindings.store;

/**
 * One sync run's writes held in a single open transaction until {@link #commit()}: the record
 * writes of the run and its checkpoint become durable together, or not at all. {@link SyncRun}
 * commits it on {@code saveCheckpoint}, {@code clearCheckpoint} and at the end of the run.
 *
 * <p>{@link #autoCommit} is the null object: its stores commit every call on their own and
 * {@link #commit()} does nothing. A {@link Stores} implementation that cannot share a transaction
 * between its record and checkpoint stores returns it.
 *
 * <p>Not thread-safe: one run makes one call at a time.
 */
public interface UnitOfWork extends AutoCloseable {

    /** The record store, bound to this unit's transaction: its writes are pending until {@link #commit()}. */
    RecordStore records();

    /** The checkpoint store, bound to the same transaction. */
    CheckpointStore checkpoints();

    /**
     * Makes everything written since the previous commit durable at once, then keeps the unit
     * open for the next writes. Throws {@code store_error} if the database refuses; the unit is
     * then unusable and nothing since the previous commit is stored.
     */
    void commit();

    /**
     * Releases the transaction. What was not committed is rolled back, as when the process dies.
     * Idempotent.
     */
    @Override
    void close();

    /** A unit whose stores commit every call themselves; {@link #commit()} and {@link #close()} do nothing. */
    static UnitOfWork autoCommit(RecordStore records, CheckpointStore checkpoints) {
        return new UnitOfWork() {
            @Override public RecordStore records() { return records; }
            @Override public CheckpointStore checkpoints() { return checkpoints; }
            @Override public void commit() { }
            @Override public void close() { }
        };
    }
}
