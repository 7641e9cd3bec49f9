package dev.nangojvm.bindings.store.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.store.ConnectionStore;
import dev.nangojvm.bindings.store.StoredConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link ConnectionStore} on a {@link SqlDatabase}. Thread-safe. */
public final class SqlConnectionStore implements ConnectionStore {
    private static final String COLUMNS = "provider_config_key, connection_id, provider, credentials, connection_config, metadata";
    private static final String KEY = "provider_config_key = ? AND connection_id = ?";

    private final SqlDatabase db;
    private final Clock clock;

    public SqlConnectionStore(SqlDatabase db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock source of {@code created_at}/{@code updated_at} */
    public SqlConnectionStore(SqlDatabase db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<StoredConnection> find(String providerConfigKey, String connectionId) {
        return db.inTransaction(c -> select(c, providerConfigKey, connectionId, false));
    }

    @Override
    public List<StoredConnection> list() {
        return db.inTransaction(c -> {
            List<StoredConnection> result = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM connections ORDER BY provider_config_key, connection_id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.add(toConnection(rs));
                }
            }
            return result;
        });
    }

    @Override
    public void put(StoredConnection connection) {
        db.inTransaction(c -> {
            int updated = update(c, "provider = ?, credentials = ?, connection_config = ?, metadata = ?",
                    connection.providerConfigKey(), connection.connectionId(),
                    connection.provider(), Sql.writeObject(connection.credentials()),
                    Sql.writeObject(connection.connectionConfig()), Sql.writeObject(connection.metadata()));
            if (updated == 0) {
                insert(c, connection);
            }
            return null;
        });
    }

    @Override
    public boolean delete(String providerConfigKey, String connectionId) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM connections WHERE " + KEY)) {
                p.setString(1, providerConfigKey);
                p.setString(2, connectionId);
                return p.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void updateCredentials(String providerConfigKey, String connectionId, ObjectNode credentials) {
        Objects.requireNonNull(credentials, "credentials");
        updateExisting(providerConfigKey, connectionId, "credentials = ?", Sql.writeObject(credentials));
    }

    @Override
    public void setMetadata(String providerConfigKey, String connectionId, ObjectNode metadata) {
        Objects.requireNonNull(metadata, "metadata");
        updateExisting(providerConfigKey, connectionId, "metadata = ?", Sql.writeObject(metadata));
    }

    @Override
    public ObjectNode updateMetadata(String providerConfigKey, String connectionId, ObjectNode partial) {
        Objects.requireNonNull(partial, "partial");
        return db.inTransaction(c -> {
            // FOR UPDATE: two concurrent merges must not lose each other's keys.
            StoredConnection current = select(c, providerConfigKey, connectionId, true)
                    .orElseThrow(() -> ConnectionStore.unknown(providerConfigKey, connectionId));
            ObjectNode merged = current.metadata() == null ? partial.objectNode() : current.metadata();
            merged.setAll(partial.deepCopy());
            update(c, "metadata = ?", providerConfigKey, connectionId, Sql.writeObject(merged));
            return merged;
        });
    }

    private void updateExisting(String providerConfigKey, String connectionId, String assignments, String... values) {
        db.inTransaction(c -> {
            if (update(c, assignments, providerConfigKey, connectionId, values) == 0) {
                throw ConnectionStore.unknown(providerConfigKey, connectionId);
            }
            return null;
        });
    }

    /** {@code UPDATE connections SET <assignments>, updated_at = now WHERE key}; values bind the assignments in order. */
    private int update(Connection c, String assignments, String providerConfigKey, String connectionId,
                       String... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE connections SET " + assignments + ", updated_at = ? WHERE " + KEY)) {
            int i = 1;
            for (String value : values) {
                p.setString(i++, value);
            }
            Sql.setInstant(p, i++, clock.instant());
            p.setString(i++, providerConfigKey);
            p.setString(i, connectionId);
            return p.executeUpdate();
        }
    }

    private void insert(Connection c, StoredConnection connection) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO connections (" + COLUMNS
                + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, connection.providerConfigKey());
            p.setString(2, connection.connectionId());
            p.setString(3, connection.provider());
            p.setString(4, Sql.writeObject(connection.credentials()));
            p.setString(5, Sql.writeObject(connection.connectionConfig()));
            p.setString(6, Sql.writeObject(connection.metadata()));
            Sql.setInstant(p, 7, clock.instant());
            Sql.setInstant(p, 8, clock.instant());
            p.executeUpdate();
        }
    }

    private static Optional<StoredConnection> select(Connection c, String providerConfigKey, String connectionId,
                                                     boolean forUpdate) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM connections WHERE " + KEY
                + (forUpdate ? " FOR UPDATE" : ""))) {
            p.setString(1, providerConfigKey);
            p.setString(2, connectionId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(toConnection(rs)) : Optional.empty();
            }
        }
    }

    private static StoredConnection toConnection(ResultSet rs) throws SQLException {
        return new StoredConnection(rs.getString("connection_id"), rs.getString("provider_config_key"),
                rs.getString("provider"), Sql.readObject(rs.getString("credentials")),
                Sql.readObject(rs.getString("connection_config")), Sql.readObject(rs.getString("metadata")));
    }
}
