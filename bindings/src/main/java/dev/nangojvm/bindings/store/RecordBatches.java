package dev.nangojvm.bindings.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.store.internal.JsJson;
import dev.nangojvm.bindings.store.internal.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the array a script passed to {@code batchSave}, {@code batchUpdate} or {@code batchDelete}
 * into a {@link RecordBatch}, with Nango's rules, so every {@link RecordStore} applies the same ones:
 * <ol>
 *   <li>{@code _nango_metadata} is removed from each record, <em>in the caller's node</em>;</li>
 *   <li>every element must be an object whose {@code id} is a non-empty string of at most 255
 *       characters or a non-zero number, else {@code invalid_sync_record} and nothing is written;</li>
 *   <li>chunks of {@link RecordStore#CHUNK_SIZE}; within a chunk a repeated id is ignored (the first
 *       occurrence wins) and reported by an error-level log entry, as Nango's persist service does;</li>
 *   <li>hash: MD5 of {@code JSON.stringify(record)}, so key order matters.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class RecordBatches {
    /** Longest accepted string id, as Nango's persist validation. */
    public static final int MAX_ID_LENGTH = 255;
    private static final String METADATA_FIELD = "_nango_metadata";

    /** The batch operation, for messages and for {@code deletedAt} handling. */
    public enum Operation {
        SAVE("batchSave"), UPDATE("batchUpdate"), DELETE("batchDelete");

        private final String methodName;

        Operation(String methodName) {
            this.methodName = methodName;
        }

        /** The script-facing method name, e.g. {@code batchSave}. */
        public String methodName() {
            return methodName;
        }
    }

    private RecordBatches() {
    }

    /**
     * Validates and chunks {@code records}.
     *
     * @param modelKey the stored model name ({@link RecordScope#modelKey}), used in messages
     * @param now      creation time of the duplicate-key log entries
     * @throws NangoException {@code invalid_sync_record} naming the first bad record's index and the rule
     */
    public static RecordBatch prepare(Operation op, String modelKey, ArrayNode records,
                                      Consumer<LogEntry> log, Instant now) {
        if (records == null || records.isEmpty()) {
            return RecordBatch.EMPTY;
        }
        for (JsonNode element : records) {
            if (element instanceof ObjectNode record) {
                record.remove(METADATA_FIELD); // all of them, before any validation, as Nango's SDK does
            }
        }
        List<RecordInput> inputs = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            inputs.add(toInput(op, modelKey, i, records.get(i)));
        }
        List<List<RecordInput>> chunks = new ArrayList<>();
        for (int from = 0; from < inputs.size(); from += RecordStore.CHUNK_SIZE) {
            List<RecordInput> chunk = inputs.subList(from, Math.min(inputs.size(), from + RecordStore.CHUNK_SIZE));
            chunks.add(withoutDuplicates(chunk, modelKey, log, now));
        }
        return new RecordBatch(chunks);
    }

    private static RecordInput toInput(Operation op, String modelKey, int index, JsonNode element) {
        if (!(element instanceof ObjectNode record)) {
            throw invalid(op, modelKey, index, "a record must be an object, but it is " + describe(element)
                    + ". Pass an array of record objects.");
        }
        String externalId = externalId(op, modelKey, index, record.get("id"));
        String json = JsJson.stringify(record);
        Instant deletedAt = op == Operation.DELETE ? deletedAt(op, modelKey, index, record) : null;
        return new RecordInput(externalId, record, json, JsJson.md5Hex(json), deletedAt);
    }

    private static String externalId(Operation op, String modelKey, int index, JsonNode id) {
        String problem = idProblem(id);
        if (problem != null) {
            throw invalid(op, modelKey, index, "'id' must be a non-empty string of at most " + MAX_ID_LENGTH
                    + " characters or a non-zero number, but " + problem + ". Give every record a unique 'id'.");
        }
        // Nango stores String(id) without NUL characters (PostgreSQL text cannot hold them).
        return JsJson.jsString(id).replace("\u0000", "");
    }

    private static String idProblem(JsonNode id) {
        if (id == null || id.isMissingNode()) {
            return "it is missing";
        }
        if (id.isTextual()) {
            int length = id.textValue().length();
            return length == 0 ? "it is an empty string"
                    : length > MAX_ID_LENGTH ? "it is a string of " + length + " characters" : null;
        }
        if (id.isNumber()) {
            double value = id.doubleValue();
            return value == 0 || Double.isNaN(value) ? "it is " + JsJson.numberToString(value) : null;
        }
        return "it is " + describe(id);
    }

    /** {@code deletedAt} when truthy (as in JS), else {@code null} meaning "now". */
    private static Instant deletedAt(Operation op, String modelKey, int index, ObjectNode record) {
        JsonNode value = record.get("deletedAt");
        if (value == null || !isTruthy(value)) {
            return null;
        }
        return Timestamps.parseLenient(value).orElseThrow(() -> invalid(op, modelKey, index,
                "'deletedAt' must be an ISO date-time or epoch milliseconds, but it is " + describe(value)
                        + ". Pass a Date or an ISO string, or leave it out to use the deletion time."));
    }

    private static boolean isTruthy(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        return !value.isBoolean() || value.booleanValue();
    }

    private static List<RecordInput> withoutDuplicates(List<RecordInput> chunk, String modelKey,
                                                       Consumer<LogEntry> log, Instant now) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        List<RecordInput> kept = new ArrayList<>(chunk.size());
        for (RecordInput input : chunk) {
            if (seen.add(input.externalId())) {
                kept.add(input);
            } else {
                duplicates.add(input.externalId());
            }
        }
        for (String id : duplicates) {
            // Nango's exact wording; dashboards and tests match on it.
            log.accept(new LogEntry("error", "internal",
                    "Found duplicate key '" + id + "' for model " + modelKey + ". The record was ignored.", null, now));
        }
        return kept;
    }

    private static NangoException invalid(Operation op, String modelKey, int index, String rule) {
        return new NangoException("invalid_sync_record",
                op.methodName() + ": invalid record at index " + index + " for model '" + modelKey + "': " + rule);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "the boolean " + node.booleanValue();
            case STRING -> "the string '" + abbreviate(node.textValue()) + "'";
            case NUMBER -> "the number " + JsJson.jsString(node);
            default -> "missing";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
