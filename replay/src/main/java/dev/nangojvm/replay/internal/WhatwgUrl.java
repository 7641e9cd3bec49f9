package dev.nangojvm.replay.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Just enough of the WHATWG URL parser for the mock's link pagination: {@code new URL(next)}
 * either throws (relative input) or gives {@code pathname + search}.
 */
public final class WhatwgUrl {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final java.util.Set<String> SPECIAL = java.util.Set.of("http", "https", "ws", "wss", "ftp", "file");

    private WhatwgUrl() { }

    /** {@code pathname + search} of an absolute URL, or empty when {@code new URL(input)} would throw. */
    public static Optional<String> pathAndSearch(String input) {
        String s = input.strip().replaceAll("[\\t\\n\\r]", "");
        if (!SCHEME.matcher(s).matches()) return Optional.empty();
        int colon = s.indexOf(':');
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = s.substring(colon + 1);
        int hash = rest.indexOf('#');
        if (hash >= 0) rest = rest.substring(0, hash);
        boolean special = SPECIAL.contains(scheme);
        if (special) rest = rest.replace('\\', '/');
        String path;
        if (rest.startsWith("//")) {
            String afterAuthority = rest.substring(2);
            int end = indexOfAny(afterAuthority, special ? "/?" : "/?");
            if (end < 0) end = afterAuthority.length();
            if (special && end == 0 && !scheme.equals("file")) return Optional.empty(); // empty host
            path = afterAuthority.substring(end);
        } else if (special && !scheme.equals("file")) {
            // "http:foo" without slashes: the host is the first segment
            String trimmed = rest.replaceFirst("^/*", "");
            int end = indexOfAny(trimmed, "/?");
            if (trimmed.isEmpty() || end == 0) return Optional.empty();
            path = end < 0 ? "" : trimmed.substring(end);
        } else {
            path = rest;
        }
        int q = path.indexOf('?');
        String pathname = q >= 0 ? path.substring(0, q) : path;
        String query = q >= 0 ? path.substring(q + 1) : null;
        if (special) {
            pathname = normalisePath(pathname);
        } else {
            pathname = encode(pathname, " \"<>`#?{}", false);
        }
        String search = query == null || query.isEmpty() ? "" : "?" + encode(query, special ? " \"#<>'" : " \"#<>", true);
        return Optional.of(pathname + search);
    }

    private static String normalisePath(String path) {
        if (path.isEmpty()) return "/";
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.substring(path.startsWith("/") ? 1 : 0).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            String lower = seg.toLowerCase(Locale.ROOT);
            boolean last = i == segments.length - 1;
            if (lower.equals("..") || lower.equals(".%2e") || lower.equals("%2e.") || lower.equals("%2e%2e")) {
                if (!out.isEmpty()) out.removeLast();
                if (last) out.addLast("");
            } else if (lower.equals(".") || lower.equals("%2e")) {
                if (last) out.addLast("");
            } else {
                out.addLast(encode(seg, " \"<>`#?{}", false));
            }
        }
        return "/" + String.join("/", out);
    }

    private static String encode(String s, String extra, boolean query) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x21 || c > 0x7e || extra.indexOf(c) >= 0) {
                sb.append('%').append(String.format("%02X", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
