package dev.nangojvm.bindings.store.postgres;

import dev.nangojvm.bindings.store.sql.SqlDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A PostgreSQL database behind the stores, reached through a {@link DataSource}. Opening it brings
 * the schema up to date; concurrent openers (several application instances starting at once)
 * take turns through an advisory lock. Everything the stores write lives in the data source's
 * default schema ({@code search_path}); give each nango-jvm deployment a schema or database of its own.
 *
 * <p>Thread-safe, and safe to share between processes: record writes are ordered by a clock row
 * in the database, not in this JVM.
 */
public final class PostgresDatabase extends SqlDatabase {
    /** Advisory lock key serialising migrations: "nango-jvm" squeezed into a bigint. */
    static final long MIGRATION_LOCK = 0x6e616e676f6a766dL;

    private final Runnable onClose;

    PostgresDatabase(String description, DataSource dataSource, Runnable onClose) {
        super(description, Objects.requireNonNull(dataSource, "dataSource")::getConnection);
        this.onClose = onClose;
        migrate();
    }

    @Override
    protected void beforeMigration(Connection c) throws SQLException {
        advisory(c, "SELECT pg_advisory_lock(?)");
    }

    @Override
    protected void afterMigration(Connection c) throws SQLException {
        advisory(c, "SELECT pg_advisory_unlock(?)");
    }

    private static void advisory(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, MIGRATION_LOCK);
            p.execute();
        }
    }

    /** Releases the pool this database created, if any; a caller's data source is left open. */
    @Override
    public void close() {
        onClose.run();
    }
}
