package dev.nangojvm.host.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.SyncConfig;
import dev.nangojvm.bindings.SyncExecution;
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.bindings.store.StoredConnection;
import dev.nangojvm.bindings.store.SyncRun;
import dev.nangojvm.bindings.store.h2.H2Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sync binding on the real H2 stores: records through {@link SyncRun}, metadata in the connection store. */
final class StoreBackedNango implements SyncExecution {
    static final ExecutionInfo INFO = new ExecutionInfo("conn-1", "github", "github", "issues", "sync", null);
    static final SyncConfig CONFIG = new SyncConfig("issues", List.of("Issue"), "incremental", false);

    final H2Stores stores;
    final SyncRun run;
    final List<LogEntry> logs = new CopyOnWriteArrayList<>();
    /** Milliseconds each batchSave sleeps before writing: lets a test stop the script mid-call. */
    volatile long batchSaveDelayMillis;

    StoreBackedNango(H2Stores stores) {
        this.stores = stores;
        if (stores.connections().find(INFO.providerConfigKey(), INFO.connectionId()).isEmpty()) {
            stores.connections().put(new StoredConnection(INFO.connectionId(), INFO.providerConfigKey(), INFO.provider(),
                    null, null, JsonNodeFactory.instance.objectNode()));
        }
        this.run = SyncRun.start(stores, INFO, CONFIG, dev.nangojvm.bindings.SyncOptions.defaults(), Clock.systemUTC(), logs::add);
    }

    @Override public ExecutionInfo info() { return INFO; }
    @Override public ProxyResponse proxy(ProxyConfiguration config) { throw FakeNango.notFound(); }
    @Override public Paginator paginate(ProxyConfiguration config) { return () -> null; }
    @Override public JsonNode getConnection(String k, String c) { return JsonNodeFactory.instance.objectNode(); }

    @Override
    public JsonNode getMetadata() {
        ObjectNode m = stores.connections().find(INFO.providerConfigKey(), INFO.connectionId()).orElseThrow().metadata();
        return m == null ? NullNode.instance : m;
    }

    @Override public void setMetadata(ObjectNode m) { stores.connections().setMetadata(INFO.providerConfigKey(), INFO.connectionId(), m); }
    @Override public void updateMetadata(ObjectNode m) { stores.connections().updateMetadata(INFO.providerConfigKey(), INFO.connectionId(), m); }
    @Override public JsonNode getCheckpoint() { return NullNode.instance; }
    @Override public void saveCheckpoint(ObjectNode c) { }
    @Override public void clearCheckpoint() { }
    @Override public JsonNode getEnvironmentVariables() { return JsonNodeFactory.instance.arrayNode(); }
    @Override public void log(LogEntry entry) { logs.add(entry); }
    @Override public Optional<Instant> lastSyncDate() { return run.lastSyncDate(); }

    @Override
    public BatchResult batchSave(ArrayNode records, String model) {
        if (batchSaveDelayMillis > 0) {
            try {
                Thread.sleep(batchSaveDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return run.batchSave(records, model);
    }

    @Override public BatchResult batchUpdate(ArrayNode partials, String model) { return run.batchUpdate(partials, model); }
    @Override public BatchResult batchDelete(ArrayNode records, String model) { return run.batchDelete(records, model); }
    @Override public JsonNode getRecordsByIds(ArrayNode ids, String model) { return run.getRecordsByIds(ids, model); }
    @Override public SyncSummary finish(boolean succeeded) { return run.finish(succeeded); }
}
