package dev.nangojvm.bindings.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A connection as the runtime needs it. The JSON parts are defensive copies, in and out.
 *
 * @param connectionId      the user-facing id
 * @param providerConfigKey the integration's unique key
 * @param provider          the provider name in the catalog, e.g. {@code github}
 * @param credentials       Nango's credentials object ({@code {type, access_token, ...}}); never null
 * @param connectionConfig  the connection configuration; never null (empty object by default)
 * @param metadata          the connection metadata, or {@code null} when none was ever set
 */
public record StoredConnection(String connectionId, String providerConfigKey, String provider,
                               ObjectNode credentials, ObjectNode connectionConfig, ObjectNode metadata) {
    public StoredConnection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(providerConfigKey, "providerConfigKey");
        Objects.requireNonNull(provider, "provider");
        credentials = copyOrEmpty(credentials);
        connectionConfig = copyOrEmpty(connectionConfig);
        metadata = metadata == null ? null : metadata.deepCopy();
    }

    @Override
    public ObjectNode credentials() {
        return credentials.deepCopy();
    }

    @Override
    public ObjectNode connectionConfig() {
        return connectionConfig.deepCopy();
    }

    @Override
    public ObjectNode metadata() {
        return metadata == null ? null : metadata.deepCopy();
    }

    /** This connection with other credentials (after an OAuth refresh). */
    public StoredConnection withCredentials(ObjectNode newCredentials) {
        return new StoredConnection(connectionId, providerConfigKey, provider, newCredentials, connectionConfig, metadata);
    }

    /** This connection with other metadata ({@code null} for none). */
    public StoredConnection withMetadata(ObjectNode newMetadata) {
        return new StoredConnection(connectionId, providerConfigKey, provider, credentials, connectionConfig, newMetadata);
    }

    private static ObjectNode copyOrEmpty(ObjectNode node) {
        return node == null ? JsonNodeFactory.instance.objectNode() : node.deepCopy();
    }
}
