package dev.nangojvm.policy;

import java.util.Objects;
import java.util.Set;

/**
 * Where a script's HTTP calls may go. Applied by the proxy to every base URL, override and
 * redirect hop, after DNS resolution (the resolved address is the one connected to).
 *
 * @param allowLoopback        loopback ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}, {@code *.localhost});
 *                             off by default, on only for tests and the demo's fake providers
 * @param allowPrivateNetworks RFC 1918, unique-local, link-local and the metadata service ranges
 * @param schemes              allowed URL schemes
 * @param maxRedirects         redirect hops followed (each re-checked); 0 returns the 3xx as-is
 */
public record EgressRules(boolean allowLoopback, boolean allowPrivateNetworks, Set<String> schemes, int maxRedirects) {

    public static final int DEFAULT_MAX_REDIRECTS = 5;

    public EgressRules {
        schemes = Set.copyOf(Objects.requireNonNull(schemes, "schemes"));
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, was " + maxRedirects);
        }
    }

    /** Public internet only: http and https, no loopback, no private ranges, 5 redirects. */
    public static EgressRules publicInternetOnly() {
        return new EgressRules(false, false, Set.of("http", "https"), DEFAULT_MAX_REDIRECTS);
    }

    /** A copy that may also reach loopback, for fake providers in tests and the demo. */
    public EgressRules withLoopback() {
        return new EgressRules(true, allowPrivateNetworks, schemes, maxRedirects);
    }
}
