package dev.nangojvm.bindings.store.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.store.CheckpointStore;
import dev.nangojvm.bindings.store.StoredCheckpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** The {@link CheckpointStore} on a {@link SqlDatabase}. Thread-safe. */
public final class SqlCheckpointStore implements CheckpointStore {
    private static final String KEY = "provider_config_key = ? AND connection_id = ? AND checkpoint_key = ?";

    private static final String UNIQUE_VIOLATION = "23505";

    private final Transactions tx;
    private final Clock clock;

    public SqlCheckpointStore(SqlDatabase db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock source of {@code deleted_at} and {@code updated_at} */
    public SqlCheckpointStore(SqlDatabase db, Clock clock) {
        this(Objects.requireNonNull(db, "db").transactions(), clock);
    }

    SqlCheckpointStore(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<StoredCheckpoint> get(String providerConfigKey, String connectionId, String key) {
        return tx.read(c -> select(c, providerConfigKey, connectionId, key, false));
    }

    @Override
    public StoredCheckpoint put(String providerConfigKey, String connectionId, String key, ObjectNode checkpoint,
                                long expectedVersion) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        return tx.write(c -> {
            Optional<StoredCheckpoint> current = select(c, providerConfigKey, connectionId, key, true);
            if (current.isEmpty()) {
                insert(c, providerConfigKey, connectionId, key, checkpoint);
                return new StoredCheckpoint(checkpoint, 1, null);
            }
            requireVersion(current.get(), expectedVersion, key);
            long next = current.get().version() + 1;
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE checkpoints SET checkpoint = ?, version = ?, deleted_at = NULL, updated_at = ? WHERE " + KEY)) {
                p.setString(1, Sql.writeObject(checkpoint));
                p.setLong(2, next);
                Sql.setInstant(p, 3, clock.instant());
                bindKey(p, 4, providerConfigKey, connectionId, key);
                p.executeUpdate();
            }
            return new StoredCheckpoint(checkpoint, next, null);
        });
    }

    @Override
    public void delete(String providerConfigKey, String connectionId, String key, long expectedVersion) {
        tx.write(c -> {
            Optional<StoredCheckpoint> current = select(c, providerConfigKey, connectionId, key, true);
            if (current.isEmpty() || current.get().isDeleted()) {
                return null;
            }
            requireVersion(current.get(), expectedVersion, key);
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE checkpoints SET version = version + 1, deleted_at = ?, updated_at = ? WHERE " + KEY)) {
                Sql.setInstant(p, 1, clock.instant());
                Sql.setInstant(p, 2, clock.instant());
                bindKey(p, 3, providerConfigKey, connectionId, key);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public int deleteAll(String providerConfigKey, String connectionId, String keyPrefix) {
        return tx.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM checkpoints"
                    + " WHERE provider_config_key = ? AND connection_id = ? AND checkpoint_key LIKE ? ESCAPE '\\'")) {
                p.setString(1, providerConfigKey);
                p.setString(2, connectionId);
                p.setString(3, keyPrefix.replaceAll("[\\\\%_]", "\\\\$0") + "%");
                return p.executeUpdate();
            }
        });
    }

    private static void requireVersion(StoredCheckpoint current, long expectedVersion, String key) {
        if (current.version() != expectedVersion) {
            throw new NangoException("checkpoint_conflict", "checkpoint '" + key + "' was changed by another execution"
                    + " (expected version " + expectedVersion + ", found " + current.version()
                    + "). Read it again with getCheckpoint() before saving.");
        }
    }

    private void insert(Connection c, String providerConfigKey, String connectionId, String key, ObjectNode checkpoint)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO checkpoints (provider_config_key, connection_id,"
                + " checkpoint_key, checkpoint, version, deleted_at, updated_at) VALUES (?, ?, ?, ?, 1, NULL, ?)")) {
            bindKey(p, 1, providerConfigKey, connectionId, key);
            p.setString(4, Sql.writeObject(checkpoint));
            Sql.setInstant(p, 5, clock.instant());
            p.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) { // another execution created it first
                throw new NangoException("checkpoint_conflict", "checkpoint '" + key
                        + "' was created by another execution. Read it again with getCheckpoint() before saving.");
            }
            throw e;
        }
    }

    private static Optional<StoredCheckpoint> select(Connection c, String providerConfigKey, String connectionId,
                                                     String key, boolean forUpdate) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT checkpoint, version, deleted_at FROM checkpoints WHERE "
                + KEY + (forUpdate ? " FOR UPDATE" : ""))) {
            bindKey(p, 1, providerConfigKey, connectionId, key);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredCheckpoint(Sql.readObject(rs.getString("checkpoint")),
                        rs.getLong("version"), Sql.getInstant(rs, "deleted_at")));
            }
        }
    }

    private static void bindKey(PreparedStatement p, int first, String providerConfigKey, String connectionId,
                                String key) throws SQLException {
        p.setString(first, providerConfigKey);
        p.setString(first + 1, connectionId);
        p.setString(first + 2, key);
    }
}
