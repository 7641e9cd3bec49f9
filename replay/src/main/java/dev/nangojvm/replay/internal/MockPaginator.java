package dev.nangojvm.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.Page;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.proxy.NodeUrl;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.replay.MockFiles;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The yaml-era test mock's own {@code paginate} (conformance §7.4), quirks included: plain
 * property reads for cursor / link response paths (no dotted paths there), lodash paths for
 * offset, one request only after a body-only (legacy) response, and the caller's config mutated
 * in place (replayed onto the script's object through {@link Page#configPatch()}).
 *
 * <p>Like an async generator, nothing happens before the first {@link #next()}; each step after a
 * yielded page (computing the next cursor, link or offset) runs when the next page is asked for.
 */
public final class MockPaginator implements Paginator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ObjectNode cfg;
    private final Set<String> undefinedParams;
    private final Set<String> undefinedHeaders;
    private final Function<ScriptRequest, MockFiles.Response> fetch;
    private final ProviderCatalog providers;
    private final String providerConfigKey;
    private final Deque<Optional<JsonNode>> legacyPages = new ArrayDeque<>();

    private ObjectNode paginate;
    private String type;
    private String bodyKey;
    private ObjectNode body;
    private boolean started;
    private boolean done;
    private Runnable afterYield;
    private JsonNode cursor;
    private JsonNode offset;

    public MockPaginator(ScriptRequest request, Function<ScriptRequest, MockFiles.Response> fetch, ProviderCatalog providers, String providerConfigKey) {
        this.cfg = request.config().deepCopy();
        this.undefinedParams = new LinkedHashSet<>(request.undefinedParams());
        this.undefinedHeaders = request.undefinedHeaders();
        this.fetch = fetch;
        this.providers = providers;
        this.providerConfigKey = providerConfigKey;
    }

    @Override
    public Page next() {
        if (!started) start();
        if (afterYield != null) {
            Runnable step = afterYield;
            afterYield = null;
            step.run();
        }
        while (true) {
            if (!legacyPages.isEmpty()) return page(legacyPages.poll().orElse(null));
            if (done) return null;
            JsonNode page = switch (type) {
                case "cursor" -> cursorPage();
                case "link" -> linkPage();
                case "offset" -> offsetPage();
                default -> throw new NangoException("invalid_pagination", "Pagination type '" + type + "' is not supported");
            };
            if (page != null) return page(page);
        }
    }

    private void start() {
        started = true;
        if (!JsValues.truthy(cfg.get("method"))) cfg.put("method", "get");
        ObjectNode provider = providers.find(providerConfigKey).orElseThrow(() ->
                new NangoException("unknown_provider", "Provider config not found for " + providerConfigKey)).definition();
        JsonNode proxy = provider.get("proxy");
        if (proxy == null || proxy.isNull()) throw new JsValues.JsTypeError("Cannot read properties of undefined (reading 'paginate')");
        paginate = F.objectNode();
        if (proxy.get("paginate") instanceof ObjectNode defaults) paginate.setAll(defaults);
        if (cfg.get("paginate") instanceof ObjectNode own) paginate.setAll(own);
        cfg.set("paginate", paginate);
        type = JsValues.string(paginate.get("type")).toLowerCase(Locale.ROOT);
        boolean inBody = Set.of("post", "put", "patch").contains(cfg.get("method").asText().toLowerCase(Locale.ROOT));
        bodyKey = inBody ? "data" : "params";
        body = cfg.get(bodyKey) instanceof ObjectNode existing && JsValues.truthy(existing) ? existing : F.objectNode();
        JsonNode limit = paginate.get("limit");
        if (JsValues.truthy(limit)) setBody(name("limit_name_in_request"), limit);
        offset = JsValues.truthy(paginate.get("offset_start_value")) ? paginate.get("offset_start_value") : F.numberNode(0);
        if (type.equals("link")) cfg.set(bodyKey, body);
    }

    private JsonNode cursorPage() {
        if (JsValues.truthy(cursor)) setBody(name("cursor_name_in_request"), cursor);
        cfg.set(bodyKey, body);
        MockFiles.Response r = request();
        if (!r.hasHeaders()) return legacy(r.data());
        JsonNode data = r.data();
        JsonNode page = responsePath() ? JsValues.get(data, name("response_path")) : data;
        if (!JsValues.truthy(page) || !JsValues.truthy(JsValues.length(page))) return stop();
        afterYield = () -> {
            JsonNode next = JsValues.get(data, name("cursor_path_in_response"));
            if (next != null && next.isTextual()) {
                String trimmed = next.textValue().strip();
                if (trimmed.isEmpty()) done = true;
                cursor = TextNode.valueOf(trimmed);
            } else if (next != null && next.isNumber()) {
                cursor = next;
            } else {
                done = true;
            }
        };
        return page;
    }

    private JsonNode linkPage() {
        MockFiles.Response r = request();
        if (!r.hasHeaders()) return legacy(r.data());
        JsonNode data = r.data();
        JsonNode page = responsePath() ? JsValues.get(data, name("response_path")) : data;
        if (!JsValues.truthy(JsValues.length(page))) return stop();
        afterYield = () -> {
            String next = nextLink(r);
            if (next == null || next.isEmpty()) {
                done = true;
                return;
            }
            cfg.put("endpoint", NodeUrl.parse(next).map(u -> u.pathname() + u.search()).orElse(next));
            cfg.set("params", F.objectNode());
            undefinedParams.clear();
            if (bodyKey.equals("params")) body = (ObjectNode) cfg.get("params");
        };
        return page;
    }

    private String nextLink(MockFiles.Response r) {
        if (JsValues.truthy(paginate.get("link_rel_in_response_header"))) {
            JsonNode link = JsValues.get(r.headers(), "link");
            Map<String, String> rels = LinkHeader.parse(link == null || link.isNull() ? null : JsValues.string(link));
            return rels == null ? null : rels.get(name("link_rel_in_response_header"));
        }
        if (JsValues.truthy(paginate.get("link_path_in_response_body"))) {
            JsonNode next = JsValues.lodashGet(r.data(), name("link_path_in_response_body"));
            return JsValues.truthy(next) ? JsValues.string(next) : null;
        }
        throw new NangoException("invalid_pagination",
                "Either 'link_rel_in_response_header' or 'link_path_in_response_body' should be specified for 'link' pagination");
    }

    private JsonNode offsetPage() {
        boolean inBody = bodyKey.equals("data");
        setBody(name("offset_name_in_request"), inBody ? offset : TextNode.valueOf(JsValues.string(offset)));
        cfg.set(bodyKey, body);
        MockFiles.Response r = request();
        if (!r.hasHeaders()) return legacy(r.data());
        JsonNode page = responsePath() ? JsValues.lodashGet(r.data(), name("response_path")) : r.data();
        if (!JsValues.truthy(page) || !JsValues.truthy(JsValues.length(page))) return stop();
        afterYield = () -> {
            double length = JsValues.number(JsValues.length(page));
            JsonNode limit = paginate.get("limit");
            if (JsValues.truthy(limit) && length < JsValues.number(limit)) {
                done = true;
                return;
            }
            double step = "per-page".equals(paginate.path("offset_calculation_method").asText(null)) ? 1 : length;
            offset = offset.isTextual() ? TextNode.valueOf(offset.textValue() + JsJson.numberToString(step))
                    : number(JsValues.number(offset) + step);
        };
        return page;
    }

    /** After a body-only response: the data if it is an array, then {@code data[response_path]} or every array-valued key; then stop. */
    private JsonNode legacy(JsonNode data) {
        done = true;
        if (data != null && data.isArray()) legacyPages.add(Optional.of(data));
        if (responsePath()) {
            legacyPages.add(Optional.ofNullable(JsValues.get(data, name("response_path"))));
        } else {
            if (data == null || data.isNull() || data.isMissingNode()) {
                throw new JsValues.JsTypeError("Cannot convert undefined or null to object");
            }
            if (data.isObject()) {
                for (Iterator<JsonNode> it = data.elements(); it.hasNext(); ) {
                    JsonNode v = it.next();
                    if (v.isArray()) legacyPages.add(Optional.of(v));
                }
            } else if (data.isArray()) {
                data.forEach(v -> { if (v.isArray()) legacyPages.add(Optional.of(v)); });
            }
        }
        return null;
    }

    private static JsonNode number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? F.numberNode((long) d) : DoubleNode.valueOf(d);
    }

    private JsonNode stop() {
        done = true;
        return null;
    }

    private MockFiles.Response request() {
        return fetch.apply(new ScriptRequest(cfg, undefinedParams, undefinedHeaders));
    }

    private boolean responsePath() {
        return JsValues.truthy(paginate.get("response_path"));
    }

    /** A paginate option used as a property name ({@code undefined} becomes the key "undefined", as in JS). */
    private String name(String option) {
        return JsValues.string(paginate.get(option));
    }

    private void setBody(String key, JsonNode value) {
        body.set(key, value);
        if (bodyKey.equals("params")) undefinedParams.remove(key);
    }

    private Page page(JsonNode items) {
        ObjectNode patch = F.objectNode();
        patch.set("method", cfg.get("method"));
        patch.set("paginate", paginate.deepCopy());
        if (cfg.has("endpoint")) patch.set("endpoint", cfg.get("endpoint"));
        if (cfg.get(bodyKey) != null) patch.set(bodyKey, cfg.get(bodyKey).deepCopy());
        return new Page(items == null ? F.nullNode() : items, patch, false, null, null);
    }
}
