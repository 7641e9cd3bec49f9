package dev.nangojvm.bindings.proxy;

/**
 * Where the proxy gets the connection before <em>every</em> attempt, so credentials refreshed
 * while it waited are used. Nango caches the connection for 60 s; a caching source should drop its
 * cache on {@link #invalidate()}, which the proxy calls after a 401.
 */
@FunctionalInterface
public interface ConnectionSource {

    /** The current connection; null means it does not exist any more. */
    Connection get();

    /** Forget any cached copy; the next {@link #get()} must fetch fresh credentials. */
    default void invalidate() {
    }

    /** A source that always returns the same connection. */
    static ConnectionSource of(Connection connection) {
        return () -> connection;
    }
}
