package dev.nangojvm.bindings.internal;

import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.proxy.Connection;
import dev.nangojvm.bindings.proxy.ConnectionSource;
import dev.nangojvm.bindings.proxy.CredentialsRefresher;
import dev.nangojvm.bindings.store.ConnectionStore;
import dev.nangojvm.bindings.store.StoredConnection;

/** Adapts the connection store to what the proxy needs, and keeps refreshed credentials. */
public final class StoredConnections {
    private StoredConnections() { }

    /** A source that reads the connection afresh before every attempt, so a refresh made meanwhile is used. */
    public static ConnectionSource source(ConnectionStore store, String providerConfigKey, String connectionId) {
        return () -> store.find(providerConfigKey, connectionId).map(StoredConnections::toProxy)
                .orElseThrow(() -> unknown(providerConfigKey, connectionId));
    }

    public static Connection toProxy(StoredConnection c) {
        return new Connection(c.connectionId(), c.providerConfigKey(), c.provider(), c.credentials(), c.connectionConfig(), c.metadata());
    }

    /** Wraps a refresher so that new credentials are written back to the store, for the next call and the next run. */
    public static CredentialsRefresher persisting(CredentialsRefresher inner, ConnectionStore store) {
        return (connection, provider) -> {
            Connection refreshed = inner.refreshIfNeeded(connection, provider);
            if (refreshed != connection && !refreshed.credentials().equals(connection.credentials())) {
                store.updateCredentials(refreshed.providerConfigKey(), refreshed.connectionId(), refreshed.credentials());
            }
            return refreshed;
        };
    }

    static NangoException unknown(String providerConfigKey, String connectionId) {
        return new NangoException("unknown_connection", "Connection not found: no connection '" + connectionId
                + "' for integration '" + providerConfigKey + "'. Create it first (e.g. a connections.json passed to the CLI, or ConnectionStore.put).");
    }
}
