package dev.nangojvm.bindings.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoException;
import java.util.List;
import java.util.Optional;

/**
 * Connections, their credentials and metadata: the SPI, with {@code H2ConnectionStore} as the
 * default. Methods that act on an existing connection throw {@code NangoException}
 * {@code unknown_connection} when there is none. Implementations are thread-safe, and
 * {@link #updateMetadata} is atomic (no lost update between read and write).
 */
public interface ConnectionStore {

    Optional<StoredConnection> find(String providerConfigKey, String connectionId);

    /** Every stored connection, ordered by integration then connection id. */
    List<StoredConnection> list();

    /** Inserts or replaces the whole connection. */
    void put(StoredConnection connection);

    /** Removes the connection; returns whether there was one. Its records and checkpoints stay. */
    boolean delete(String providerConfigKey, String connectionId);

    /** Replaces the credentials, e.g. after an OAuth token refresh. */
    void updateCredentials(String providerConfigKey, String connectionId, ObjectNode credentials);

    /** {@code nango.getMetadata()}: the metadata object, or empty when none was ever set. */
    default Optional<ObjectNode> getMetadata(String providerConfigKey, String connectionId) {
        return Optional.ofNullable(require(providerConfigKey, connectionId).metadata());
    }

    /** {@code nango.setMetadata(obj)}: replaces the whole metadata. */
    void setMetadata(String providerConfigKey, String connectionId, ObjectNode metadata);

    /**
     * {@code nango.updateMetadata(obj)}: shallow merge, {@code {...old, ...partial}}: top-level
     * keys of {@code partial} replace the stored ones whole, other stored keys stay.
     *
     * @return the metadata as now stored
     */
    ObjectNode updateMetadata(String providerConfigKey, String connectionId, ObjectNode partial);

    /** The connection, or {@code unknown_connection}. */
    default StoredConnection require(String providerConfigKey, String connectionId) {
        return find(providerConfigKey, connectionId).orElseThrow(() -> unknown(providerConfigKey, connectionId));
    }

    /** The error for a missing connection, shared by implementations. */
    static NangoException unknown(String providerConfigKey, String connectionId) {
        return new NangoException("unknown_connection", "Connection not found: connection '" + connectionId
                + "' of integration '" + providerConfigKey + "' is not in the connection store. "
                + "Add it (e.g. to the connections file) before running scripts for it.");
    }
}
