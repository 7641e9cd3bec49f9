package dev.nangojvm.bindings.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoAction;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.pagination.Paginators;
import dev.nangojvm.bindings.proxy.Provider;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.bindings.proxy.ProxyCall;
import dev.nangojvm.bindings.proxy.ProxyClient;
import dev.nangojvm.bindings.store.CheckpointStore;
import dev.nangojvm.bindings.store.Checkpointing;
import dev.nangojvm.bindings.store.ConnectionStore;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.RecordStore;
import dev.nangojvm.bindings.store.StoredConnection;
import dev.nangojvm.bindings.store.internal.JsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code nango} object of an action, over the proxy and the stores.
 *
 * <p>Differences from Nango, on purpose: metadata and connection reads are never stale (Nango
 * caches the connection for 60 s), and {@code getConnection} with another integration or
 * connection id is refused ({@code connection_not_allowed}) so that a script can only ever read
 * the credentials it runs with.
 */
public class DefaultNangoAction implements NangoAction {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** What every execution shares. */
    public record Services(ProviderCatalog catalog, ProxyClient proxy, ConnectionStore connections, RecordStore records,
                           CheckpointStore checkpoints, Map<String, String> environmentVariables, Consumer<LogEntry> log) { }

    protected final ExecutionInfo info;
    protected final Services services;
    private final Checkpointing checkpointing;

    public DefaultNangoAction(ExecutionInfo info, Services services) {
        this.info = info;
        this.services = services;
        this.checkpointing = new Checkpointing(services.checkpoints(), info.providerConfigKey(), info.connectionId(), Checkpointing.keyFor(info));
    }

    @Override
    public ExecutionInfo info() {
        return info;
    }

    @Override
    public ProxyResponse proxy(ProxyConfiguration config) {
        return services.proxy().proxy(config, call(config));
    }

    @Override
    public Paginator paginate(ProxyConfiguration config) {
        return Paginators.create(config, provider(), c -> services.proxy().proxy(c, call(c)));
    }

    private ProxyCall call(ProxyConfiguration config) {
        String key = config.providerConfigKey() == null ? info.providerConfigKey() : config.providerConfigKey();
        String id = config.connectionId() == null ? info.connectionId() : config.connectionId();
        requireOwnConnection(key, id);
        return new ProxyCall(StoredConnections.source(services.connections(), key, id), provider(), services.log(), info);
    }

    private Provider provider() {
        return services.catalog().find(info.provider()).orElseThrow(() -> new NangoException("unknown_provider",
                "Provider '" + info.provider() + "' of integration '" + info.providerConfigKey()
                        + "' is not in the provider catalog. Pass a providers.yaml that defines it (--providers <file>)."));
    }

    @Override
    public JsonNode getConnection(String providerConfigKeyOverride, String connectionIdOverride) {
        String key = providerConfigKeyOverride == null ? info.providerConfigKey() : providerConfigKeyOverride;
        String id = connectionIdOverride == null ? info.connectionId() : connectionIdOverride;
        requireOwnConnection(key, id);
        StoredConnection c = stored();
        ObjectNode o = F.objectNode();
        o.put("connection_id", c.connectionId()).put("provider_config_key", c.providerConfigKey()).put("provider", c.provider());
        o.set("connection_config", c.connectionConfig());
        o.set("metadata", c.metadata() == null ? NullNode.instance : c.metadata());
        o.putArray("errors");
        o.set("end_user", NullNode.instance);
        o.set("credentials", c.credentials());
        return o;
    }

    private void requireOwnConnection(String key, String id) {
        if (!key.equals(info.providerConfigKey()) || !id.equals(info.connectionId())) {
            throw new NangoException("connection_not_allowed", "A script may only use the connection it runs for ("
                    + info.providerConfigKey() + "/" + info.connectionId() + "); it asked for " + key + "/" + id + ".");
        }
    }

    private StoredConnection stored() {
        return services.connections().find(info.providerConfigKey(), info.connectionId())
                .orElseThrow(() -> StoredConnections.unknown(info.providerConfigKey(), info.connectionId()));
    }

    @Override
    public JsonNode getMetadata() {
        ObjectNode m = stored().metadata();
        return m == null ? NullNode.instance : m;
    }

    @Override
    public void setMetadata(ObjectNode metadata) {
        services.connections().setMetadata(info.providerConfigKey(), info.connectionId(), metadata);
    }

    @Override
    public void updateMetadata(ObjectNode metadata) {
        services.connections().updateMetadata(info.providerConfigKey(), info.connectionId(), metadata);
    }

    @Override
    public JsonNode getCheckpoint() {
        return checkpointing.getCheckpoint().<JsonNode>map(c -> c).orElse(NullNode.instance);
    }

    @Override
    public void saveCheckpoint(ObjectNode checkpoint) {
        checkpointing.saveCheckpoint(checkpoint);
    }

    @Override
    public void clearCheckpoint() {
        checkpointing.clearCheckpoint();
    }

    @Override
    public JsonNode getRecordsByIds(ArrayNode ids, String model) {
        ObjectNode result = F.objectNode();
        if (ids == null || ids.isEmpty()) return result;
        List<String> keys = new ArrayList<>(ids.size());
        ids.forEach(id -> keys.add(JsJson.jsString(id).replace("\u0000", "")));
        services.records().getRecordsByIds(RecordScope.of(info.providerConfigKey(), info.connectionId()), model, keys).forEach(result::set);
        return result;
    }

    @Override
    public JsonNode getEnvironmentVariables() {
        ArrayNode a = F.arrayNode();
        services.environmentVariables().forEach((k, v) -> a.addObject().put("name", k).put("value", v));
        return a;
    }

    @Override
    public void log(LogEntry entry) {
        services.log().accept(entry);
    }
}
