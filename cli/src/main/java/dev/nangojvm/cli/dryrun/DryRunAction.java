package dev.nangojvm.cli.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoAction;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyHttpException;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.pagination.Paginators;
import dev.nangojvm.bindings.proxy.Provider;
import java.util.function.Consumer;

/**
 * The {@code nango} object of a dry run, around the real one: proxy calls go to the provider with
 * the stored credentials; what a dry run must not change stays in memory.
 *
 * <ul>
 *   <li>{@code --metadata} stubs {@code getMetadata()} and the metadata of {@code getConnection()};
 *       {@code setMetadata} / {@code updateMetadata} change an in-memory copy only (a dry run leaves the
 *       stored connection as it was; Nango's CLI would write to the server).</li>
 *   <li>With {@code --save-responses}, every proxy response (pages of {@code paginate} included) is
 *       handed to the {@link MockRecorder} with the configuration the script built. {@code paginate}
 *       runs Nango's pagination here, over {@link #proxy}, so that each page's request is seen.</li>
 * </ul>
 */
public class DryRunAction implements NangoAction {
    protected final NangoAction delegate;
    private final Provider provider;
    private final MockRecorder recorder;
    private final ObjectNode metadataStub;
    private final Consumer<String> note;
    private volatile ObjectNode metadataOverlay;
    private volatile ProxyResponse lastHttpError;

    /**
     * @param provider     the integration's provider, for pagination defaults
     * @param recorder     null unless {@code --save-responses}
     * @param metadataStub the {@code --metadata} object, or null
     * @param note         prints the dry run's own remarks (in-memory metadata, ...)
     */
    public DryRunAction(NangoAction delegate, Provider provider, MockRecorder recorder, ObjectNode metadataStub, Consumer<String> note) {
        this.delegate = delegate;
        this.provider = provider;
        this.recorder = recorder;
        this.metadataStub = metadataStub;
        this.note = note;
    }

    /** The last non-2xx response a proxy call ended with, for the error report; null when none. */
    public ProxyResponse lastHttpError() {
        return lastHttpError;
    }

    @Override
    public ExecutionInfo info() {
        return delegate.info();
    }

    @Override
    public ProxyResponse proxy(ProxyConfiguration config) {
        try {
            ProxyResponse response = delegate.proxy(config);
            if (recorder != null) recorder.response(config, response);
            return response;
        } catch (ProxyHttpException e) {
            lastHttpError = e.response();
            if (recorder != null) recorder.response(config, e.response());
            throw e;
        }
    }

    @Override
    public Paginator paginate(ProxyConfiguration config) {
        return Paginators.create(config, provider, this::proxy);
    }

    @Override
    public JsonNode getConnection(String providerConfigKeyOverride, String connectionIdOverride) {
        JsonNode connection = delegate.getConnection(providerConfigKeyOverride, connectionIdOverride);
        JsonNode metadata = metadata();
        if (connection instanceof ObjectNode o) {
            o = o.deepCopy();
            o.set("metadata", metadata);
            connection = o;
        }
        if (recorder != null) recorder.connectionRead(metadata);
        return connection;
    }

    @Override
    public JsonNode getMetadata() {
        JsonNode metadata = metadata();
        if (recorder != null) recorder.connectionRead(metadata);
        return metadata;
    }

    private JsonNode metadata() {
        ObjectNode overlay = metadataOverlay;
        if (overlay != null) return overlay.deepCopy();
        if (metadataStub != null) return metadataStub.deepCopy();
        JsonNode stored = delegate.getMetadata();
        return stored == null ? NullNode.instance : stored;
    }

    @Override
    public void setMetadata(ObjectNode metadata) {
        metadataOverlay = metadata.deepCopy();
        note.accept("setMetadata: kept in memory for this dry run; the stored connection is unchanged");
    }

    @Override
    public void updateMetadata(ObjectNode metadata) {
        JsonNode current = metadata();
        ObjectNode merged = current instanceof ObjectNode o ? o : metadata.objectNode();
        merged.setAll(metadata.deepCopy());
        metadataOverlay = merged;
        note.accept("updateMetadata: kept in memory for this dry run; the stored connection is unchanged");
    }

    @Override public JsonNode getCheckpoint() { return delegate.getCheckpoint(); }
    @Override public void saveCheckpoint(ObjectNode checkpoint) { delegate.saveCheckpoint(checkpoint); }
    @Override public void clearCheckpoint() { delegate.clearCheckpoint(); }
    @Override public JsonNode getEnvironmentVariables() { return delegate.getEnvironmentVariables(); }
    @Override public JsonNode getRecordsByIds(com.fasterxml.jackson.databind.node.ArrayNode ids, String model) { return delegate.getRecordsByIds(ids, model); }
    @Override public void log(LogEntry entry) { delegate.log(entry); }
}
