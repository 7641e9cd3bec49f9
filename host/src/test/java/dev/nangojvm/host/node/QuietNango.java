package dev.nangojvm.host.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import java.util.Map;

/** An action binding with nothing behind it but one canned proxy response: the Node surface is under test, not nango. */
final class QuietNango implements dev.nangojvm.bindings.NangoAction {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ExecutionInfo info = new ExecutionInfo("conn-1", "node", "node", "node-surface", "action", null);
    private final JsonNode body;

    QuietNango() {
        this(F.nullNode());
    }

    QuietNango(JsonNode body) {
        this.body = body;
    }

    @Override public ExecutionInfo info() { return info; }
    @Override public ProxyResponse proxy(ProxyConfiguration config) { return new ProxyResponse(200, "OK", Map.of(), body, "http://fake/"); }
    @Override public Paginator paginate(ProxyConfiguration config) { return () -> null; }
    @Override public JsonNode getConnection(String providerConfigKey, String connectionId) { return F.objectNode(); }
    @Override public JsonNode getMetadata() { return F.nullNode(); }
    @Override public void setMetadata(ObjectNode metadata) { }
    @Override public void updateMetadata(ObjectNode metadata) { }
    @Override public JsonNode getCheckpoint() { return F.nullNode(); }
    @Override public void saveCheckpoint(ObjectNode checkpoint) { }
    @Override public void clearCheckpoint() { }
    @Override public JsonNode getEnvironmentVariables() { return F.arrayNode(); }
    @Override public void log(LogEntry entry) { }
}
