package dev.nangojvm.bindings.proxy;

/**
 * Makes a connection's credentials usable before a request: refreshes expiring OAuth2 access
 * tokens, fetches client-credentials tokens. Called by the proxy after each connection fetch.
 * Implementations must be thread-safe and must not put secrets in exception messages.
 */
@FunctionalInterface
public interface CredentialsRefresher {

    /** Leaves credentials as they are. */
    CredentialsRefresher NONE = (connection, provider) -> connection;

    /** The connection to use, possibly with new credentials. */
    Connection refreshIfNeeded(Connection connection, Provider provider);
}
