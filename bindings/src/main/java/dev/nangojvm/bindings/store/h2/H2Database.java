package dev.nangojvm.bindings.store.h2;

import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.store.sql.SqlDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database behind the default stores: one database per directory, created on
 * first use, schema brought up to date on open. H2 runs in PostgreSQL mode and the SQL of
 * {@code store.sql} sticks to what PostgreSQL also accepts.
 *
 * <pre>{@code
 * try (H2Database db = H2Database.open(Path.of("/var/lib/nango-jvm"))) {
 *     RecordStore records = new SqlRecordStore(db);
 * }
 * }</pre>
 *
 * <p>Thread-safe: connections come from a pool of at most {@value #MAX_CONNECTIONS}; each running
 * sync's unit of work holds one. Only one process may open a file database.
 */
public final class H2Database extends SqlDatabase {
    /** File name (without H2's {@code .mv.db} suffix) of the database inside the directory. */
    public static final String FILE_NAME = "nango";
    /** Pool size: short transactions plus one connection per sync run in progress. */
    public static final int MAX_CONNECTIONS = 64;
    private static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

    private final String url;
    private final JdbcConnectionPool pool;
    private final AtomicBoolean closed;

    private H2Database(String url, JdbcConnectionPool pool, AtomicBoolean closed, UnaryOperator<ConnectionSource> decorate) {
        super(url, decorate.apply(() -> {
            if (closed.get()) {
                throw new SQLException("the database is closed");
            }
            return pool.getConnection();
        }));
        this.url = url;
        this.pool = pool;
        this.closed = closed;
        migrate();
    }

    private static H2Database create(String url, UnaryOperator<ConnectionSource> decorate) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        return new H2Database(url, pool, new AtomicBoolean(), decorate);
    }

    /** Opens (creating if needed) the database file {@value #FILE_NAME} in {@code directory}. */
    public static H2Database open(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Path file = directory.toAbsolutePath().resolve(FILE_NAME);
        return create("jdbc:h2:file:" + file + SETTINGS, s -> s);
    }

    /** A private in-memory database that disappears on {@link #close()}; for tests and dry runs. */
    public static H2Database inMemory() {
        return inMemory(s -> s);
    }

    static H2Database inMemory(UnaryOperator<ConnectionSource> decorate) {
        return create("jdbc:h2:mem:nango-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SETTINGS, decorate);
    }

    /** The JDBC URL, for diagnostics. */
    public String url() {
        return url;
    }

    /**
     * Closes the database, rolling back what is not committed; in-memory data is gone afterwards, a
     * file database can be reopened. Idempotent.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new NangoException("store_error", "Database " + url + ": could not shut down: " + e.getMessage(), e);
        } finally {
            pool.dispose();
        }
    }
}
