package dev.nangojvm.bindings.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.Page;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.proxy.JsValues;
import dev.nangojvm.bindings.proxy.Provider;
import java.util.List;
import java.util.function.Function;

/**
 * Nango's {@code paginate} generator as an explicit state machine: one request per {@link #next()},
 * nothing before the first call (configuration errors surface there, as in the async generator).
 *
 * <p>Like Nango, the requests use a shallow copy of the script's config ({@code endpoint},
 * {@code baseUrlOverride} and {@code params} rewrites of link pagination stay in the copy), while
 * the script's own {@code params} / {@code data} object is the working parameter object; its
 * changes, and a defaulted {@code method}, are reported in {@link Page#configPatch()}.
 */
final class PageLoop implements Paginator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode script;
    private final Provider provider;
    private final Function<ProxyConfiguration, ProxyResponse> proxy;

    private PaginateConfig config;
    private ObjectNode request;
    private JsonNode working;
    private String workingKey;
    private boolean attached;
    private boolean inBody;
    private boolean methodDefaulted;
    private boolean done;

    private JsonNode nextCursor;
    private String previousLink;
    private double offset;

    PageLoop(ProxyConfiguration cfg, Provider provider, Function<ProxyConfiguration, ProxyResponse> proxy) {
        this.script = cfg.json().deepCopy();
        this.provider = provider;
        this.proxy = proxy;
    }

    @Override
    public Page next() {
        if (done) {
            return null;
        }
        try {
            if (config == null) {
                start();
            }
            Page page = switch (config.type()) {
                case "cursor" -> cursorPage();
                case "link" -> linkPage();
                default -> offsetPage();
            };
            done |= page == null;
            return page;
        } catch (RuntimeException e) {
            done = true;
            throw e;
        }
    }

    private void start() {
        config = PaginateConfig.resolve(script.get("paginate"), provider);
        if (!JsValues.truthy(script.get("method"))) {
            script.put("method", "GET");
            methodDefaulted = true;
        }
        String method = JsValues.string(script.get("method")).toLowerCase(java.util.Locale.ROOT);
        JsonNode flag = script.path("paginate").get("in_body");
        inBody = flag != null && !flag.isNull() ? JsValues.truthy(flag) : List.of("post", "put", "patch").contains(method);
        workingKey = inBody ? "data" : "params";
        JsonNode own = script.get(workingKey);
        attached = own != null && !own.isNull();
        working = attached ? own : NODES.objectNode();
        if (JsValues.truthy(config.get("limit"))) {
            put(config.key("limit_name_in_request"), config.get("limit"));
        }
        request = script.deepCopy();
        offset = JsValues.truthy(config.get("offset_start_value")) ? JsValues.number(config.get("offset_start_value")) : 0;
    }

    private Page cursorPage() {
        if (nextCursor != null) {
            put(config.key("cursor_name_in_request"), nextCursor);
        }
        applyParams();
        ProxyResponse response = send();
        JsonNode items = config.items(response.data());
        if (isEmpty(items)) {
            return null;
        }
        nextCursor = cursorFrom(JsValues.get(response.data(), config.key("cursor_path_in_response")));
        done = nextCursor == null;
        return page(items, true, nextCursor, response);
    }

    // Strings are trimmed and blank means none; numbers are kept; anything else means none.
    private static JsonNode cursorFrom(JsonNode raw) {
        if (raw != null && raw.isTextual()) {
            String t = raw.textValue().strip();
            return t.isEmpty() ? null : NODES.textNode(t);
        }
        return raw != null && raw.isNumber() ? raw : null;
    }

    private Page linkPage() {
        if (previousLink == null) {
            applyParams();
        }
        ProxyResponse response = send();
        JsonNode items = config.items(response.data());
        String next = nextLink(response);
        done = next == null || next.isEmpty() || next.equals(previousLink);
        if (!done) {
            previousLink = next;
            Links.rewrite(request, next);
            request.remove("params");
        }
        return page(items, true, next == null ? null : NODES.textNode(next), response);
    }

    // The header rel first, then (since 2025-08) the body path when the header gave nothing.
    private String nextLink(ProxyResponse response) {
        String link = null;
        if (JsValues.truthy(config.get("link_rel_in_response_header"))) {
            String header = response.headers().getOrDefault("link", List.of()).stream().findFirst().orElse(null);
            link = LinkHeader.parse(header).get(config.key("link_rel_in_response_header"));
        }
        if ((link == null || link.isEmpty()) && JsValues.truthy(config.get("link_path_in_response_body"))) {
            JsonNode fromBody = JsValues.get(response.data(), config.key("link_path_in_response_body"));
            link = JsValues.truthy(fromBody) && (fromBody.isTextual() || fromBody.isNumber()) ? JsValues.string(fromBody) : null;
        }
        return link;
    }

    private Page offsetPage() {
        JsonNode asNumber = number(offset);
        put(config.key("offset_name_in_request"), inBody ? asNumber : NODES.textNode(JsValues.numberToString(offset)));
        applyParams();
        ProxyResponse response = send();
        JsonNode items = config.items(response.data());
        if (isEmpty(items)) {
            return null;
        }
        double length = JsValues.number(JsValues.get(items, "length"));
        boolean shortPage = JsValues.truthy(config.get("limit")) && length < JsValues.number(config.get("limit"));
        Page page = page(items, !shortPage, asNumber, response);
        done = shortPage;
        offset = "per-page".equals(JsValues.string(config.get("offset_calculation_method"))) ? offset + 1 : offset + length;
        return page;
    }

    /** A JSON number shaped like Jackson would parse it: int, then long, then double. */
    private static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
            return NODES.numberNode((int) d);
        }
        return d == Math.rint(d) && Math.abs(d) < 9e15 ? NODES.numberNode((long) d) : NODES.numberNode(d);
    }

    /** Nango stops before yielding when the page is falsy or its {@code length} is falsy. */
    private static boolean isEmpty(JsonNode items) {
        return !JsValues.truthy(items) || !JsValues.truthy(JsValues.get(items, "length"));
    }

    private void put(String key, JsonNode value) {
        if (!(working instanceof ObjectNode o)) {
            throw new NangoException("type_error", "Cannot create property '" + key + "' on " + (working.isTextual()
                    ? "string '" + working.textValue() + "'" : JsValues.string(working)));
        }
        o.set(key, value);
    }

    private void applyParams() {
        if (inBody) {
            request.set("data", working instanceof ObjectNode o ? DottedKeys.expand(o) : working);
        } else {
            request.set("params", working);
        }
    }

    private ProxyResponse send() {
        return proxy.apply(new ProxyConfiguration(request.deepCopy()));
    }

    private Page page(JsonNode items, boolean callOnPage, JsonNode nextPageParam, ProxyResponse response) {
        ObjectNode patch = NODES.objectNode();
        if (methodDefaulted) {
            patch.put("method", "GET");
        }
        if (attached && working.isObject()) {
            patch.set(workingKey, working.deepCopy());
        }
        return new Page(items, patch, callOnPage, nextPageParam, response);
    }
}
