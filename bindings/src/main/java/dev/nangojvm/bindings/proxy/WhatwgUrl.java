package dev.nangojvm.bindings.proxy;

import dev.nangojvm.bindings.NangoException;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * An absolute URL parsed and serialised the way Node's {@code new URL(...)} does it (WHATWG URL
 * standard), for the http(s) cases the proxy needs: numeric IPv4 forms normalised, IPv6
 * compressed, dot segments removed, default ports dropped, path/query/fragment percent-encoded
 * with the standard's encode sets. {@link java.net.URI} is stricter and normalises differently,
 * so URLs built by scripts would not round-trip like they do in Nango.
 *
 * <p>Non-special schemes keep an opaque remainder; their origin is {@code "null"}.
 */
final class WhatwgUrl {

    private static final Map<String, Integer> SPECIAL = Map.of("http", 80, "https", 443, "ws", 80, "wss", 443, "ftp", 21);

    private static final IntPredicate C0 = c -> c < 0x20 || c > 0x7e;
    private static final IntPredicate FRAGMENT = C0.or(c -> " \"<>`".indexOf(c) >= 0);
    private static final IntPredicate QUERY = C0.or(c -> " \"#<>'".indexOf(c) >= 0);
    private static final IntPredicate PATH = C0.or(c -> " \"#<>?`{}".indexOf(c) >= 0);
    private static final IntPredicate USERINFO = PATH.or(c -> "/:;=@[\\]^|".indexOf(c) >= 0);
    private static final String FORBIDDEN_DOMAIN = "\u0000\t\n\r #/:<>?@[\\]^|%\u007f";

    final String scheme;
    final String userinfo;
    final String host;
    final byte[] hostAddress;
    final Integer port;
    final String path;
    final String query;
    final String fragment;

    private WhatwgUrl(String scheme, String userinfo, String host, byte[] hostAddress, Integer port,
                      String path, String query, String fragment) {
        this.scheme = scheme;
        this.userinfo = userinfo;
        this.host = host;
        this.hostAddress = hostAddress;
        this.port = port;
        this.path = path;
        this.query = query;
        this.fragment = fragment;
    }

    /** Parses an absolute URL, throwing Node's {@code TypeError: Invalid URL} equivalent. */
    static WhatwgUrl parse(String input) {
        WhatwgUrl url = tryParse(input);
        if (url == null) {
            throw new NangoException("ERR_INVALID_URL", "Invalid URL");
        }
        return url;
    }

    /** {@code URL.canParse}: null when the input is not an absolute URL. */
    static WhatwgUrl tryParse(String input) {
        String s = input.replaceAll("^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$", "").replaceAll("[\\t\\n\\r]", "");
        int colon = s.indexOf(':');
        if (colon < 1 || !s.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.\\-]*")) {
            return null;
        }
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = s.substring(colon + 1);
        return SPECIAL.containsKey(scheme) ? parseSpecial(scheme, rest) : parseOpaque(scheme, rest);
    }

    private static WhatwgUrl parseOpaque(String scheme, String rest) {
        String[] qf = splitQueryFragment(rest);
        return new WhatwgUrl(scheme, null, null, null, null,
                encode(qf[0], C0), qf[1] == null ? null : encode(qf[1], QUERY), qf[2] == null ? null : encode(qf[2], FRAGMENT));
    }

    private static WhatwgUrl parseSpecial(String scheme, String rest) {
        String r = rest.replace('\\', '/');
        int i = 0;
        while (i < r.length() && r.charAt(i) == '/') {
            i++;
        }
        r = r.substring(i);
        int end = 0;
        while (end < r.length() && "/?#".indexOf(r.charAt(end)) < 0) {
            end++;
        }
        String authority = r.substring(0, end);
        String[] qf = splitQueryFragment(r.substring(end));
        int at = authority.lastIndexOf('@');
        String userinfo = at < 0 ? null : encodeUserinfo(authority.substring(0, at));
        String hostPort = authority.substring(at + 1);
        int portColon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(0, hostPort.indexOf(']'))) : hostPort.lastIndexOf(':');
        String rawHost = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
        String rawPort = portColon < 0 ? "" : hostPort.substring(portColon + 1);
        if (!rawPort.matches("\\d*")) {
            return null;
        }
        Integer port = null;
        if (!rawPort.isEmpty()) {
            java.math.BigInteger p = new java.math.BigInteger(rawPort);
            if (p.compareTo(java.math.BigInteger.valueOf(65535)) > 0) {
                return null;
            }
            port = p.intValue();
        }
        if (port != null && port.equals(SPECIAL.get(scheme))) {
            port = null;
        }
        byte[][] address = new byte[1][];
        String host = parseHost(rawHost, address);
        if (host == null || host.isEmpty()) {
            return null;
        }
        return new WhatwgUrl(scheme, userinfo == null || userinfo.isEmpty() ? null : userinfo, host, address[0], port,
                normalisePath(qf[0]), qf[1] == null ? null : encode(qf[1], QUERY), qf[2] == null ? null : encode(qf[2], FRAGMENT));
    }

    private static String encodeUserinfo(String raw) {
        int colon = raw.indexOf(':');
        String user = encode(colon < 0 ? raw : raw.substring(0, colon), USERINFO);
        String password = colon < 0 ? "" : encode(raw.substring(colon + 1), USERINFO);
        return password.isEmpty() ? user : user + ":" + password;
    }

    private static String[] splitQueryFragment(String s) {
        int hash = s.indexOf('#');
        String fragment = hash < 0 ? null : s.substring(hash + 1);
        String beforeHash = hash < 0 ? s : s.substring(0, hash);
        int q = beforeHash.indexOf('?');
        return new String[] {q < 0 ? beforeHash : beforeHash.substring(0, q), q < 0 ? null : beforeHash.substring(q + 1), fragment};
    }

    /** Host parser; stores the address bytes of IP literals in {@code address[0]}. */
    private static String parseHost(String raw, byte[][] address) {
        if (raw.startsWith("[")) {
            byte[] v6 = raw.endsWith("]") ? IpAddresses.parseIpv6(raw.substring(1, raw.length() - 1)) : null;
            address[0] = v6;
            return v6 == null ? null : "[" + IpAddresses.formatIpv6(v6) + "]";
        }
        String domain = percentDecode(raw);
        String ascii;
        try {
            ascii = domain.chars().allMatch(c -> c < 0x80) ? domain.toLowerCase(Locale.ROOT)
                    : IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (ascii.isEmpty() || ascii.chars().anyMatch(c -> c < 0x20 || FORBIDDEN_DOMAIN.indexOf(c) >= 0)) {
            return null;
        }
        if (IpAddresses.endsInNumber(ascii)) {
            byte[] v4 = IpAddresses.parseIpv4(ascii);
            address[0] = v4;
            return v4 == null ? null : IpAddresses.formatIpv4(v4);
        }
        return ascii;
    }

    private static String normalisePath(String raw) {
        List<String> out = new ArrayList<>();
        String p = raw.startsWith("/") ? raw.substring(1) : raw;
        String[] segments = p.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            String lower = seg.toLowerCase(Locale.ROOT);
            if (lower.equals("..") || lower.equals(".%2e") || lower.equals("%2e.") || lower.equals("%2e%2e")) {
                if (!out.isEmpty()) {
                    out.removeLast();
                }
                if (last) {
                    out.add("");
                }
            } else if (lower.equals(".") || lower.equals("%2e")) {
                if (last) {
                    out.add("");
                }
            } else {
                out.add(encode(seg, PATH));
            }
        }
        return "/" + String.join("/", out);
    }

    /** Percent-encodes the UTF-8 bytes of code points in the set; existing escapes stay as they are. */
    static String encode(String s, IntPredicate set) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (set.test(cp)) {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    boolean special() {
        return SPECIAL.containsKey(scheme);
    }

    /** The port actually connected to. */
    int effectivePort() {
        return port != null ? port : SPECIAL.getOrDefault(scheme, -1);
    }

    /** {@code url.hostname}: the host without brackets for IPv6. */
    String hostname() {
        return host == null ? "" : host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** {@code url.origin}. */
    String origin() {
        return special() ? scheme + "://" + host + (port == null ? "" : ":" + port) : "null";
    }

    /** {@code url.search}: {@code ""} or {@code "?..."}. */
    String search() {
        return query == null || query.isEmpty() ? "" : "?" + query;
    }

    /** Resolves a reference (a redirect's {@code Location}) against this URL; null when invalid. */
    WhatwgUrl resolve(String reference) {
        String r = reference.replaceAll("^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$", "").replaceAll("[\\t\\n\\r]", "");
        if (r.matches("^[A-Za-z][A-Za-z0-9+.\\-]*:.*")) {
            return tryParse(r);
        }
        String root = scheme + "://" + (userinfo == null ? "" : userinfo + "@") + host + (port == null ? "" : ":" + port);
        String slashed = r.replace('\\', '/');
        if (slashed.startsWith("//")) {
            return tryParse(scheme + ":" + r);
        }
        if (slashed.startsWith("/")) {
            return tryParse(root + r);
        }
        if (r.startsWith("?")) {
            return tryParse(root + path + r);
        }
        if (r.startsWith("#")) {
            return tryParse(root + requestTarget() + r);
        }
        String directory = path.substring(0, path.lastIndexOf('/') + 1);
        return tryParse(root + directory + r);
    }

    WhatwgUrl withQuery(String newQuery) {
        return new WhatwgUrl(scheme, userinfo, host, hostAddress, port, path, newQuery, fragment);
    }

    /** The request target sent on the wire: path and query, never the fragment. */
    String requestTarget() {
        return path + (query == null ? "" : "?" + query);
    }

    /** {@code url.href}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme).append(':');
        if (special()) {
            sb.append("//");
            if (userinfo != null) {
                sb.append(userinfo).append('@');
            }
            sb.append(host);
            if (port != null) {
                sb.append(':').append(port);
            }
        }
        sb.append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        if (fragment != null) {
            sb.append('#').append(fragment);
        }
        return sb.toString();
    }
}
