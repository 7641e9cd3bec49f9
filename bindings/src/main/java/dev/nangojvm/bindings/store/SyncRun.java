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
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.bindings.store.internal.JsJson;
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
 * The records side of one sync execution: {@code lastSyncDate}, {@code batchSave/Update/Delete}
 * with the declared-model check, {@code getRecordsByIds}, and the end of the run
 * ({@code track_deletes}, {@code lastSyncDate}). A {@code SyncExecution} delegates to it.
 *
 * <p><b>Durability and resume.</b> Every batch call commits on return, in one transaction, and a
 * checkpoint saved afterwards commits in its own. A run killed at any point therefore leaves whole
 * batches only, and at most the batches after its last checkpoint are saved without it. Resuming
 * from that checkpoint saves them again, which changes nothing (saving is idempotent by id: same
 * payload, same hash, {@code unchanged}). So nothing is lost and nothing duplicated; the resumed run
 * may just report those records as unchanged rather than added.
 *
 * <pre>{@code
 * SyncRun run = SyncRun.start(stores.records(), stores.syncState(), info, config, clock, logs::add);
 * run.batchSave(records, "Issue");
 * SyncSummary summary = run.finish(true);
 * }</pre>
 *
 * <p>Thread-safe (calls are serialised), though a script makes one call at a time anyway.
 */
public final class SyncRun {
    private final RecordStore records;
    private final SyncStateStore state;
    private final SyncConfig config;
    private final RecordScope scope;
    private final Clock clock;
    private final Consumer<LogEntry> log;
    private final long runId;
    private final Instant startedAt;
    private final Optional<Instant> lastSyncDate;
    private final Map<String, BatchResult> byModel = new LinkedHashMap<>();
    private boolean finished;

    private SyncRun(RecordStore records, SyncStateStore state, SyncKey key, SyncConfig config, Clock clock,
                    Consumer<LogEntry> log) {
        this.records = records;
        this.state = state;
        this.config = config;
        this.scope = key.recordScope();
        this.clock = clock;
        this.log = log;
        this.startedAt = clock.instant();
        this.lastSyncDate = state.lastSyncDate(key); // read before this run is registered
        this.runId = state.runStarted(key, startedAt);
    }

    /**
     * Registers a new run of {@code config} for the connection and variant of {@code info}.
     *
     * @param clock time of the run's start and of every write
     * @param log   receives internal log entries (duplicate ids, track_deletes)
     */
    public static SyncRun start(RecordStore records, SyncStateStore state, ExecutionInfo info, SyncConfig config,
                                Clock clock, Consumer<LogEntry> log) {
        Objects.requireNonNull(info, "info");
        SyncKey key = new SyncKey(info.providerConfigKey(), info.connectionId(), config.name(), info.variant());
        return new SyncRun(Objects.requireNonNull(records, "records"), Objects.requireNonNull(state, "state"), key,
                config, Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(log, "log"));
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

    /** {@code nango.batchSave(records, model)}; see {@link RecordStore} for the outcome rules. */
    public synchronized BatchResult batchSave(ArrayNode batch, String model) {
        checkWritable(model);
        return count(model, records.batchSave(scope, model, batch, runId, clock.instant(), log));
    }

    /** {@code nango.batchUpdate(partials, model)}. */
    public synchronized BatchResult batchUpdate(ArrayNode partials, String model) {
        checkWritable(model);
        return count(model, records.batchUpdate(scope, model, partials, runId, clock.instant(), log));
    }

    /** {@code nango.batchDelete(records, model)}. */
    public synchronized BatchResult batchDelete(ArrayNode batch, String model) {
        checkWritable(model);
        return count(model, records.batchDelete(scope, model, batch, runId, clock.instant(), log));
    }

    /**
     * {@code nango.getRecordsByIds(ids, model)}: stored records (deleted included) keyed by
     * {@code String(id)}; ids not stored are absent. The host builds the JS {@code Map} keyed by
     * the original id values by looking each one up with {@code String(id)}.
     */
    public synchronized ObjectNode getRecordsByIds(ArrayNode ids, String model) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (ids == null || ids.isEmpty()) {
            return result;
        }
        List<String> keys = new ArrayList<>(ids.size());
        for (JsonNode id : ids) {
            keys.add(JsJson.jsString(id).replace("\u0000", ""));
        }
        records.getRecordsByIds(scope, model, keys).forEach(result::set);
        return result;
    }

    /**
     * Ends the run, once. On success: legacy {@code track_deletes} for full syncs (unseen records
     * of every declared model are deleted and counted), then {@code lastSyncDate = startedAt}. On
     * failure: neither; records already saved stay.
     *
     * @return the per-model outcome of the run, deletions included
     */
    public synchronized SyncSummary finish(boolean succeeded) {
        if (finished) {
            throw new IllegalStateException("Sync run " + runId + " of '" + config.name() + "' is already finished.");
        }
        finished = true;
        if (!succeeded) {
            state.runFailed(runId);
        } else {
            if (config.trackDeletes() && "full".equalsIgnoreCase(config.syncType())) {
                trackDeletes();
            }
            state.runSucceeded(runId, startedAt);
        }
        return new SyncSummary(Collections.unmodifiableMap(new LinkedHashMap<>(byModel)));
    }

    private void trackDeletes() {
        log.accept(new LogEntry("warn", "internal", "Sync '" + config.name() + "' uses track_deletes, which is "
                + "deprecated: records not saved by this run are being deleted. Use trackDeletesStart/trackDeletesEnd instead.",
                null, clock.instant()));
        for (String model : config.models()) {
            int deleted = records.deleteUnseen(scope, model, runId, clock.instant());
            count(model, new BatchResult(0, 0, deleted, 0));
        }
    }

    private void checkWritable(String model) {
        if (finished) {
            throw new IllegalStateException("Sync run " + runId + " of '" + config.name() + "' is finished: no more writes.");
        }
        String base = model.contains("::") ? model.substring(0, model.indexOf("::")) : model;
        if (!config.models().contains(base)) {
            // Nango's wording.
            throw new NangoException("invalid_model", "The model '" + model
                    + "' is not included in the declared sync models: " + String.join(", ", config.models()) + ".");
        }
    }

    private BatchResult count(String model, BatchResult result) {
        byModel.merge(model, result, BatchResult::plus);
        return result;
    }
}
