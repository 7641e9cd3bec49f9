package dev.nangojvm.bindings.store.h2;

import dev.nangojvm.bindings.NangoException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database behind the default stores: one database per directory, created on
 * first use, schema brought up to date on open ({@link Migrations}). H2 runs in PostgreSQL mode
 * and the SQL sticks to what PostgreSQL also accepts, so a PostgreSQL store can reuse it.
 *
 * <pre>{@code
 * try (H2Database db = H2Database.open(Path.of("/var/lib/nango-jvm"))) {
 *     RecordStore records = new H2RecordStore(db);
 * }
 * }</pre>
 *
 * <p>Thread-safe: connections come from a small pool. Only one process may open a file database.
 */
public final class H2Database implements AutoCloseable {
    /** File name (without H2's {@code .mv.db} suffix) of the database inside the directory. */
    public static final String FILE_NAME = "nango";
    private static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

    private final String url;
    private final ConnectionSource connections;
    private final JdbcConnectionPool pool;
    private final ReentrantLock recordWriteLock = new ReentrantLock();
    private final MonotonicClock recordClock;

    /** Source of JDBC connections; a seam for tests that inject faults at the database boundary. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private H2Database(String url, UnaryOperator<ConnectionSource> decorate) {
        this.url = url;
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        this.connections = decorate.apply(pool::getConnection);
        inTransaction(Migrations::apply);
        this.recordClock = new MonotonicClock(inTransaction(H2Database::latestRecordTimestamp));
    }

    /** Opens (creating if needed) the database file {@value #FILE_NAME} in {@code directory}. */
    public static H2Database open(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Path file = directory.toAbsolutePath().resolve(FILE_NAME);
        return new H2Database("jdbc:h2:file:" + file + SETTINGS, s -> s);
    }

    /** A private in-memory database that disappears on {@link #close()}; for tests and dry runs. */
    public static H2Database inMemory() {
        return inMemory(s -> s);
    }

    static H2Database inMemory(UnaryOperator<ConnectionSource> decorate) {
        return new H2Database("jdbc:h2:mem:nango-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SETTINGS, decorate);
    }

    /** The JDBC URL, for diagnostics. */
    public String url() {
        return url;
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     * SQL failures become {@code store_error}; a {@link RuntimeException} of the work passes through.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = connections.get()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new NangoException("store_error", "Database " + url + ": " + e.getMessage(), e);
        }
    }

    /** Work on records that needs the transaction's write timestamp. */
    @FunctionalInterface
    interface RecordWork<T> {
        T run(Connection connection, Instant timestamp) throws SQLException;
    }

    /**
     * Runs a record write in one transaction, holding the record-write lock from timestamp to
     * commit, so that commits happen in timestamp order (see {@link H2RecordStore}).
     */
    <T> T recordWrite(Instant now, RecordWork<T> work) {
        recordWriteLock.lock();
        try {
            return inTransaction(c -> work.run(c, recordClock.next(now)));
        } finally {
            recordWriteLock.unlock();
        }
    }

    private static Instant latestRecordTimestamp(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(last_modified_at) FROM records")) {
            rs.next();
            OffsetDateTime latest = rs.getObject(1, OffsetDateTime.class);
            return latest == null ? Instant.EPOCH : latest.toInstant();
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Closes the database; in-memory data is gone afterwards, a file database can be reopened. */
    @Override
    public void close() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new NangoException("store_error", "Database " + url + ": could not shut down: " + e.getMessage(), e);
        } finally {
            pool.dispose();
        }
    }
}
