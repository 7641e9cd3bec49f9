package dev.nangojvm.bindings.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.SyncExecution;
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.bindings.store.SyncRun;
import java.time.Instant;
import java.util.Optional;

/** The {@code nango} object of a sync: an action's members plus the run's records. */
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
    @Override public SyncSummary finish(boolean succeeded) { return run.finish(succeeded); }
}
