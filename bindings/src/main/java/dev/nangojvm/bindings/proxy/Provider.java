package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One entry of Nango's {@code providers.yaml}, aliases already resolved. A read-only view: the
 * accessors name the keys the proxy, the paginator and the token refresher use, snake_case
 * spellings as in the file.
 *
 * @param name       the catalog key, e.g. {@code github}
 * @param definition the entry as JSON; copied on the way in and out, never shared
 */
public record Provider(String name, ObjectNode definition) {

    public Provider {
        Objects.requireNonNull(name, "name");
        definition = Objects.requireNonNull(definition, "definition").deepCopy();
    }

    /** A copy of the whole entry. */
    @Override
    public ObjectNode definition() {
        return definition.deepCopy();
    }

    /** {@code auth_mode}, e.g. {@code OAUTH2}, {@code API_KEY}; null when absent. */
    public String authMode() {
        return Json.text(definition, "auth_mode");
    }

    /** {@code proxy.base_url}, a template; null when the provider has no proxy. */
    public String baseUrl() {
        return Json.text(definition.path("proxy"), "base_url");
    }

    /** {@code proxy.headers}: header name to template; missing node when absent. */
    public JsonNode proxyHeaders() {
        return definition.path("proxy").path("headers");
    }

    /** {@code proxy.query}: query name to template; missing node when absent. */
    public JsonNode proxyQuery() {
        return definition.path("proxy").path("query");
    }

    /** {@code proxy.body}: nested map of templates merged into object bodies; missing node when absent. */
    public JsonNode proxyBody() {
        return definition.path("proxy").path("body");
    }

    /** {@code proxy.retry}: {@code at}, {@code after}, {@code remaining}, {@code error_code}, {@code in_body}. */
    public JsonNode retry() {
        return definition.path("proxy").path("retry");
    }

    /** {@code proxy.paginate} as a copy, or null when the provider has no default pagination. */
    public ObjectNode paginate() {
        JsonNode p = definition.path("proxy").path("paginate");
        return p.isObject() ? (ObjectNode) p.deepCopy() : null;
    }

    /** {@code proxy.forward_headers_on_redirect}, false when absent. */
    public boolean forwardHeadersOnRedirect() {
        return definition.path("proxy").path("forward_headers_on_redirect").asBoolean(false);
    }

    /** {@code token_url} for an auth mode: the string, or the map entry for {@code authMode}. */
    public String tokenUrl(String authMode) {
        JsonNode t = definition.path("token_url");
        if (t.isObject()) {
            return Json.text(t, authMode) != null ? Json.text(t, authMode) : Json.text(t, "OAUTH2");
        }
        return t.isValueNode() && !t.isNull() ? t.asText() : null;
    }

    /** {@code refresh_url}, or null. */
    public String refreshUrl() {
        return Json.text(definition, "refresh_url");
    }

    /** {@code token_params}; missing node when absent. */
    public JsonNode tokenParams() {
        return definition.path("token_params");
    }

    /** {@code refresh_params}; missing node when absent. */
    public JsonNode refreshParams() {
        return definition.path("refresh_params");
    }

    /** Any other top-level key as text, or null. */
    public String text(String key) {
        return Json.text(definition, key);
    }
}
