package dev.nangojvm.bindings.proxy;

import dev.nangojvm.bindings.ProxyNetworkException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Turns Java I/O failures into the Node error codes scripts branch on (and Nango's retry list
 * knows): {@code ECONNREFUSED}, {@code ECONNRESET}, {@code ETIMEDOUT}, {@code ENOTFOUND},
 * {@code EHOSTUNREACH}; messages in Node's shape, with address and port but never a path.
 */
final class NodeErrors {

    private NodeErrors() {
    }

    static ProxyNetworkException from(IOException e, EgressGuard.Target target) {
        String where = target.address().getHostAddress() + ":" + target.port();
        if (e instanceof UnknownHostException) {
            return new ProxyNetworkException("ENOTFOUND", "getaddrinfo ENOTFOUND " + target.host(), e);
        }
        if (e instanceof NoRouteToHostException) {
            return new ProxyNetworkException("EHOSTUNREACH", "connect EHOSTUNREACH " + where, e);
        }
        if (e instanceof ConnectException) {
            boolean timedOut = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timed out");
            return timedOut ? new ProxyNetworkException("ETIMEDOUT", "connect ETIMEDOUT " + where, e)
                    : new ProxyNetworkException("ECONNREFUSED", "connect ECONNREFUSED " + where, e);
        }
        if (e instanceof InterruptedIOException) {     // connect and socket timeouts
            return new ProxyNetworkException("ETIMEDOUT", "connect ETIMEDOUT " + where, e);
        }
        if (e instanceof NoHttpResponseException || e instanceof ConnectionClosedException) {
            return new ProxyNetworkException("ECONNRESET", "socket hang up", e);
        }
        if (e instanceof SSLException) {
            return new ProxyNetworkException("EPROTO", "TLS handshake with " + target.host() + " failed", e);
        }
        if (e instanceof SocketException) {
            return new ProxyNetworkException("ECONNRESET", "read ECONNRESET", e);
        }
        return new ProxyNetworkException("ECONNRESET", "socket hang up", e);
    }
}
