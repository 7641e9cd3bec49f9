package dev.nangojvm.bindings.store;

import java.util.Objects;

/**
 * The four stores of one database, opened and closed together: what {@code NangoBindings} needs.
 * {@code H2Stores} and {@code PostgresStores} implement it; an embedding application may too.
 *
 * <p>{@link #openUnitOfWork()} is what makes a checkpoint commit together with the records saved
 * before it. The default returns {@link UnitOfWork#autoCommit}: every write commits on its own, which
 * still loses and duplicates nothing on resume (saves are idempotent by id) but may leave the
 * records of a killed run's last pages stored without their checkpoint.
 */
public interface Stores extends AutoCloseable {
    RecordStore records();

    ConnectionStore connections();

    CheckpointStore checkpoints();

    SyncStateStore syncState();

    /** A unit of work on these stores, one per sync run; the caller closes it. */
    default UnitOfWork openUnitOfWork() {
        return UnitOfWork.autoCommit(records(), checkpoints());
    }

    /** Closes what these stores opened; a no-op by default. */
    @Override
    default void close() { }

    /** Four stores an application implemented itself, without shared transactions. */
    static Stores of(RecordStore records, ConnectionStore connections, CheckpointStore checkpoints,
                     SyncStateStore syncState) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(syncState, "syncState");
        return new Stores() {
            @Override public RecordStore records() { return records; }
            @Override public ConnectionStore connections() { return connections; }
            @Override public CheckpointStore checkpoints() { return checkpoints; }
            @Override public SyncStateStore syncState() { return syncState; }
        };
    }
}
