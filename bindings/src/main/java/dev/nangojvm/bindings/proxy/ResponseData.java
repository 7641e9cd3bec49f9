package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hc.core5.http.Header;

/**
 * Response headers and body as Node + axios present them: lower-case names, duplicates joined with
 * {@code ", "} (first one kept for the headers Node de-duplicates, every {@code set-cookie} kept),
 * and the body UTF-8 decoded, BOM stripped and {@code JSON.parse}d whenever it parses.
 */
final class ResponseData {

    // Node's http module keeps only the first value of these.
    private static final Set<String> SINGLE = Set.of("age", "authorization", "content-length", "content-type", "etag",
            "expires", "from", "host", "if-modified-since", "if-unmodified-since", "last-modified", "location",
            "max-forwards", "proxy-authorization", "referer", "retry-after", "server", "user-agent");

    private ResponseData() {
    }

    static Map<String, List<String>> headers(Header[] raw) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Header h : raw) {
            grouped.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        grouped.forEach((name, values) -> {
            if (name.equals("set-cookie")) {
                out.put(name, List.copyOf(values));
            } else if (SINGLE.contains(name)) {
                out.put(name, List.of(values.getFirst()));
            } else {
                out.put(name, List.of(String.join(", ", values)));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** The first value of a header, or null. */
    static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.getFirst();
    }

    static JsonNode data(byte[] body, String responseType) {
        if ("arraybuffer".equals(responseType) || "stream".equals(responseType)) {
            return JsonNodeFactory.instance.binaryNode(body);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isEmpty() || (responseType != null && !responseType.equals("json"))) {
            return JsonNodeFactory.instance.textNode(text);
        }
        JsonNode parsed = Json.parseOrNull(text);
        return parsed != null ? parsed : JsonNodeFactory.instance.textNode(text);
    }
}
