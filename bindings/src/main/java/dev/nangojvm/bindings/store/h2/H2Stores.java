package dev.nangojvm.bindings.store.h2;

import dev.nangojvm.bindings.store.sql.SqlStores;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The four default stores on one {@link H2Database}, opened and closed together.
 *
 * <pre>{@code
 * try (H2Stores stores = H2Stores.open(Path.of(".nango-jvm"))) {
 *     ConnectionsFile.load(Path.of("connections.json"), stores.connections());
 *     NangoBindings nango = NangoBindings.builder().stores(stores).build();
 * }
 * }</pre>
 */
public final class H2Stores extends SqlStores {

    private H2Stores(H2Database database, Clock clock) {
        super(database, clock);
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
        return new H2Stores(database, clock);
    }

    @Override
    public H2Database database() {
        return (H2Database) super.database();
    }
}
