package dev.nangojvm.host.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.Page;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.SyncExecution;
import dev.nangojvm.bindings.SyncSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A nango binding for attack tests: it records every call that reached it (so a test can assert a
 * denial happened before the binding), keeps metadata, checkpoints and records as plain JSON, and
 * lets a test script the proxy's answers.
 */
final class FakeNango implements SyncExecution {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String SECRET = "ghp_s3cr3tT0k3nThatMustNeverLeak";

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<LogEntry> logs = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    final List<JsonNode> saved = new CopyOnWriteArrayList<>();
    final List<ProxyConfiguration> requests = new CopyOnWriteArrayList<>();
    volatile Function<ProxyConfiguration, ProxyResponse> responder = cfg -> ok(F.objectNode().put("echo", cfg.endpoint()));
    volatile JsonNode metadata = F.objectNode();
    volatile JsonNode checkpoint = F.nullNode();
    volatile Boolean finishedWith;
    private final ExecutionInfo info;

    FakeNango(String scriptType) {
        this.info = new ExecutionInfo("conn-1", "github", "github", "attack", scriptType, null);
    }

    static ProxyResponse ok(JsonNode data) {
        return new ProxyResponse(200, "OK", Map.of("content-type", List.of("application/json")), data, "https://api.example.com/");
    }

    @Override public ExecutionInfo info() { return info; }

    @Override
    public ProxyResponse proxy(ProxyConfiguration config) {
        calls.add("proxy");
        requests.add(config);
        return responder.apply(config);
    }

    /** Pages {@code paginate} yields, each asking for {@code on_page}. */
    volatile List<JsonNode> pages = List.of();

    @Override
    public Paginator paginate(ProxyConfiguration config) {
        calls.add("paginate");
        var it = new java.util.ArrayList<>(pages).iterator();
        return () -> it.hasNext() ? new Page(it.next(), F.objectNode(), true, F.textNode("next"), ok(F.nullNode())) : null;
    }

    @Override
    public JsonNode getConnection(String key, String id) {
        calls.add("getConnection(" + key + "," + id + ")");
        if (key != null && !key.equals(info.providerConfigKey()) || id != null && !id.equals(info.connectionId())) {
            // A binding that would happily return any connection: the host must stop the call first.
            ObjectNode other = F.objectNode().put("connection_id", id).put("provider_config_key", key);
            other.putObject("credentials").put("type", "OAUTH2").put("access_token", "OTHER-" + SECRET);
            return other;
        }
        ObjectNode own = F.objectNode().put("connection_id", info.connectionId()).put("provider_config_key", info.providerConfigKey());
        own.putObject("credentials").put("type", "OAUTH2").put("access_token", SECRET);
        return own;
    }

    @Override public JsonNode getMetadata() { calls.add("getMetadata"); return metadata; }
    @Override public void setMetadata(ObjectNode m) { calls.add("setMetadata"); metadata = m; }
    @Override public void updateMetadata(ObjectNode m) { calls.add("updateMetadata"); ((ObjectNode) metadata).setAll(m); }
    @Override public JsonNode getCheckpoint() { calls.add("getCheckpoint"); return checkpoint; }
    @Override public void saveCheckpoint(ObjectNode c) { calls.add("saveCheckpoint"); checkpoint = c; }
    @Override public void clearCheckpoint() { calls.add("clearCheckpoint"); checkpoint = F.nullNode(); }
    @Override public JsonNode getEnvironmentVariables() { return F.arrayNode(); }
    @Override public void log(LogEntry entry) { logs.add(entry); }
    @Override public Optional<Instant> lastSyncDate() { return Optional.empty(); }

    @Override
    public BatchResult batchSave(ArrayNode records, String model) {
        calls.add("batchSave");
        records.forEach(saved::add);
        return new BatchResult(records.size(), 0, 0, 0);
    }

    @Override public BatchResult batchUpdate(ArrayNode partials, String model) { calls.add("batchUpdate"); return BatchResult.EMPTY; }
    @Override public BatchResult batchDelete(ArrayNode records, String model) { calls.add("batchDelete"); return BatchResult.EMPTY; }
    @Override public JsonNode getRecordsByIds(ArrayNode ids, String model) { calls.add("getRecordsByIds"); return F.objectNode(); }

    @Override
    public SyncSummary finish(boolean succeeded) {
        finishedWith = succeeded;
        return new SyncSummary(Map.of());
    }

    static NangoException notFound() {
        return new NangoException("not_found", "nothing here");
    }
}
