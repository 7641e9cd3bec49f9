package dev.nangojvm.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.SyncExecution;
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.replay.MockFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Java half of the test mock: answers proxy calls, pagination, {@code getConnection} and
 * {@code getMetadata} from the mock files. The guest half ({@code replay-mock.js}) shapes the
 * {@code nango} object the script sees and records {@code batchSave} / {@code batchDelete} calls
 * itself, so the record members here are never reached.
 */
public final class MockNango implements SyncExecution {
    /** statusText marking a response whose file has no headers (the script sees {@code headers: undefined}). */
    public static final String NO_HEADERS = "\u0000nango-jvm-replay:no-headers";
    /** status marking a response whose file has no status (the script sees {@code status: undefined}). */
    public static final int NO_STATUS = -1;

    private final ExecutionInfo info;
    private final MockFiles files;
    private final ProviderCatalog providers;
    private final List<LogEntry> logs = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public MockNango(ExecutionInfo info, MockFiles files, ProviderCatalog providers) {
        this.info = info;
        this.files = files;
        this.providers = providers;
    }

    /** {@code nango.log} calls, for diagnostics (the mock's log is a no-op for the verdict). */
    public List<LogEntry> logs() {
        return List.copyOf(logs);
    }

    /** The mock files each proxy call or page read, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override public ExecutionInfo info() { return info; }

    @Override
    public ProxyResponse proxy(ProxyConfiguration config) {
        return toProxyResponse(respond(ScriptRequest.from(config.json())));
    }

    @Override
    public Paginator paginate(ProxyConfiguration config) {
        return new MockPaginator(ScriptRequest.from(config.json()), this::respond, providers, info.providerConfigKey());
    }

    private MockFiles.Response respond(ScriptRequest request) {
        MockFiles.Response r = files.respond(request);
        requests.add(files.mocksDir().relativize(r.file()).toString());
        return r;
    }

    static ProxyResponse toProxyResponse(MockFiles.Response r) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (r.headers() != null && r.headers().isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = r.headers().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> values = new ArrayList<>();
                if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(JsValues.string(v)));
                else values.add(JsValues.string(e.getValue()));
                headers.put(e.getKey(), values);
            }
        }
        int status = r.status() != null && r.status().isNumber() ? r.status().intValue() : NO_STATUS;
        return new ProxyResponse(status, r.hasHeaders() ? "" : NO_HEADERS, headers, r.data(), "");
    }

    @Override public JsonNode getConnection(String providerConfigKey, String connectionId) { return files.nangoCall("getConnection"); }
    @Override public JsonNode getMetadata() { return files.nangoCall("getMetadata"); }
    @Override public void log(LogEntry entry) { logs.add(entry); }
    @Override public Optional<Instant> lastSyncDate() { return Optional.empty(); }
    @Override public SyncSummary finish(boolean succeeded) { return new SyncSummary(Map.of()); }

    @Override public void setMetadata(ObjectNode metadata) { throw notInMock("setMetadata"); }
    @Override public void updateMetadata(ObjectNode metadata) { throw notInMock("updateMetadata"); }
    @Override public JsonNode getCheckpoint() { throw notInMock("getCheckpoint"); }
    @Override public void saveCheckpoint(ObjectNode checkpoint) { throw notInMock("saveCheckpoint"); }
    @Override public void clearCheckpoint() { throw notInMock("clearCheckpoint"); }
    @Override public JsonNode getEnvironmentVariables() { throw notInMock("getEnvironmentVariables"); }
    @Override public BatchResult batchSave(ArrayNode records, String model) { throw notInMock("batchSave"); }
    @Override public BatchResult batchUpdate(ArrayNode partials, String model) { throw notInMock("batchUpdate"); }
    @Override public BatchResult batchDelete(ArrayNode records, String model) { throw notInMock("batchDelete"); }
    @Override public JsonNode getRecordsByIds(ArrayNode ids, String model) { throw notInMock("getRecordsByIds"); }

    private static NangoException notInMock(String member) {
        return new NangoException("not_in_mock", "nango." + member + " is not part of the test mock");
    }
}
