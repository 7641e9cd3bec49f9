package dev.nangojvm.bindings.proxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * WHATWG {@code URLSearchParams}: parse, {@code set}, {@code append} and serialise as
 * {@code application/x-www-form-urlencoded} (spaces as {@code +}, everything but
 * {@code *-._} and alphanumerics percent-encoded). Not thread-safe.
 */
final class UrlSearchParams {

    private final List<String[]> entries = new ArrayList<>();

    static UrlSearchParams parse(String query) {
        UrlSearchParams p = new UrlSearchParams();
        if (query == null) {
            return p;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            p.entries.add(new String[] {decode(name), decode(value)});
        }
        return p;
    }

    /** Replaces the first entry named {@code name} and drops the others, or appends. */
    void set(String name, String value) {
        boolean found = false;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i)[0].equals(name)) {
                if (found) {
                    entries.remove(i--);
                } else {
                    entries.get(i)[1] = value;
                    found = true;
                }
            }
        }
        if (!found) {
            entries.add(new String[] {name, value});
        }
    }

    void append(String name, String value) {
        entries.add(new String[] {name, value});
    }

    List<String[]> entries() {
        return entries;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (String[] e : entries) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(encode(e[0])).append('=').append(encode(e[1]));
        }
        return sb.toString();
    }

    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == ' ') {
                sb.append('+');
            } else if (c == '*' || c == '-' || c == '.' || c == '_' || (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static String decode(String s) {
        return WhatwgUrl.percentDecode(s.replace('+', ' '));
    }
}
