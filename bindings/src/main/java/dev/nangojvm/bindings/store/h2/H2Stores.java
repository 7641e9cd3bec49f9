package dev.nangojvm.bindings.store.h2;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The four default stores on one {@link H2Database}, opened and closed together.
 *
 * <pre>{@code
 * try (H2Stores stores = H2Stores.open(Path.of(".nango-jvm"))) {
 *     ConnectionsFile.load(Path.of("connections.json"), stores.connections());
 *     SyncRun run = SyncRun.start(stores.records(), stores.syncState(), info, config, Clock.systemUTC(), log::add);
 * }
 * }</pre>
 *
 * @param database    the shared database; closing the bundle closes it
 * @param records     sync records
 * @param connections connections, credentials and metadata
 * @param checkpoints checkpoints
 * @param syncState   run history and {@code lastSyncDate}
 */
public record H2Stores(H2Database database, H2RecordStore records, H2ConnectionStore connections,
                       H2CheckpointStore checkpoints, H2SyncStateStore syncState) implements AutoCloseable {

    public H2Stores {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(syncState, "syncState");
    }

    /** The stores of the database in {@code directory} (created if needed), with the system clock. */
    public static H2Stores open(Path directory) {
        return on(H2Database.open(directory), Clock.systemUTC());
    }

    /** The stores of a fresh in-memory database, gone on {@link #close()}. */
    public static H2Stores inMemory() {
        return on(H2Database.inMemory(), Clock.systemUTC());
    }

    /** The stores of an open database; {@code clock} stamps connection, checkpoint and run bookkeeping columns. */
    public static H2Stores on(H2Database database, Clock clock) {
        return new H2Stores(database, new H2RecordStore(database), new H2ConnectionStore(database, clock),
                new H2CheckpointStore(database, clock), new H2SyncStateStore(database, clock));
    }

    @Override
    public void close() {
        database.close();
    }
}
