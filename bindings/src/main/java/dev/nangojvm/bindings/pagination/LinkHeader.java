package dev.nangojvm.bindings.pagination;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 5988 {@code Link} header parsing with the npm {@code parse-link-header} rules Nango uses:
 * entries split on {@code ", <"}, each {@code rel} value (space-separated) mapped to its URL, later
 * entries winning, and headers longer than 2,000 characters ignored entirely.
 */
final class LinkHeader {

    static final int MAX_LENGTH = 2000;

    private static final Pattern ENTRY = Pattern.compile("<?([^>]*)>(.*)", Pattern.DOTALL);
    private static final Pattern PARAM = Pattern.compile("\\s*(.+)\\s*=\\s*\"?([^\"]+)\"?");

    private LinkHeader() {
    }

    /** rel to URL; empty when the header is absent, too long or has no rel. */
    static Map<String, String> parse(String header) {
        Map<String, String> rels = new HashMap<>();
        if (header == null || header.isEmpty() || header.length() > MAX_LENGTH) {
            return rels;
        }
        for (String link : header.split(",\\s*<")) {
            Matcher m = ENTRY.matcher(link);
            if (!m.find()) {
                continue;
            }
            String rel = null;
            String[] parts = m.group(2).split(";", -1);
            for (int i = 1; i < parts.length; i++) {
                Matcher p = PARAM.matcher(parts[i]);
                if (p.find() && p.group(1).equals("rel")) {
                    rel = p.group(2);
                }
            }
            if (rel != null && !rel.isEmpty()) {
                for (String r : rel.split("\\s+")) {
                    rels.put(r, m.group(1));
                }
            }
        }
        return rels;
    }
}
