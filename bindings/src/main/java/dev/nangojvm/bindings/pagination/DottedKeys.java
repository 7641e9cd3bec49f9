package dev.nangojvm.bindings.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.proxy.JsValues;
import java.util.List;
import java.util.Map;

/**
 * The request body Nango builds from the pagination parameters: every key goes through lodash
 * {@code set}, so {@code page.size} becomes {@code {page: {size}}} and {@code a[0]} an array.
 */
final class DottedKeys {

    private DottedKeys() {
    }

    static ObjectNode expand(ObjectNode flat) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : flat.properties()) {
            set(out, JsValues.toPath(e.getKey()), e.getValue());
        }
        return out;
    }

    private static void set(ObjectNode root, List<String> path, JsonNode value) {
        JsonNode current = root;
        for (int i = 0; i < path.size(); i++) {
            String key = path.get(i);
            boolean last = i == path.size() - 1;
            JsonNode next = last ? value : child(current, key, path.get(i + 1));
            if (current instanceof ObjectNode o) {
                o.set(key, next);
            } else if (current instanceof ArrayNode a && key.matches("\\d{1,9}")) {
                int index = Integer.parseInt(key);
                while (a.size() <= index) {
                    a.addNull();
                }
                a.set(index, next);
            }
            current = next;
        }
    }

    // Keep an existing container; otherwise create an array for an index key, an object for the rest.
    private static JsonNode child(JsonNode parent, String key, String nextKey) {
        JsonNode existing = parent.isObject() ? parent.get(key)
                : parent.isArray() && key.matches("\\d{1,9}") ? parent.get(Integer.parseInt(key)) : null;
        if (existing != null && existing.isContainerNode()) {
            return existing;
        }
        return nextKey.matches("0|[1-9]\\d{0,8}") ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
    }
}
