package dev.nangojvm.bindings.store.postgres;

import dev.nangojvm.bindings.store.sql.SqlStores;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The four stores on a PostgreSQL database: the same schema and statements as the H2 default
 * ({@code store.sql}), the same semantics, and units of work that commit a run's records together
 * with its checkpoint.
 *
 * <pre>{@code
 * try (PostgresStores stores = PostgresStores.open("jdbc:postgresql://db:5432/nango", "nango", secret)) {
 *     NangoBindings nango = NangoBindings.builder().stores(stores).build();
 * }
 * }</pre>
 *
 * <p>With {@link #open(DataSource)} the application's pool is used as it is (enable the driver's
 * {@code reWriteBatchedInserts=true} for fast saves); with {@link #open(String, String, String)} the
 * stores keep a small pool of their own, of at most {@value #MAX_CONNECTIONS} connections, which
 * {@link #close()} releases.
 */
public final class PostgresStores extends SqlStores {
    /** Pool size of {@link #open(String, String, String)}: short transactions plus one per sync run in progress. */
    public static final int MAX_CONNECTIONS = 32;

    private PostgresStores(PostgresDatabase database, Clock clock) {
        super(database, clock);
    }

    /** The stores on an application's data source; {@link #close()} leaves it open. */
    public static PostgresStores open(DataSource dataSource) {
        return on(new PostgresDatabase(describe(dataSource), dataSource, () -> { }), Clock.systemUTC());
    }

    /**
     * The stores on the database at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db}), through a
     * pool of their own. {@code reWriteBatchedInserts} is turned on unless the URL sets it.
     */
    public static PostgresStores open(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setUrl(jdbcUrl);
        if (!jdbcUrl.contains("reWriteBatchedInserts")) {
            pg.setReWriteBatchedInserts(true);
        }
        pg.setUser(user);
        pg.setPassword(password);
        JdbcConnectionPool pool = JdbcConnectionPool.create(pg); // a small generic pool, already on the class path
        pool.setMaxConnections(MAX_CONNECTIONS);
        try {
            return on(new PostgresDatabase(withoutCredentials(jdbcUrl), pool, pool::dispose), Clock.systemUTC());
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** The stores of an open database; {@code clock} stamps connection, checkpoint and run bookkeeping columns. */
    public static PostgresStores on(PostgresDatabase database, Clock clock) {
        return new PostgresStores(database, clock);
    }

    @Override
    public PostgresDatabase database() {
        return (PostgresDatabase) super.database();
    }

    private static String describe(DataSource dataSource) {
        return "PostgreSQL (" + dataSource.getClass().getSimpleName() + ")";
    }

    /** The URL as shown in errors: without a query string, which may carry a password. */
    static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
