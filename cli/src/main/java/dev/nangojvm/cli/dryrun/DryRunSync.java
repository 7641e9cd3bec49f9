package dev.nangojvm.cli.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.SyncExecution;
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.bindings.proxy.JsValues;
import dev.nangojvm.bindings.proxy.Provider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A dry-run sync: the batch calls become log messages and counters ("The dry run would produce
 * the following results"), records are checked against their model, and they go to the in-memory
 * store the dry run was started with (so ids are checked as in a real run and
 * {@code getRecordsByIds} sees them), never to the project's real store.
 */
public final class DryRunSync extends DryRunAction implements SyncExecution {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final SyncExecution sync;
    private final Instant lastSyncDate;
    private final String variant;
    private final ModelValidator validator;
    private final boolean enforce;
    private final Consumer<String> warn;

    private final List<JsonNode> messages = new ArrayList<>();
    private final Map<String, ArrayNode> saved = new LinkedHashMap<>();
    private final Map<String, ArrayNode> deleted = new LinkedHashMap<>();
    private int added;
    private int updated;
    private int deletedCount;
    private volatile Validation failedValidation;

    /** The records and errors of a failed {@code --validation} check, for the error report. */
    public record Validation(String model, JsonNode data, List<ModelValidator.Error> errors) { }

    /**
     * @param lastSyncDate {@code --lastSyncDate}, or null
     * @param enforce      {@code --validation}: invalid records fail the batch call; otherwise a warning
     * @param warn         prints a warning line
     */
    public DryRunSync(SyncExecution sync, Provider provider, MockRecorder recorder, ObjectNode metadataStub, Instant lastSyncDate,
                      ModelValidator validator, boolean enforce, Consumer<String> note, Consumer<String> warn) {
        super(sync, provider, recorder, metadataStub, note);
        this.sync = sync;
        this.lastSyncDate = lastSyncDate;
        this.variant = sync.info().variant();
        this.validator = validator;
        this.enforce = enforce;
        this.warn = warn;
    }

    @Override
    public Optional<Instant> lastSyncDate() {
        return Optional.ofNullable(lastSyncDate);
    }

    @Override
    public synchronized BatchResult batchSave(ArrayNode records, String model) {
        if (records.isEmpty()) {
            warn.accept("batchSave received an empty array. No records to save.");
            return BatchResult.EMPTY;
        }
        validate(records, model);
        ArrayNode unique = deduplicate(records);
        BatchResult result = sync.batchSave(unique.deepCopy(), model);
        messages.add(TextNode.valueOf("A batch save call would save the following data to the " + model + " model" + variantNote() + ":"));
        unique.forEach(r -> messages.add(display(r)));
        added += unique.size();
        saved.computeIfAbsent(model, m -> F.arrayNode()).addAll(unique);
        return result;
    }

    @Override
    public synchronized BatchResult batchUpdate(ArrayNode partials, String model) {
        if (partials.isEmpty()) {
            warn.accept("batchUpdate received an empty array. No records to update.");
            return BatchResult.EMPTY;
        }
        BatchResult result = sync.batchUpdate(partials.deepCopy(), model);
        messages.add(TextNode.valueOf("A batch update call would save the following data to the " + model + " model" + variantNote() + ":"));
        partials.forEach(r -> messages.add(display(r)));
        updated += partials.size();
        return result;
    }

    @Override
    public synchronized BatchResult batchDelete(ArrayNode records, String model) {
        if (records.isEmpty()) {
            warn.accept("batchDelete received an empty array. No records to delete.");
            return BatchResult.EMPTY;
        }
        BatchResult result = sync.batchDelete(records.deepCopy(), model);
        messages.add(TextNode.valueOf("A batch delete call would delete the following data:"));
        records.forEach(r -> messages.add(display(r)));
        deletedCount += records.size();
        deleted.computeIfAbsent(model, m -> F.arrayNode()).addAll(records);
        return result;
    }

    @Override
    public JsonNode getRecordsByIds(ArrayNode ids, String model) {
        return sync.getRecordsByIds(ids, model);
    }

    @Override
    public SyncSummary finish(boolean succeeded) {
        return sync.finish(succeeded);
    }

    /** Whether any batch call happened (then the results and messages are printed, and the record mocks written). */
    public synchronized boolean anyBatch() {
        return !messages.isEmpty();
    }

    /** {@code {"updated": u, "added": a, "deleted": d}}. */
    public synchronized ObjectNode results() {
        ObjectNode o = F.objectNode();
        o.put("updated", updated).put("added", added).put("deleted", deletedCount);
        return o;
    }

    public synchronized List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    public synchronized Map<String, ArrayNode> saved() {
        return new LinkedHashMap<>(saved);
    }

    public synchronized Map<String, ArrayNode> deleted() {
        return new LinkedHashMap<>(deleted);
    }

    /** The validation failure that stopped the run under {@code --validation}, or null. */
    public Validation failedValidation() {
        return failedValidation;
    }

    private void validate(ArrayNode records, String model) {
        if (validator == null || !validator.knows(model)) return;
        for (JsonNode record : records) {
            List<ModelValidator.Error> errors = validator.validate(model, record);
            if (errors.isEmpty()) continue;
            if (enforce) {
                failedValidation = new Validation(model, record, errors);
                throw new NangoException("invalid_sync_record", "Invalid sync record");
            }
            warn.accept("Invalid record payload. Use `--validation` option to see the details");
            return;
        }
    }

    /** By {@code id}, the last occurrence winning at the place of the first, with a warning per duplicate. */
    private ArrayNode deduplicate(ArrayNode records) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        int anonymous = 0;
        for (JsonNode r : records) {
            JsonNode id = r.get("id");
            if (id == null || id.isNull()) {
                byId.put("\u0000" + anonymous++, r);
                continue;
            }
            String key = JsValues.string(id);
            if (byId.containsKey(key)) {
                warn.accept("batchSave detected duplicate records for ID: " + key + ". Keeping the last occurrence.");
            }
            byId.put(key, r);
        }
        ArrayNode out = F.arrayNode();
        byId.values().forEach(out::add);
        return out;
    }

    private String variantNote() {
        return variant == null || variant.equals("base") ? "" : " (variant: " + variant + ")";
    }

    private static JsonNode display(JsonNode record) {
        if (record instanceof ObjectNode o && o.has("_nango_metadata")) {
            ObjectNode copy = o.deepCopy();
            copy.remove("_nango_metadata");
            return copy;
        }
        return record;
    }
}
