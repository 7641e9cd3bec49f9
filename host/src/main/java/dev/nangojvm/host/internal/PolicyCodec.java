package dev.nangojvm.host.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.policy.EgressRules;
import dev.nangojvm.policy.ScriptPolicy;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** A {@link ScriptPolicy} as JSON, for worker processes. Round-trips every field. */
final class PolicyCodec {
    private PolicyCodec() {
    }

    static ObjectNode toJson(ScriptPolicy p) {
        ObjectNode o = Bridge.JSON.createObjectNode()
                .put("actionTimeoutMillis", p.actionTimeout().toMillis())
                .put("syncTimeoutMillis", p.syncTimeout().toMillis())
                .put("statementLimit", p.statementLimit())
                .put("maxAllocatedBytes", p.maxAllocatedBytes())
                .put("maxActionOutputBytes", p.maxActionOutputBytes())
                .put("maxLogBytes", p.maxLogBytes())
                .put("maxRecordsPerBatch", p.maxRecordsPerBatch())
                .put("maxMetadataBytes", p.maxMetadataBytes())
                .put("maxCheckpointBytes", p.maxCheckpointBytes())
                .put("maxPendingTimers", p.maxPendingTimers())
                .put("maxBridgeMessageChars", p.maxBridgeMessageChars())
                .put("allowCodeGeneration", p.allowCodeGeneration())
                .put("allowOtherConnections", p.allowOtherConnections());
        p.allowedModules().stream().sorted().forEach(o.putArray("allowedModules")::add);
        ObjectNode e = o.putObject("egress").put("allowLoopback", p.egress().allowLoopback())
                .put("allowPrivateNetworks", p.egress().allowPrivateNetworks()).put("maxRedirects", p.egress().maxRedirects());
        p.egress().schemes().stream().sorted().forEach(e.putArray("schemes")::add);
        return o;
    }

    static ScriptPolicy fromJson(JsonNode o) {
        Set<String> modules = new HashSet<>();
        o.path("allowedModules").forEach(m -> modules.add(m.asText()));
        JsonNode e = o.path("egress");
        Set<String> schemes = new HashSet<>();
        e.path("schemes").forEach(s -> schemes.add(s.asText()));
        return ScriptPolicy.builder()
                .actionTimeout(Duration.ofMillis(o.path("actionTimeoutMillis").asLong()))
                .syncTimeout(Duration.ofMillis(o.path("syncTimeoutMillis").asLong()))
                .statementLimit(o.path("statementLimit").asLong())
                .maxAllocatedBytes(o.path("maxAllocatedBytes").asLong())
                .maxActionOutputBytes(o.path("maxActionOutputBytes").asLong())
                .maxLogBytes(o.path("maxLogBytes").asLong())
                .maxRecordsPerBatch(o.path("maxRecordsPerBatch").asInt())
                .maxMetadataBytes(o.path("maxMetadataBytes").asLong())
                .maxCheckpointBytes(o.path("maxCheckpointBytes").asLong())
                .maxPendingTimers(o.path("maxPendingTimers").asInt())
                .maxBridgeMessageChars(o.path("maxBridgeMessageChars").asLong())
                .allowCodeGeneration(o.path("allowCodeGeneration").asBoolean())
                .allowOtherConnections(o.path("allowOtherConnections").asBoolean())
                .allowedModules(modules)
                .egress(new EgressRules(e.path("allowLoopback").asBoolean(), e.path("allowPrivateNetworks").asBoolean(),
                        schemes, e.path("maxRedirects").asInt()))
                .build();
    }
}
