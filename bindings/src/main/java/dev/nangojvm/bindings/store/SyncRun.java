package dev.nangojvm.bindings.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.SyncConfig;
import dev.nangojvm.bindings.SyncOptions;
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.bindings.store.internal.JsJson;
import dev.nangojvm.bindings.store.internal.RecordCursor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store side of one sync execution: {@code lastSyncDate}, the record members of {@code nango}
 * (with the declared-model check, merging strategies and record validation), its checkpoints and
 * delete tracking, and the end of the run ({@code track_deletes}, {@code lastSyncDate}).
 * A {@code SyncExecution} delegates to it.
 *
 * <p><b>Checkpoints commit the records saved before them.</b> A run starts with every batch
 * committing on its own, as in Nango. Its first checkpoint call ({@code getCheckpoint},
 * {@code saveCheckpoint} or {@code clearCheckpoint}) opens a {@link UnitOfWork}: from then on
 * batches stay pending in one open transaction, and {@code saveCheckpoint} / {@code clearCheckpoint}
 * commit them together with the checkpoint. A run killed at any point therefore leaves exactly the
 * records of its last committed checkpoint, and resuming from that checkpoint neither loses nor
 * duplicates a record, and counts each one once. A run that ends, even by failing, commits what it
 * saved since its last checkpoint: records saved stay saved, as in Nango; only a run that dies
 * without ending ({@link #close()} without {@link #finish}) rolls them back. Stores without shared
 * transactions ({@link UnitOfWork#autoCommit}) commit every call instead, which still loses and
 * duplicates nothing on resume (saving is idempotent by id).
 *
 * <pre>{@code
 * try (SyncRun run = SyncRun.start(stores, info, config, SyncOptions.defaults(), clock, logs::add)) {
 *     run.batchSave(records, "Issue");
 *     SyncSummary summary = run.finish(true);
 * }
 * }</pre>
 *
 * <p>Thread-safe (calls are serialised), though a script makes one call at a time anyway.
 */
public final class SyncRun implements AutoCloseable {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Page size of {@code listRecords}, as Nango's. */
    public static final int LIST_PAGE_SIZE = 100;
    private static final String OVERRIDE = "override";
    private static final String IGNORE_IF_MODIFIED_AFTER = "ignore_if_modified_after";

    private final Stores stores;
    private final SyncConfig config;
    private final SyncOptions options;
    private final RecordScope scope;
    private final String checkpointKey;
    private final Clock clock;
    private final Consumer<LogEntry> log;
    private final long runId;
    private final Instant startedAt;
    private final Optional<Instant> lastSyncDate;
    private final Map<String, BatchResult> byModel = new LinkedHashMap<>();
    /** Per model: the strategy set first, and its guard cursor (null for override). */
    private final Map<String, Optional<String>> merging = new LinkedHashMap<>();
    private UnitOfWork unit; // null until the first checkpoint call
    private Checkpointing checkpointing;
    /** A delete-tracking phase ended since the last commit of the unit of work. */
    private boolean phaseEndedSinceCommit;
    private boolean finished;

    private SyncRun(Stores stores, SyncKey key, SyncConfig config, SyncOptions options, Clock clock,
                    Consumer<LogEntry> log) {
        this.stores = stores;
        this.config = config;
        this.options = options;
        this.scope = key.recordScope();
        this.checkpointKey = Checkpointing.syncKey(key.syncName(), key.variant());
        this.clock = clock;
        this.log = log;
        this.startedAt = clock.instant();
        this.lastSyncDate = stores.syncState().lastSyncDate(key); // read before this run is registered
        this.runId = stores.syncState().runStarted(key, startedAt);
        this.checkpointing = checkpoints(stores.checkpoints(), checkpointKey);
    }

    /**
     * Registers a new run of {@code config} for the connection and variant of {@code info}.
     *
     * @param clock time of the run's start and of every write
     * @param log   receives internal log entries (duplicate ids, track_deletes, merging, validation)
     */
    public static SyncRun start(Stores stores, ExecutionInfo info, SyncConfig config, SyncOptions options,
                                Clock clock, Consumer<LogEntry> log) {
        Objects.requireNonNull(info, "info");
        SyncKey key = new SyncKey(info.providerConfigKey(), info.connectionId(), config.name(), info.variant());
        return new SyncRun(Objects.requireNonNull(stores, "stores"), key, config,
                Objects.requireNonNull(options, "options"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(log, "log"));
    }

    /** The run id: the "seen" generation of the records this run writes. */
    public long runId() {
        return runId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** {@code nango.lastSyncDate}: the start of the last successful run before this one, if any. */
    public Optional<Instant> lastSyncDate() {
        return lastSyncDate;
    }

    // ---- records -------------------------------------------------------------------------------

    /** {@code nango.batchSave(records, model)}; see {@link RecordStore} for the outcome rules. */
    public synchronized BatchResult batchSave(ArrayNode batch, String model) {
        checkWritable(model);
        RecordBatch prepared = prepare(RecordBatches.Operation.SAVE, batch, model);
        validate(prepared, model);
        return count(model, records().save(scope, model, prepared, runId, clock.instant()));
    }

    /** {@code nango.batchUpdate(partials, model)}. */
    public synchronized BatchResult batchUpdate(ArrayNode partials, String model) {
        checkWritable(model);
        RecordBatch prepared = prepare(RecordBatches.Operation.UPDATE, partials, model);
        return count(model, records().update(scope, model, prepared, runId, clock.instant()));
    }

    /** {@code nango.batchDelete(records, model)}. */
    public synchronized BatchResult batchDelete(ArrayNode batch, String model) {
        checkWritable(model);
        RecordBatch prepared = prepare(RecordBatches.Operation.DELETE, batch, model);
        return count(model, records().delete(scope, model, prepared, runId, clock.instant()));
    }

    /**
     * {@code nango.getRecordsByIds(ids, model)}: stored records (deleted included) keyed by
     * {@code String(id)}; ids not stored are absent. The host builds the JS {@code Map} keyed by
     * the original id values by looking each one up with {@code String(id)}. Sees this run's
     * uncommitted writes.
     */
    public synchronized ObjectNode getRecordsByIds(ArrayNode ids, String model) {
        ObjectNode result = F.objectNode();
        if (ids == null || ids.isEmpty()) {
            return result;
        }
        List<String> keys = new ArrayList<>(ids.size());
        for (JsonNode id : ids) {
            keys.add(JsJson.jsString(id).replace("\u0000", ""));
        }
        records().getRecordsByIds(scope, model, keys).forEach(result::set);
        return result;
    }

    /**
     * One page of {@code nango.listRecords(model, {cursor})}: {@value #LIST_PAGE_SIZE} records of the
     * model, deleted included, oldest {@code last_modified_at} first, after {@code cursor} (null from
     * the start), as {@code {records, nextCursor}} with {@code nextCursor} null on the last page.
     */
    public synchronized ObjectNode listRecords(String model, String cursor) {
        RecordPage page = records().list(scope, model,
                RecordQuery.defaults().withLimit(LIST_PAGE_SIZE).withCursor(cursor));
        ObjectNode result = F.objectNode();
        ArrayNode array = result.putArray("records");
        page.records().forEach(array::add);
        result.put("nextCursor", page.nextCursor());
        return result;
    }

    /**
     * {@code nango.setMergingStrategy({strategy}, model)}: {@code override} (the default) or
     * {@code ignore_if_modified_after}, which leaves alone the stored records that another run
     * changes after this call. Only the first call per model counts.
     */
    public synchronized void setMergingStrategy(String strategy, String model) {
        if (!OVERRIDE.equals(strategy) && !IGNORE_IF_MODIFIED_AFTER.equals(strategy)) {
            throw new NangoException("invalid_merging_strategy", "Merging strategy '" + strategy + "' for model '"
                    + model + "' is not valid: use '" + OVERRIDE + "' or '" + IGNORE_IF_MODIFIED_AFTER + "'.");
        }
        if (merging.containsKey(model)) {
            log("warn", "Merging strategy for model " + model + " is already set. Skipping"); // Nango's wording
            return;
        }
        merging.put(model, OVERRIDE.equals(strategy) ? Optional.empty()
                : Optional.of(records().latestCursor(scope, model).orElse(new RecordCursor(Instant.EPOCH, 0).encode())));
        log("info", "Merging strategy set to '" + strategy + "' for model " + model + ".");
    }

    // ---- delete tracking -----------------------------------------------------------------------

    /**
     * {@code nango.trackDeletesStart(model)}: stores the marker {@code {syncJobId: runId}} under the
     * checkpoint key {@code <checkpointKey>:trackDeletes:<model>} unless one exists already (left by
     * an earlier run that did not reach {@link #trackDeletesEnd}), so a phase can span runs.
     */
    public synchronized void trackDeletesStart(String model) {
        checkWritable(model);
        Checkpointing marker = checkpoints(currentCheckpointStore(), trackDeletesKey(model));
        if (marker.getCheckpoint().isEmpty()) {
            marker.saveCheckpoint(F.objectNode().put("syncJobId", runId));
        }
    }

    /**
     * {@code nango.trackDeletesEnd(model)}: soft-deletes every live record of the model not seen by
     * the marker's run or a later one, clears the marker, and returns {@code {deletedKeys}}. Inside
     * a unit of work this commits with the run's next checkpoint, like the records it judged by.
     */
    public synchronized ObjectNode trackDeletesEnd(String model) {
        checkWritable(model);
        Checkpointing marker = checkpoints(currentCheckpointStore(), trackDeletesKey(model));
        long since = marker.getCheckpoint().map(m -> m.path("syncJobId").asLong(-1)).filter(id -> id >= 0)
                .orElseThrow(() -> new NangoException("track_deletes_not_started",
                        "No track deletes starting point found for model '" + model + "'.")); // Nango's wording
        ObjectNode result = deleteUnseen(model, since);
        marker.clearCheckpoint();
        phaseEndedSinceCommit = unit != null;
        return result;
    }

    /** {@code nango.deleteRecordsFromPreviousExecutions(model)} (deprecated): deletes what this run has not seen, now. */
    public synchronized ObjectNode deleteRecordsFromPreviousExecutions(String model) {
        checkWritable(model);
        return deleteUnseen(model, runId);
    }

    private ObjectNode deleteUnseen(String model, long since) {
        List<String> keys = records().deleteUnseen(scope, model, since, runId, clock.instant());
        count(model, new BatchResult(0, 0, keys.size(), 0));
        ObjectNode result = F.objectNode();
        keys.forEach(result.putArray("deletedKeys")::add);
        return result;
    }

    private String trackDeletesKey(String model) {
        return checkpointKey + ":trackDeletes:" + model;
    }

    // ---- checkpoints ---------------------------------------------------------------------------

    /** {@code nango.getCheckpoint()}; from now on batches commit with the next checkpoint. */
    public synchronized Optional<ObjectNode> getCheckpoint() {
        enterUnitOfWork();
        return checkpointing.getCheckpoint();
    }

    /** {@code nango.saveCheckpoint(obj)}: the checkpoint and every batch since the last one commit together. */
    public synchronized void saveCheckpoint(ObjectNode checkpoint) {
        requireRunning();
        enterUnitOfWork();
        checkpointing.saveCheckpoint(checkpoint);
        commitUnit();
    }

    /** {@code nango.clearCheckpoint()}: commits like {@link #saveCheckpoint}. */
    public synchronized void clearCheckpoint() {
        requireRunning();
        enterUnitOfWork();
        checkpointing.clearCheckpoint();
        commitUnit();
    }

    private void enterUnitOfWork() {
        if (unit == null) {
            unit = stores.openUnitOfWork();
            checkpointing = checkpoints(unit.checkpoints(), checkpointKey);
        }
    }

    private Checkpointing checkpoints(CheckpointStore store, String key) {
        return new Checkpointing(store, scope.providerConfigKey(), scope.connectionId(), key);
    }

    private CheckpointStore currentCheckpointStore() {
        return unit == null ? stores.checkpoints() : unit.checkpoints();
    }

    private RecordStore records() {
        return unit == null ? stores.records() : unit.records();
    }

    // ---- end of the run ------------------------------------------------------------------------

    /**
     * Ends the run, once. First commits what the run saved since its last checkpoint (on failure
     * too: saved records stay saved). On success: legacy {@code track_deletes} for full syncs (unseen
     * records of every declared model are deleted and counted), then {@code lastSyncDate = startedAt}.
     * On failure: neither, and one deliberate difference from Nango: if a {@code trackDeletesEnd}
     * ran since the last checkpoint, that part is rolled back instead of committed. Committing it
     * would end the delete-tracking phase while the checkpoint still points inside it, and the
     * resumed run would then start a new phase and delete every record it does not page through
     * again. Rolled back, the resumed run re-saves those records and ends the phase itself.
     *
     * @return the per-model outcome of the run, deletions included
     * @throws NangoException {@code store_error} if a successful run's writes cannot be committed;
     *                        the run is then recorded as failed
     */
    public synchronized SyncSummary finish(boolean succeeded) {
        requireRunning();
        finished = true;
        try {
            if (succeeded) {
                if (config.trackDeletes() && "full".equalsIgnoreCase(config.syncType())) {
                    trackDeletes();
                }
                commitUnit();
                stores.syncState().runSucceeded(runId, startedAt);
            } else {
                commitAfterFailure();
                stores.syncState().runFailed(runId);
            }
        } catch (RuntimeException e) {
            try {
                stores.syncState().runFailed(runId);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        } finally {
            close();
        }
        return new SyncSummary(Collections.unmodifiableMap(new LinkedHashMap<>(byModel)));
    }

    /**
     * Releases the run's unit of work. Without {@link #finish} first, the writes since the last
     * checkpoint are rolled back, as if the process had died: the next run resumes from that
     * checkpoint. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (unit != null) {
            unit.close();
        }
    }

    private void commitUnit() {
        if (unit != null) {
            unit.commit();
            phaseEndedSinceCommit = false;
        }
    }

    private void commitAfterFailure() {
        if (phaseEndedSinceCommit) {
            log("warn", "Sync run " + runId + " of '" + config.name() + "' failed after trackDeletesEnd but before its next"
                    + " checkpoint: what it wrote since its last checkpoint is rolled back, so that the next run resumes"
                    + " the delete-tracking phase instead of deleting records it has not paged through again.");
            return; // close() rolls it back
        }
        try {
            commitUnit();
        } catch (RuntimeException e) {
            log("error", "Sync run " + runId + " of '" + config.name() + "' failed, and the records it saved since its"
                    + " last checkpoint could not be committed either: " + e.getMessage()
                    + ". The next run resumes from that checkpoint.");
        }
    }

    private void trackDeletes() {
        log("warn", "Sync '" + config.name() + "' uses track_deletes, which is deprecated: records not saved by this "
                + "run are being deleted. Use trackDeletesStart/trackDeletesEnd instead.");
        for (String model : config.models()) {
            deleteUnseen(model, runId);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private RecordBatch prepare(RecordBatches.Operation op, ArrayNode batch, String model) {
        RecordBatch prepared = RecordBatches.prepare(op, scope.modelKey(model), batch, log, clock.instant());
        return prepared.ignoringModifiedAfter(merging.getOrDefault(model, Optional.empty()).orElse(null));
    }

    /** Dry-run validation: a warning without {@code --validation}, {@code invalid_sync_record} with it. */
    private void validate(RecordBatch batch, String model) {
        String base = baseModel(model);
        if (!options.validator().checks(base)) {
            return;
        }
        for (List<RecordInput> chunk : batch.chunks()) {
            for (RecordInput record : chunk) {
                List<String> errors = options.validator().validate(base, record.payload());
                if (!errors.isEmpty()) {
                    invalid(model, record, errors);
                    return; // one warning per call, as Nango's CLI
                }
            }
        }
    }

    private void invalid(String model, RecordInput record, List<String> errors) {
        if (options.validation()) {
            throw new NangoException("invalid_sync_record", "Invalid record payload for model '" + model + "': record '"
                    + record.externalId() + "' does not match the model's schema: " + String.join("; ", errors)
                    + ". Fix the record, or the model in nango.yaml.");
        }
        log("warn", "Invalid record payload. Use `--validation` option to see the details"); // Nango's CLI wording
    }

    private void checkWritable(String model) {
        requireRunning();
        if (!config.models().contains(baseModel(model))) {
            // Nango's wording.
            throw new NangoException("invalid_model", "The model '" + model
                    + "' is not included in the declared sync models: " + String.join(", ", config.models()) + ".");
        }
    }

    private void requireRunning() {
        if (finished) {
            throw new IllegalStateException("Sync run " + runId + " of '" + config.name() + "' is finished: no more writes.");
        }
    }

    private static String baseModel(String model) {
        return model.contains("::") ? model.substring(0, model.indexOf("::")) : model;
    }

    private void log(String level, String message) {
        log.accept(new LogEntry(level, "internal", message, null, clock.instant()));
    }

    private BatchResult count(String model, BatchResult result) {
        byModel.merge(model, result, BatchResult::plus);
        return result;
    }
}
