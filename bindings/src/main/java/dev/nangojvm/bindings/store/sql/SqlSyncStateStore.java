package dev.nangojvm.bindings.store.sql;

import dev.nangojvm.bindings.store.SyncKey;
import dev.nangojvm.bindings.store.SyncStateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link SyncStateStore} on a {@link SqlDatabase}: {@code sync_runs} holds one row per
 * run (its identity column is the run id), {@code sync_state} the {@code lastSyncDate} per sync.
 * Thread-safe.
 */
public final class SqlSyncStateStore implements SyncStateStore {
    private static final String KEY = "provider_config_key = ? AND connection_id = ? AND sync_name = ? AND variant = ?";

    private final SqlDatabase db;
    private final Clock clock;

    public SqlSyncStateStore(SqlDatabase db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock source of the runs' {@code ended_at} */
    public SqlSyncStateStore(SqlDatabase db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long runStarted(SyncKey key, Instant startedAt) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sync_runs (provider_config_key, connection_id,"
                    + " sync_name, variant, status, started_at) VALUES (?, ?, ?, ?, 'RUNNING', ?)", new String[] {"id"})) {
                bindKey(p, 1, key);
                Sql.setInstant(p, 5, startedAt);
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public void runSucceeded(long runId, Instant startedAt) {
        db.inTransaction(c -> {
            SyncKey key = finish(c, runId, "SUCCESS");
            try (PreparedStatement p = c.prepareStatement("UPDATE sync_state SET last_sync_date = ? WHERE " + KEY
                    + " AND (last_sync_date IS NULL OR last_sync_date < ?)")) {
                Sql.setInstant(p, 1, startedAt);
                bindKey(p, 2, key);
                Sql.setInstant(p, 6, startedAt);
                if (p.executeUpdate() == 0 && lastSyncDate(c, key).isEmpty()) {
                    insertState(c, key, startedAt);
                }
            }
            return null;
        });
    }

    @Override
    public void runFailed(long runId) {
        db.inTransaction(c -> finish(c, runId, "FAILED"));
    }

    @Override
    public Optional<Instant> lastSyncDate(SyncKey key) {
        return db.inTransaction(c -> lastSyncDate(c, key));
    }

    @Override
    public void reset(SyncKey key) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM sync_state WHERE " + KEY)) {
                bindKey(p, 1, key);
                return p.executeUpdate();
            }
        });
    }

    /** Marks the run ended and returns its sync. */
    private SyncKey finish(Connection c, long runId, String status) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE sync_runs SET status = ?, ended_at = ? WHERE id = ?")) {
            p.setString(1, status);
            Sql.setInstant(p, 2, clock.instant());
            p.setLong(3, runId);
            if (p.executeUpdate() == 0) {
                throw new IllegalArgumentException("Sync run " + runId + " does not exist: pass an id returned by runStarted.");
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "SELECT provider_config_key, connection_id, sync_name, variant FROM sync_runs WHERE id = ?")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return new SyncKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
    }

    private static Optional<Instant> lastSyncDate(Connection c, SyncKey key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT last_sync_date FROM sync_state WHERE " + KEY)) {
            bindKey(p, 1, key);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.ofNullable(Sql.getInstant(rs, "last_sync_date")) : Optional.empty();
            }
        }
    }

    private static void insertState(Connection c, SyncKey key, Instant lastSyncDate) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO sync_state (provider_config_key, connection_id,"
                + " sync_name, variant, last_sync_date) VALUES (?, ?, ?, ?, ?)")) {
            bindKey(p, 1, key);
            Sql.setInstant(p, 5, lastSyncDate);
            p.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement p, int first, SyncKey key) throws SQLException {
        p.setString(first, key.providerConfigKey());
        p.setString(first + 1, key.connectionId());
        p.setString(first + 2, key.syncName());
        p.setString(first + 3, key.variant());
    }
}
