package dev.nangojvm.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A proxy configuration as the script built it. JSON drops keys whose value is {@code undefined}
 * (or a function), while the mock's {@code Object.entries(params)} keeps them; the guest half of
 * the replay mock therefore lists those keys of {@code params} and {@code headers} under
 * {@link #TAG}, and they take part in the identity as {@code null}.
 *
 * @param config           the configuration without the tag
 * @param undefinedParams  own keys of {@code params} whose value JSON dropped
 * @param undefinedHeaders own keys of {@code headers} whose value JSON dropped
 */
public record ScriptRequest(ObjectNode config, Set<String> undefinedParams, Set<String> undefinedHeaders) {
    /** The key under which the guest half passes what JSON could not carry. Also used in outputs. */
    public static final String TAG = "\u0000nango-jvm-replay";

    public ScriptRequest {
        undefinedParams = Set.copyOf(undefinedParams);
        undefinedHeaders = Set.copyOf(undefinedHeaders);
    }

    /** Splits the tag off a configuration received from the guest (the argument is not modified). */
    public static ScriptRequest from(ObjectNode received) {
        ObjectNode config = received.deepCopy();
        JsonNode tag = config.remove(TAG);
        return new ScriptRequest(config, keys(tag, "params"), keys(tag, "headers"));
    }

    public static ScriptRequest plain(ObjectNode config) {
        return new ScriptRequest(config, Set.of(), Set.of());
    }

    private static Set<String> keys(JsonNode tag, String field) {
        Set<String> out = new LinkedHashSet<>();
        if (tag != null) tag.path(field).forEach(k -> out.add(k.asText()));
        return out;
    }
}
