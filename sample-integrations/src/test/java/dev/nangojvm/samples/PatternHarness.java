package dev.nangojvm.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoBindings;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.SyncConfig;
import dev.nangojvm.bindings.SyncExecution;
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.bindings.store.RecordQuery;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.StoredConnection;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.policy.ScriptPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every pattern test needs, set up the way {@link GithubSampleTest} does it: the sample
 * project compiled once, one sandboxed {@link IntegrationHost}, an in-memory H2 store and
 * {@link NangoBindings} whose proxy reaches one loopback fake provider. One per test class.
 */
final class PatternHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONNECTION = "sample-connection";

    private static SampleProject project;

    final String integration;
    final IntegrationHost host;
    final H2Stores stores;
    final NangoBindings nango;
    final List<LogEntry> logs = new CopyOnWriteArrayList<>();
    /** The size of every {@code batchSave} call of the last sync run, by model, in call order. */
    final List<Map.Entry<String, Integer>> batchSaves = new CopyOnWriteArrayList<>();

    /**
     * @param integration the provider config key, also the provider name in the catalog
     * @param baseUrl     the fake's base URL
     * @param token       the OAuth2 access token the fake accepts
     * @param metadata    the connection metadata, or null for none
     */
    PatternHarness(String integration, String baseUrl, String token, ObjectNode metadata) {
        this.integration = integration;
        ScriptPolicy policy = ScriptPolicy.standard().toBuilder().egress(ScriptPolicy.standard().egress().withLoopback()).build();
        this.host = IntegrationHost.builder().policy(policy).build();
        this.stores = H2Stores.inMemory();
        this.nango = NangoBindings.builder()
                .catalog(ProviderCatalog.of(Map.of(integration, Map.of("auth_mode", "OAUTH2", "proxy", Map.of("base_url", baseUrl)))))
                .stores(stores)
                .egress(policy.egress())
                .build();
        stores.connections().put(new StoredConnection(CONNECTION, integration, integration,
                JsonNodeFactory.instance.objectNode().put("type", "OAUTH2").put("access_token", token),
                JsonNodeFactory.instance.objectNode(), metadata));
    }

    static synchronized SampleProject project() {
        if (project == null) {
            project = SampleProject.samples();
        }
        return project;
    }

    @Override
    public void close() {
        nango.close();
        stores.close();
        host.close();
    }

    /** Runs a sync once, recording every batchSave call's size in {@link #batchSaves}. */
    ExecutionResult runSync(String sync, List<String> models, String syncType, boolean trackDeletes) {
        batchSaves.clear();
        var info = new ExecutionInfo(CONNECTION, integration, integration, sync, "sync", null);
        SyncExecution run = nango.startSync(info, new SyncConfig(sync, models, syncType, trackDeletes), logs::add);
        return host.runSync(project().bundle(integration, sync), new RecordingSync(run, batchSaves));
    }

    /** Runs an action with a JSON input ({@code null} for none). */
    ExecutionResult runAction(String action, String inputJson) {
        var info = new ExecutionInfo(CONNECTION, integration, integration, action, "action", null);
        try {
            JsonNode input = inputJson == null ? null : JSON.readTree(inputJson);
            return host.runAction(project().bundle(integration, action), nango.startAction(info, logs::add), input);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    ObjectNode metadata() {
        return stores.connections().require(integration, CONNECTION).metadata();
    }

    void setMetadata(String json) {
        try {
            stores.connections().setMetadata(integration, CONNECTION, (ObjectNode) JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Every stored record of a model (deleted ones included), oldest change first. */
    List<ObjectNode> records(String model) {
        List<ObjectNode> all = new ArrayList<>();
        RecordQuery query = RecordQuery.defaults().withLimit(RecordQuery.MAX_LIMIT);
        var scope = RecordScope.of(integration, CONNECTION);
        for (var page = stores.records().list(scope, model, query); ; page = stores.records().list(scope, model, query)) {
            all.addAll(page.records());
            if (page.nextCursor() == null) {
                return all;
            }
            query = query.withCursor(page.nextCursor());
        }
    }

    /** The records of a model that are not deleted. */
    List<ObjectNode> liveRecords(String model) {
        return records(model).stream().filter(r -> r.path("_nango_metadata").path("deleted_at").isNull()).toList();
    }

    /** Log messages at a level, from scripts ({@code user}) and the runtime. */
    List<String> messages(String level) {
        return logs.stream().filter(e -> e.level().equals(level)).map(LogEntry::message).toList();
    }

    /** A {@link SyncExecution} that passes everything through and notes the size of each batchSave. */
    private record RecordingSync(SyncExecution run, List<Map.Entry<String, Integer>> saves) implements SyncExecution {
        @Override public BatchResult batchSave(ArrayNode records, String model) {
            saves.add(Map.entry(model, records.size()));
            return run.batchSave(records, model);
        }
        @Override public SyncSummary finish(boolean succeeded) { return run.finish(succeeded); }
        @Override public void close() { run.close(); }
        @Override public Optional<Instant> lastSyncDate() { return run.lastSyncDate(); }
        @Override public BatchResult batchUpdate(ArrayNode partials, String model) { return run.batchUpdate(partials, model); }
        @Override public BatchResult batchDelete(ArrayNode records, String model) { return run.batchDelete(records, model); }
        @Override public JsonNode getRecordsByIds(ArrayNode ids, String model) { return run.getRecordsByIds(ids, model); }
        @Override public ExecutionInfo info() { return run.info(); }
        @Override public ProxyResponse proxy(ProxyConfiguration config) { return run.proxy(config); }
        @Override public Paginator paginate(ProxyConfiguration config) { return run.paginate(config); }
        @Override public JsonNode getConnection(String providerConfigKeyOverride, String connectionIdOverride) {
            return run.getConnection(providerConfigKeyOverride, connectionIdOverride);
        }
        @Override public JsonNode getMetadata() { return run.getMetadata(); }
        @Override public void setMetadata(ObjectNode metadata) { run.setMetadata(metadata); }
        @Override public void updateMetadata(ObjectNode metadata) { run.updateMetadata(metadata); }
        @Override public JsonNode getCheckpoint() { return run.getCheckpoint(); }
        @Override public void saveCheckpoint(ObjectNode checkpoint) { run.saveCheckpoint(checkpoint); }
        @Override public void clearCheckpoint() { run.clearCheckpoint(); }
        @Override public JsonNode getEnvironmentVariables() { return run.getEnvironmentVariables(); }
        @Override public void log(dev.nangojvm.bindings.LogEntry entry) { run.log(entry); }
    }
}
