package dev.nangojvm.bindings.store.sql;

import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.store.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/**
 * A SQL database behind the stores: where connections come from, the schema (brought up to date
 * by {@link #migrate()}), transactions, and {@linkplain #openUnitOfWork() units of work}. Subclasses
 * ({@code H2Database}, {@code PostgresDatabase}) supply the connections and the dialect's few hooks.
 *
 * <p>Thread-safe.
 */
public abstract class SqlDatabase implements AutoCloseable {
    private final String description;
    private final ConnectionSource connections;
    private final Transactions autoCommit = new AutoCommit();

    /** Source of JDBC connections; also a seam for tests that inject faults at the database boundary. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection get() throws SQLException;
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A record write: the connection and the timestamp the write must give the rows it changes. */
    @FunctionalInterface
    interface RecordWork<T> {
        T run(Connection connection, Instant timestamp) throws SQLException;
    }

    /**
     * @param description how to name the database in errors, e.g. its JDBC URL without credentials
     * @param connections where connections come from; each is closed after one transaction
     */
    protected SqlDatabase(String description, ConnectionSource connections) {
        this.description = Objects.requireNonNull(description, "description");
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /** Brings the schema up to date; a subclass calls it once, when its connections work. */
    protected final void migrate() {
        inTransaction(c -> {
            beforeMigration(c);
            try {
                return Migrations.apply(c);
            } finally {
                afterMigration(c);
            }
        });
    }

    /** Serialises migrations between processes (PostgreSQL); nothing by default. */
    protected void beforeMigration(Connection c) throws SQLException {
    }

    /** Undoes {@link #beforeMigration}. */
    protected void afterMigration(Connection c) throws SQLException {
    }

    /** The database's name in messages. */
    public String description() {
        return description;
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
            throw storeError(e);
        }
    }

    /**
     * A unit of work on a connection of its own: record and checkpoint writes stay pending until
     * its {@link UnitOfWork#commit()}, which re-stamps the records it wrote with one commit timestamp.
     * The caller closes it; closing without a commit rolls back, as a crash would.
     */
    public UnitOfWork openUnitOfWork() {
        try {
            Connection c = connections.get();
            c.setAutoCommit(false);
            return new SqlUnitOfWork(this, c);
        } catch (SQLException e) {
            throw storeError(e);
        }
    }

    /** How the stores of this database run their work when no unit of work is involved. */
    Transactions transactions() {
        return autoCommit;
    }

    NangoException storeError(SQLException e) {
        return new NangoException("store_error", "Database " + description + ": " + e.getMessage(), e);
    }

    static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Closes what the database opened; the data stays (except for an in-memory database). */
    @Override
    public abstract void close();

    /** Every call its own transaction; record writes hold the clock row from timestamp to commit. */
    private final class AutoCommit implements Transactions {
        @Override
        public <T> T read(SqlWork<T> work) {
            return inTransaction(work);
        }

        @Override
        public <T> T write(SqlWork<T> work) {
            return inTransaction(work);
        }

        @Override
        public <T> T recordWrite(Touched touched, Instant now, RecordWork<T> work) {
            return inTransaction(c -> work.run(c, RecordClock.next(c, now)));
        }
    }
}
