package dev.nangojvm.bindings.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's DNS hook. Requests carry the address the guard already pinned, so the client
 * should never resolve; if some path does, the answer is checked by the same guard, never the raw
 * system lookup.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final EgressGuard guard;

    GuardedDnsResolver(EgressGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.resolveChecked(host);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
