package dev.nangojvm.bindings.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The deep merge of {@code batchUpdate}: objects merge key by key, recursively; anything else in
 * the partial (arrays, scalars, null) replaces the stored value. New keys are appended after the
 * stored ones, and replaced keys keep their position, as with JS object assignment.
 *
 * <p>Not API: used by the stores of this package tree.
 */
public final class JsonMerge {
    private JsonMerge() {
    }

    /** A new object: {@code stored} deep-merged with {@code partial}; neither argument is modified. */
    public static ObjectNode deep(ObjectNode stored, ObjectNode partial) {
        ObjectNode result = stored.deepCopy();
        mergeInto(result, partial);
        return result;
    }

    private static void mergeInto(ObjectNode target, ObjectNode source) {
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            JsonNode existing = target.get(field.getKey());
            JsonNode incoming = field.getValue();
            if (existing instanceof ObjectNode existingObject && incoming instanceof ObjectNode incomingObject) {
                mergeInto(existingObject, incomingObject);
            } else {
                target.set(field.getKey(), incoming.deepCopy());
            }
        }
    }
}
