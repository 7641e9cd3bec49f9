package dev.nangojvm.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Nango's {@code ProxyConfiguration}, exactly as the script built it (field names as in the TS
 * type, snake_case pagination keys included). Kept as the script's JSON object, because scripts
 * observe details such as params mutated in place by {@code paginate}.
 *
 * <p>Accessors read the well-known fields; anything else stays available through {@link #json()}.
 */
public record ProxyConfiguration(ObjectNode json) {

    public String endpoint() { return text("endpoint"); }
    public String method() { String m = text("method"); return m == null ? "GET" : m.toUpperCase(java.util.Locale.ROOT); }
    public JsonNode headers() { return json.path("headers"); }
    public JsonNode params() { return json.path("params"); }
    public JsonNode data() { return json.get("data"); }
    public int retries() { return json.path("retries").asInt(0); }
    public JsonNode retryOn() { return json.path("retryOn"); }
    public JsonNode retryHeader() { return json.path("retryHeader"); }
    public String baseUrlOverride() { return text("baseUrlOverride"); }
    public String responseType() { return text("responseType"); }
    public JsonNode paginate() { return json.path("paginate"); }
    public String providerConfigKey() { return text("providerConfigKey"); }
    public String connectionId() { return text("connectionId"); }

    /** A copy with {@code method} set, as {@code nango.get/post/...} do. */
    public ProxyConfiguration withMethod(String method) {
        ObjectNode copy = json.deepCopy();
        copy.put("method", method);
        return new ProxyConfiguration(copy);
    }

    private String text(String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
