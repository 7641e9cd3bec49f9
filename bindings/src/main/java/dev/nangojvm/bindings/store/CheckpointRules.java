package dev.nangojvm.bindings.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoException;
import java.util.Map;

/**
 * What a checkpoint may contain (Nango's limits): a flat object of at most {@value #MAX_FIELDS}
 * fields, keys of at most {@value #MAX_KEY_LENGTH} characters, values that are strings of at most
 * {@value #MAX_STRING_LENGTH} characters, finite numbers or booleans. A JS {@code Date} arrives
 * here already as its ISO string. Stateless.
 */
public final class CheckpointRules {
    public static final int MAX_FIELDS = 16;
    public static final int MAX_KEY_LENGTH = 255;
    public static final int MAX_STRING_LENGTH = 4000;
    /** Longest checkpoint key ({@code sync:<name>:<variant>}). */
    public static final int MAX_CHECKPOINT_KEY_LENGTH = 255;

    private CheckpointRules() {
    }

    /**
     * Throws {@code invalid_checkpoint} with a message starting {@code Error saving checkpoint: }
     * (the prefix of Nango's error) when {@code checkpoint} breaks a rule.
     */
    public static void validate(ObjectNode checkpoint) {
        if (checkpoint == null) {
            throw invalid("a checkpoint must be an object, but it is null. Pass an object such as {cursor: 'abc'}.");
        }
        if (checkpoint.size() > MAX_FIELDS) {
            throw invalid("a checkpoint may have at most " + MAX_FIELDS + " fields, but it has " + checkpoint.size()
                    + ". Keep only what is needed to resume.");
        }
        for (Map.Entry<String, JsonNode> field : checkpoint.properties()) {
            checkKey(field.getKey());
            checkValue(field.getKey(), field.getValue());
        }
    }

    private static void checkKey(String key) {
        if (key.length() > MAX_KEY_LENGTH) {
            throw invalid("field names may have at most " + MAX_KEY_LENGTH + " characters, but '"
                    + key.substring(0, 20) + "...' has " + key.length() + ". Use a shorter name.");
        }
    }

    private static void checkValue(String key, JsonNode value) {
        String remedy = " Values must be strings, numbers or booleans; store nested data as a JSON string.";
        switch (value.getNodeType()) {
            case STRING -> {
                int length = value.textValue().length();
                if (length > MAX_STRING_LENGTH) {
                    throw invalid("field '" + key + "' is a string of " + length + " characters, but strings may have at most "
                            + MAX_STRING_LENGTH + ". Store a shorter value, such as an id or a timestamp.");
                }
            }
            case NUMBER -> {
                if (!Double.isFinite(value.doubleValue())) {
                    throw invalid("field '" + key + "' is not a finite number." + remedy);
                }
            }
            case BOOLEAN -> { }
            case NULL -> throw invalid("field '" + key + "' is null, which is not allowed." + remedy
                    + " Leave the field out instead.");
            case ARRAY -> throw invalid("field '" + key + "' is an array, which is not allowed." + remedy);
            case OBJECT -> throw invalid("field '" + key + "' is a nested object, which is not allowed." + remedy);
            default -> throw invalid("field '" + key + "' has an unsupported value (" + value.getNodeType() + ")." + remedy);
        }
    }

    private static NangoException invalid(String what) {
        // Nango's prefix; scripts and logs show it verbatim.
        return new NangoException("invalid_checkpoint", "Error saving checkpoint: " + what);
    }
}
