package dev.nangojvm.bindings.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.proxy.JsValues;
import dev.nangojvm.bindings.proxy.Provider;

/**
 * The effective pagination settings: {@code {...provider.proxy.paginate, ...config.paginate}},
 * validated with Nango's messages. Field names stay snake_case, as in providers.yaml and scripts.
 */
record PaginateConfig(ObjectNode merged) {

    /** Error code of every configuration problem; Nango throws plain {@code Error}s for them. */
    static final String INVALID = "invalid_pagination_config";

    static PaginateConfig resolve(JsonNode scriptPaginate, Provider provider) {
        if (provider == null) {
            throw new NangoException("unknown_provider_template_in_config",
                    "The integration's provider is not in the provider catalog, so nango.paginate has no provider defaults.");
        }
        ObjectNode template = provider.paginate();
        boolean scriptHasType = scriptPaginate != null && scriptPaginate.isObject() && JsValues.truthy(scriptPaginate.get("type"));
        if (template == null && !scriptHasType) {
            throw new NangoException(INVALID, "There was no pagination configuration for this integration or configuration passed in.");
        }
        ObjectNode merged = template == null ? JsonNodeFactory.instance.objectNode() : template;
        if (scriptPaginate != null && scriptPaginate.isObject()) {
            merged.setAll((ObjectNode) scriptPaginate);
        }
        PaginateConfig config = new PaginateConfig(merged);
        config.validate();
        return config;
    }

    private void validate() {
        if (!JsValues.truthy(merged.get("type"))) {
            throw invalid("Pagination type is required");
        }
        String type = type();
        switch (type) {
            case "cursor" -> {
                require("cursor_name_in_request", "Param cursor_name_in_request is required for cursor pagination");
                require("cursor_path_in_response", "Param cursor_path_in_response is required for cursor pagination");
                if (JsValues.truthy(merged.get("limit")) && !JsValues.truthy(merged.get("limit_name_in_request"))) {
                    throw invalid("Param limit_name_in_request is required for cursor pagination when limit is set");
                }
            }
            case "link" -> {
                if (!JsValues.truthy(merged.get("link_rel_in_response_header")) && !JsValues.truthy(merged.get("link_path_in_response_body"))) {
                    throw invalid("Either param link_rel_in_response_header or link_path_in_response_body is required for link pagination");
                }
            }
            case "offset" -> require("offset_name_in_request", "Param offset_name_in_request is required for offset pagination");
            default -> throw invalid("Pagination type " + type + " is not supported. Only cursor, link and offset pagination types are supported.");
        }
    }

    private void require(String field, String message) {
        if (!JsValues.truthy(merged.get(field))) {
            throw invalid(message);
        }
    }

    private static NangoException invalid(String message) {
        return new NangoException(INVALID, message);
    }

    String type() {
        return JsValues.string(merged.get("type"));
    }

    /** A setting as JavaScript would read it; Java null for undefined. */
    JsonNode get(String field) {
        return merged.get(field);
    }

    /** A setting used as an object key: JavaScript turns undefined into {@code "undefined"}. */
    String key(String field) {
        return JsValues.string(merged.get(field));
    }

    /** The value at {@code response_path} of the body, or the whole body when the path is empty. */
    JsonNode items(JsonNode body) {
        JsonNode path = merged.get("response_path");
        return JsValues.truthy(path) ? JsValues.get(body, JsValues.string(path)) : body;
    }
}
