package dev.nangojvm.bindings.proxy;

/**
 * An integration's OAuth app: what Nango stores as {@code oauth_client_id} / {@code oauth_client_secret}.
 * Used for refresh-token grants and the {@code ${clientId}} / {@code ${clientSecret}} header
 * placeholders. {@link #toString()} never prints the secret.
 *
 * @param clientId     the OAuth client id, may be null
 * @param clientSecret the OAuth client secret, may be null
 */
public record IntegrationCredentials(String clientId, String clientSecret) {

    /** No OAuth app configured. */
    public static final IntegrationCredentials NONE = new IntegrationCredentials(null, null);

    @Override
    public String toString() {
        return "IntegrationCredentials[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "null" : "REDACTED") + "]";
    }
}
