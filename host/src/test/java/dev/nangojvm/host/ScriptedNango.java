package dev.nangojvm.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.Page;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyHttpException;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.SyncExecution;
import dev.nangojvm.bindings.SyncSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A nango binding whose answers the test scripts: the host's tests exercise the host (contexts,
 * promises, errors, budgets), not the proxy or the store, which have their own tests.
 */
final class ScriptedNango implements SyncExecution {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    final List<LogEntry> logs = new CopyOnWriteArrayList<>();
    final List<JsonNode> saved = new CopyOnWriteArrayList<>();
    final List<ProxyConfiguration> requests = new CopyOnWriteArrayList<>();
    Function<ProxyConfiguration, ProxyResponse> responder = cfg -> ok(F.objectNode().put("echo", cfg.endpoint()));
    List<JsonNode> pages = List.of();
    JsonNode metadata = F.objectNode().put("owner", "octo");
    Boolean finishedWith;
    private final ExecutionInfo info;

    ScriptedNango(String scriptType) {
        this.info = new ExecutionInfo("conn-1", "github", "github", "test-script", scriptType, null);
    }

    static ProxyResponse ok(JsonNode data) {
        return new ProxyResponse(200, "OK", Map.of("content-type", List.of("application/json")), data, "http://fake/");
    }

    static ProxyHttpException httpError(int status, JsonNode data) {
        return new ProxyHttpException("GET", new ProxyResponse(status, "", Map.of("x-test", List.of("yes")), data, "http://fake/"));
    }

    @Override public ExecutionInfo info() { return info; }
    @Override public ProxyResponse proxy(ProxyConfiguration config) { requests.add(config); return responder.apply(config); }

    @Override
    public Paginator paginate(ProxyConfiguration config) {
        Iterator<JsonNode> it = new ArrayList<>(pages).iterator();
        return () -> {
            if (!it.hasNext()) return null;
            ObjectNode patch = F.objectNode();
            patch.putObject("params").put("cursor", "c" + requests.size());
            requests.add(config);
            return new Page(it.next(), patch, false, null, ok(F.nullNode()));
        };
    }

    @Override public JsonNode getConnection(String k, String c) { return F.objectNode().put("connection_id", "conn-1"); }
    @Override public JsonNode getMetadata() { return metadata; }
    @Override public void setMetadata(ObjectNode m) { metadata = m; }
    @Override public void updateMetadata(ObjectNode m) { ((ObjectNode) metadata).setAll(m); }
    @Override public JsonNode getCheckpoint() { return F.nullNode(); }
    @Override public void saveCheckpoint(ObjectNode c) { }
    @Override public void clearCheckpoint() { }
    @Override public JsonNode getEnvironmentVariables() { return F.arrayNode(); }
    @Override public void log(LogEntry entry) { logs.add(entry); }
    @Override public Optional<Instant> lastSyncDate() { return Optional.of(Instant.parse("2026-01-02T03:04:05Z")); }

    @Override
    public BatchResult batchSave(ArrayNode records, String model) {
        records.forEach(saved::add);
        return new BatchResult(records.size(), 0, 0, 0);
    }

    @Override public BatchResult batchUpdate(ArrayNode partials, String model) { return BatchResult.EMPTY; }
    @Override public BatchResult batchDelete(ArrayNode records, String model) { return BatchResult.EMPTY; }
    @Override public JsonNode getRecordsByIds(ArrayNode ids, String model) { return F.objectNode(); }

    @Override
    public SyncSummary finish(boolean succeeded) {
        finishedWith = succeeded;
        return new SyncSummary(Map.of());
    }
}
