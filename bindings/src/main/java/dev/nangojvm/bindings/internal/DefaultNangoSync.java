package dev.nangojvm.bindings.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.SyncExecution;
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.bindings.store.SyncRun;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code nango} object of a sync: an action's members plus the run's records. Its checkpoints
 * go through the run, so that a checkpoint commits together with the records saved before it.
 */
public final class DefaultNangoSync extends DefaultNangoAction implements SyncExecution {
    private final SyncRun run;

    public DefaultNangoSync(ExecutionInfo info, Services services, SyncRun run) {
        super(info, services);
        this.run = run;
    }

    @Override public Optional<Instant> lastSyncDate() { return run.lastSyncDate(); }
    @Override public BatchResult batchSave(ArrayNode records, String model) { return run.batchSave(records, model); }
    @Override public BatchResult batchUpdate(ArrayNode partials, String model) { return run.batchUpdate(partials, model); }
    @Override public BatchResult batchDelete(ArrayNode records, String model) { return run.batchDelete(records, model); }
    @Override public JsonNode getRecordsByIds(ArrayNode ids, String model) { return run.getRecordsByIds(ids, model); }
    @Override public JsonNode listRecords(String model, String cursor) { return run.listRecords(model, cursor); }
    @Override public void setMergingStrategy(String strategy, String model) { run.setMergingStrategy(strategy, model); }
    @Override public JsonNode deleteRecordsFromPreviousExecutions(String model) { return run.deleteRecordsFromPreviousExecutions(model); }
    @Override public void trackDeletesStart(String model) { run.trackDeletesStart(model); }
    @Override public JsonNode trackDeletesEnd(String model) { return run.trackDeletesEnd(model); }
    @Override public JsonNode getCheckpoint() { return run.getCheckpoint().<JsonNode>map(c -> c).orElse(NullNode.instance); }
    @Override public void saveCheckpoint(ObjectNode checkpoint) { run.saveCheckpoint(checkpoint); }
    @Override public void clearCheckpoint() { run.clearCheckpoint(); }
    @Override public SyncSummary finish(boolean succeeded) { return run.finish(succeeded); }

    /** Abandons the run if it was not finished: its writes since the last checkpoint are rolled back. */
    @Override public void close() { run.close(); }
}
