package dev.nangojvm.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The yaml-era test mock's request identity and its SHA-1, the name of a hashed mock file
 * (conformance §7.3): {@code {method, endpoint, params, headers, data}} serialised like
 * {@code JSON.stringify}, computed on the values the script built (a number stays a number).
 *
 * @param method   lower-case, {@code get} when absent
 * @param endpoint the script's endpoint minus one leading slash
 * @param json     the serialised identity
 * @param hash     lower-case hex SHA-1 of {@code json}'s UTF-8 bytes
 */
public record RequestIdentity(String method, String endpoint, String json, String hash) {
    private static final Set<String> IGNORED_HEADERS = Set.of("authorization", "user-agent", "nango-proxy-user-agent",
            "accept-encoding", "retries", "host", "connection-id", "provider-config-key");
    private static final int MAX_DATA_CHARS = 1000;

    public static RequestIdentity of(ScriptRequest request) {
        ObjectNode c = request.config();
        String method = text(c.get("method"));
        method = method == null || method.isEmpty() ? "get" : method.toLowerCase(Locale.ROOT);
        String endpoint = text(c.get("endpoint"));
        if (endpoint == null) endpoint = "undefined";
        if (endpoint.startsWith("/")) endpoint = endpoint.substring(1);

        StringBuilder sb = new StringBuilder("{\"method\":");
        JsJson.quote(method, sb);
        sb.append(",\"endpoint\":");
        JsJson.quote(endpoint, sb);
        sb.append(",\"params\":");
        pairs(entries(c.get("params"), request.undefinedParams(), false), sb);
        sb.append(",\"headers\":");
        pairs(entries(c.get("headers"), request.undefinedHeaders(), true), sb);
        String data = data(c.get("data"));
        if (data != null) {
            sb.append(",\"data\":");
            JsJson.quote(data, sb);
        }
        sb.append('}');
        String json = sb.toString();
        return new RequestIdentity(method, endpoint, json, sha1(json));
    }

    /** {@code Object.entries(x || {})}, header filter applied, sorted by key (UTF-16 code units, stable). */
    private static List<Map.Entry<String, JsonNode>> entries(JsonNode value, Set<String> undefinedKeys, boolean headers) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (value != null && value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) out.add(it.next());
        } else if (value != null && value.isArray()) {
            for (int i = 0; i < value.size(); i++) out.add(Map.entry(Integer.toString(i), value.get(i)));
        } else if (value != null && value.isTextual()) {
            String s = value.textValue();
            for (int i = 0; i < s.length(); i++) out.add(Map.entry(Integer.toString(i), TextNode.valueOf(String.valueOf(s.charAt(i)))));
        }
        for (String k : undefinedKeys) out.add(Map.entry(k, NullNode.instance));
        if (headers) out.removeIf(e -> IGNORED_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT)));
        out.sort(Comparator.comparing(Map.Entry::getKey));
        return out;
    }

    private static void pairs(List<Map.Entry<String, JsonNode>> entries, StringBuilder sb) {
        sb.append('[');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append('[');
            JsJson.quote(entries.get(i).getKey(), sb);
            sb.append(',');
            JsJson.write(entries.get(i).getValue(), sb);
            sb.append(']');
        }
        sb.append(']');
    }

    /** The {@code data} component, or null when the script's data is falsy. */
    static String data(JsonNode d) {
        if (!JsValues.truthy(d)) return null;
        String s;
        if (d.isTextual()) {
            s = d.textValue();
        } else if (isSerialisedBuffer(d)) {
            byte[] bytes = new byte[d.get("data").size()];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) d.get("data").get(i).asInt();
            s = Base64.getEncoder().encodeToString(bytes);
        } else {
            s = JsJson.stringify(d);
        }
        return s.length() > MAX_DATA_CHARS ? "sha1:" + sha1(s) : s;
    }

    /** A Node Buffer after JSON: {@code {"type":"Buffer","data":[bytes]}} (its toJSON form). */
    private static boolean isSerialisedBuffer(JsonNode d) {
        return d.isObject() && d.size() == 2 && "Buffer".equals(d.path("type").textValue()) && d.path("data").isArray();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.isTextual() ? n.textValue() : JsJson.stringify(n);
    }

    public static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
