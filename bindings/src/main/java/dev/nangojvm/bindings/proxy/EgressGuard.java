package dev.nangojvm.bindings.proxy;

import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.ProxyNetworkException;
import dev.nangojvm.policy.EgressRules;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Applies {@link EgressRules} to one request hop: scheme, host names ({@code localhost},
 * {@code *.localhost}, cloud metadata names), IP literals in every form a URL parser accepts
 * (decimal, octal, hex, IPv4-mapped IPv6, ...) and every address the name resolves to. Resolves
 * once; the caller connects to the returned {@link Target#address()}, so DNS rebinding between
 * check and connect is impossible.
 *
 * <p>Denials reach the script as the terse {@code url_not_allowed} error; the host log gets the
 * rule, host and context. Thread-safe.
 */
public final class EgressGuard {

    /** What the script sees when a URL is refused; its exact text is part of the contract. */
    public static final String DENIED_MESSAGE = "url_not_allowed: This URL is not allowed by server configuration.";

    private static final System.Logger LOG = System.getLogger(EgressGuard.class.getName());
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.internal");

    /** A checked destination: connect to {@code address}, but speak TLS/Host for {@code host}. */
    public record Target(String scheme, String host, int port, InetAddress address) {
    }

    private final EgressRules rules;
    private final HostResolver resolver;

    public EgressGuard(EgressRules rules, HostResolver resolver) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** A guard using the system resolver. */
    public static EgressGuard of(EgressRules rules) {
        return new EgressGuard(rules, HostResolver.SYSTEM);
    }

    public EgressRules rules() {
        return rules;
    }

    /**
     * Checks an absolute URL.
     *
     * @param url     the URL as a script or provider wrote it; parsed like Node's {@code new URL}
     * @param context who asks, for the host log (e.g. {@code "proxy github/conn-1"}); never shown to scripts
     * @throws NangoException {@code url_not_allowed} when refused, {@code ERR_INVALID_URL} when unparsable
     * @throws ProxyNetworkException {@code ENOTFOUND} when the name does not resolve
     */
    public Target check(String url, String context) {
        return check(WhatwgUrl.parse(url), context);
    }

    Target check(WhatwgUrl url, String context) {
        if (!rules.schemes().contains(url.scheme) || url.host == null) {
            throw deny("scheme " + url.scheme + " is not allowed", url, null, context);
        }
        String host = url.hostname().replaceAll("\\.+$", "");
        if (url.hostAddress != null) {
            return new Target(url.scheme, url.hostname(), url.effectivePort(), checkAddress(url.hostAddress, host, url, context));
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            if (!rules.allowLoopback()) {
                throw deny("loopback host name", url, null, context);
            }
        } else if (METADATA_HOSTS.contains(host) && !rules.allowPrivateNetworks()) {
            throw deny("cloud metadata host name", url, null, context);
        }
        InetAddress[] addresses = resolve(host, url);
        InetAddress pinned = null;
        for (InetAddress a : addresses) {
            InetAddress checked = checkAddress(a.getAddress(), host, url, context);
            pinned = pinned == null ? checked : pinned;
        }
        return new Target(url.scheme, url.hostname(), url.effectivePort(), pinned);
    }

    /** Resolves and checks a bare host name; used by the HTTP client's DNS hook as a second line of defence. */
    InetAddress[] resolveChecked(String host) throws UnknownHostException {
        WhatwgUrl url = WhatwgUrl.tryParse("http://" + host + "/");
        if (url == null) {
            throw new UnknownHostException(host);
        }
        try {
            return new InetAddress[] {check(url, "dns").address()};
        } catch (NangoException e) {
            throw new UnknownHostException("blocked by egress policy: " + host);
        }
    }

    private InetAddress[] resolve(String host, WhatwgUrl url) {
        try {
            InetAddress[] all = resolver.resolve(host);
            if (all == null || all.length == 0) {
                throw new UnknownHostException(host);
            }
            return all;
        } catch (UnknownHostException e) {
            throw new ProxyNetworkException("ENOTFOUND", "getaddrinfo ENOTFOUND " + url.hostname(), e);
        }
    }

    private InetAddress checkAddress(byte[] raw, String host, WhatwgUrl url, String context) {
        IpAddresses.Range range = IpAddresses.classify(raw);
        boolean allowed = range == null
                || (range == IpAddresses.Range.LOOPBACK && rules.allowLoopback())
                || ((range == IpAddresses.Range.PRIVATE || range == IpAddresses.Range.LINK_LOCAL) && rules.allowPrivateNetworks());
        if (!allowed) {
            throw deny(range.name().toLowerCase(Locale.ROOT) + " address", url, raw, context);
        }
        try {
            return InetAddress.getByAddress(host, Arrays.copyOf(raw, raw.length));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of wrong length", e);
        }
    }

    private static NangoException deny(String rule, WhatwgUrl url, byte[] address, String context) {
        // Only scheme, host and port: paths and queries can carry API keys.
        String where = url.scheme + "://" + (url.host == null ? "" : url.host) + (url.port == null ? "" : ":" + url.port);
        String resolved = address == null ? "" : " (resolved to " + (address.length == 4
                ? IpAddresses.formatIpv4(address) : IpAddresses.formatIpv6(address)) + ")";
        LOG.log(System.Logger.Level.WARNING, "Egress denied for " + context + ": " + rule + " " + where + resolved);
        return new NangoException("url_not_allowed", DENIED_MESSAGE);
    }
}
