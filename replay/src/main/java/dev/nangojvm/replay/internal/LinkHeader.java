package dev.nangojvm.replay.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code parse-link-header} package's reading of an RFC 8288 Link header, reduced to rel → URL. */
public final class LinkHeader {
    /** The package refuses (returns null for) headers longer than this. */
    static final int MAX_LENGTH = 2000;
    private static final Pattern LINK = Pattern.compile("^<?([^>]*)>(.*)$", Pattern.DOTALL);
    private static final Pattern PARAM = Pattern.compile("^\\s*([^\\s=]+)\\s*=\\s*\"?([^\"]+)\"?\\s*$", Pattern.DOTALL);

    private LinkHeader() { }

    /** rel → url; null when the header is absent, empty or too long. Later links override earlier ones with the same rel. */
    public static Map<String, String> parse(String header) {
        if (header == null || header.isEmpty() || header.length() > MAX_LENGTH) return null;
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : header.split(",\\s*<")) {
            Matcher m = LINK.matcher(part);
            if (!m.matches()) continue;
            String url = m.group(1);
            String rel = null;
            for (String p : m.group(2).split(";")) {
                Matcher pm = PARAM.matcher(p);
                if (pm.matches() && pm.group(1).equals("rel")) rel = pm.group(2);
            }
            if (rel == null) continue;
            for (String r : rel.trim().split("\\s+")) out.put(r, url);
        }
        return out;
    }
}
