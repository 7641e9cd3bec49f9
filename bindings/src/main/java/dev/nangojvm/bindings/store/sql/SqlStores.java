package dev.nangojvm.bindings.store.sql;

import dev.nangojvm.bindings.store.Stores;
import dev.nangojvm.bindings.store.UnitOfWork;
import java.time.Clock;
import java.util.Objects;

/**
 * The four stores on one {@link SqlDatabase}, opened and closed together, with units of work that
 * commit a run's records and checkpoint in one transaction. {@code H2Stores} and
 * {@code PostgresStores} are the front doors.
 */
public abstract class SqlStores implements Stores {
    private final SqlDatabase database;
    private final SqlRecordStore records;
    private final SqlConnectionStore connections;
    private final SqlCheckpointStore checkpoints;
    private final SqlSyncStateStore syncState;

    /** @param clock stamps connection, checkpoint and run bookkeeping columns (records use the caller's time) */
    protected SqlStores(SqlDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        this.records = new SqlRecordStore(database);
        this.connections = new SqlConnectionStore(database, clock);
        this.checkpoints = new SqlCheckpointStore(database, clock);
        this.syncState = new SqlSyncStateStore(database, clock);
    }

    /** The shared database; closing the stores closes it. */
    public SqlDatabase database() {
        return database;
    }

    @Override
    public SqlRecordStore records() {
        return records;
    }

    @Override
    public SqlConnectionStore connections() {
        return connections;
    }

    @Override
    public SqlCheckpointStore checkpoints() {
        return checkpoints;
    }

    @Override
    public SqlSyncStateStore syncState() {
        return syncState;
    }

    /** A transaction kept open across calls; see {@link SqlDatabase#openUnitOfWork()}. */
    @Override
    public UnitOfWork openUnitOfWork() {
        return database.openUnitOfWork();
    }

    @Override
    public void close() {
        database.close();
    }
}
