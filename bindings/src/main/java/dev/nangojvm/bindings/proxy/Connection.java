package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What the proxy needs of a Nango connection. Credentials are Nango's credential object
 * ({@code {type: OAUTH2, access_token, refresh_token, expires_at, raw}}, {@code {type: API_KEY, apiKey}},
 * {@code {type: BASIC, username, password}}, {@code {type: OAUTH2_CC, token, expires_at, client_id,
 * client_secret}}, ...); dates as ISO strings.
 *
 * <p>The JSON objects are copied on the way in; {@link #toString()} never prints credentials.
 *
 * @param connectionId      the user-facing connection id
 * @param providerConfigKey the integration key
 * @param provider          the provider name in the catalog
 * @param credentials       the credentials object, {@code {}} when null
 * @param connectionConfig  {@code connection_config}, {@code {}} when null
 * @param metadata          the metadata object, or null
 */
public record Connection(String connectionId, String providerConfigKey, String provider,
                         ObjectNode credentials, ObjectNode connectionConfig, ObjectNode metadata) {

    public Connection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(providerConfigKey, "providerConfigKey");
        credentials = credentials == null ? Json.object() : credentials.deepCopy();
        connectionConfig = connectionConfig == null ? Json.object() : connectionConfig.deepCopy();
        metadata = metadata == null ? null : metadata.deepCopy();
    }

    /** {@code credentials.type}, or null when absent (Nango treats that like {@code NONE}). */
    public String credentialsType() {
        return Json.text(credentials, "type");
    }

    /** A copy with other credentials, e.g. after a token refresh. */
    public Connection withCredentials(ObjectNode newCredentials) {
        return new Connection(connectionId, providerConfigKey, provider, newCredentials, connectionConfig, metadata);
    }

    @Override
    public String toString() {
        return "Connection[" + providerConfigKey + "/" + connectionId + ", provider=" + provider
                + ", credentials.type=" + credentialsType() + "]";
    }
}
