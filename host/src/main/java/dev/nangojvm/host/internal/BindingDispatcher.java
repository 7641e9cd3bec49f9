package dev.nangojvm.host.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoAction;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.NangoSync;
import dev.nangojvm.bindings.Page;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyHttpException;
import dev.nangojvm.bindings.ProxyNetworkException;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.policy.ScriptPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the guest's {@code nango} calls against a Java binding, after the policy's size caps:
 * records per batch, metadata and checkpoint size. A call over a cap never reaches the binding;
 * the script gets a {@code payload_too_large} error it may catch. Thread-safe.
 */
public final class BindingDispatcher implements Dispatcher {
    private static final System.Logger LOG = System.getLogger(BindingDispatcher.class.getName());

    private final NangoAction nango;
    private final ScriptPolicy policy;
    private final Map<String, Function<JsonNode, JsonNode>> methods;
    private final Map<Integer, Paginator> paginators = new ConcurrentHashMap<>();
    private final AtomicInteger paginatorIds = new AtomicInteger();

    public BindingDispatcher(NangoAction nango, ScriptPolicy policy) {
        this.nango = nango;
        this.policy = policy;
        this.methods = methodTable();
    }

    @Override
    public String dispatch(String method, String argsJson) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        try {
            Function<JsonNode, JsonNode> m = methods.get(method);
            if (m == null) throw new NangoException("unknown_method", "nango." + method + " is not available in this runtime");
            checkSize(method, argsJson);
            JsonNode result = m.apply(Bridge.JSON.readTree(argsJson));
            envelope.set("ok", result == null ? NullNode.instance : result);
        } catch (ProxyHttpException e) {
            ObjectNode error = envelope.putObject("error").put("kind", "http").put("code", e.code()).put("message", e.getMessage());
            error.set("response", responseJson(e.response()));
        } catch (ProxyNetworkException e) {
            envelope.putObject("error").put("kind", "network").put("code", e.code()).put("message", e.getMessage());
        } catch (NangoException e) {
            envelope.putObject("error").put("kind", "nango").put("code", e.code()).put("message", e.getMessage());
        } catch (Exception e) {
            // Unexpected host failures are logged here in full; the script only learns that one happened.
            LOG.log(System.Logger.Level.WARNING, "nango." + method + " failed in the host", e);
            envelope.putObject("error").put("kind", "nango").put("code", "internal_error")
                    .put("message", "nango." + method + " failed in the host: " + e.getClass().getSimpleName());
        }
        return envelope.toString();
    }

    @Override
    public void log(String level, String message, String metaJson) {
        try {
            JsonNode meta = metaJson == null ? null : Bridge.JSON.readTree(metaJson);
            nango.log(new LogEntry(level, "user", message, meta, Instant.now()));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "log entry dropped", e);
        }
    }

    @Override
    public void close() {
        paginators.clear();
    }

    /** Another connection's credentials are the most valuable thing a script could read. */
    private void requireOwnConnection(String key, String id) {
        if (policy.allowOtherConnections()) return;
        var info = nango.info();
        boolean own = (key == null || key.equals(info.providerConfigKey())) && (id == null || id.equals(info.connectionId()));
        if (!own) {
            LOG.log(System.Logger.Level.WARNING, "denied getConnection(" + key + ", " + id + ") from " + info.scriptName()
                    + " running for " + info.providerConfigKey() + "/" + info.connectionId());
            throw new NangoException("connection_not_allowed",
                    "nango.getConnection: a script may only read its own connection; the policy does not allow other connections");
        }
    }

    /** Metadata and checkpoints are capped on their JSON text, before anything is parsed. */
    private void checkSize(String method, String argsJson) {
        long cap = switch (method) {
            case "setMetadata", "updateMetadata" -> policy.maxMetadataBytes();
            case "saveCheckpoint" -> policy.maxCheckpointBytes();
            default -> Long.MAX_VALUE;
        };
        if (cap == Long.MAX_VALUE) return;
        long bytes = utf8Length(argsJson, cap);
        if (bytes > cap) {
            throw Limits.payloadTooLarge("nango." + method, "its argument is more than " + cap + " bytes of JSON",
                    "store less; raise ScriptPolicy." + (method.equals("saveCheckpoint") ? "maxCheckpointBytes" : "maxMetadataBytes")
                            + " if this is legitimate");
        }
    }

    /** UTF-8 length, counting no further than just past {@code stopAfter}. */
    static long utf8Length(String s, long stopAfter) {
        if (s.length() > stopAfter) return s.length();
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private ArrayNode records(JsonNode a, String method) {
        JsonNode r = a.path("records");
        if (!(r instanceof ArrayNode arr)) {
            throw new NangoException("invalid_sync_record", "records must be an array, got " + r.getNodeType().name().toLowerCase());
        }
        if (arr.size() > policy.maxRecordsPerBatch()) {
            throw Limits.payloadTooLarge("nango." + method, "at most " + policy.maxRecordsPerBatch()
                    + " records per call, got " + arr.size(), "split the records into smaller batches");
        }
        return arr;
    }

    private Map<String, Function<JsonNode, JsonNode>> methodTable() {
        Map<String, Function<JsonNode, JsonNode>> t = new ConcurrentHashMap<>();
        t.put("proxy", a -> responseJson(nango.proxy(new ProxyConfiguration(objectArg(a, "proxy")))));
        t.put("paginateStart", a -> {
            int id = paginatorIds.incrementAndGet();
            paginators.put(id, nango.paginate(new ProxyConfiguration(objectArg(a, "paginate"))));
            return JsonNodeFactory.instance.numberNode(id);
        });
        t.put("paginateNext", a -> {
            Paginator p = paginators.get(a.path("handle").asInt());
            if (p == null) throw new NangoException("invalid_argument", "nango.paginate: no such paginator");
            return pageJson(p.next());
        });
        t.put("getConnection", a -> {
            String key = text(a, "providerConfigKey");
            String id = text(a, "connectionId");
            requireOwnConnection(key, id);
            return nango.getConnection(key, id);
        });
        t.put("getMetadata", a -> nango.getMetadata());
        t.put("setMetadata", a -> { nango.setMetadata(objectArg(a, "setMetadata")); return null; });
        t.put("updateMetadata", a -> { nango.updateMetadata(objectArg(a, "updateMetadata")); return null; });
        t.put("getCheckpoint", a -> nango.getCheckpoint());
        t.put("saveCheckpoint", a -> { nango.saveCheckpoint(objectArg(a, "saveCheckpoint")); return null; });
        t.put("clearCheckpoint", a -> { nango.clearCheckpoint(); return null; });
        t.put("getEnvironmentVariables", a -> nango.getEnvironmentVariables());
        t.put("getRecordsByIds", a -> {
            JsonNode ids = a.path("ids");
            if (!(ids instanceof ArrayNode idArray)) throw new NangoException("invalid_argument", "ids must be an array");
            if (idArray.size() > policy.maxRecordsPerBatch()) {
                throw Limits.payloadTooLarge("nango.getRecordsByIds", "at most " + policy.maxRecordsPerBatch()
                        + " ids per call, got " + idArray.size(), "ask for fewer ids at a time");
            }
            return nango.getRecordsByIds(idArray, a.path("model").asText());
        });
        if (nango instanceof NangoSync sync) {
            t.put("batchSave", a -> { sync.batchSave(records(a, "batchSave"), a.path("model").asText()); return null; });
            t.put("batchUpdate", a -> { sync.batchUpdate(records(a, "batchUpdate"), a.path("model").asText()); return null; });
            t.put("batchDelete", a -> { sync.batchDelete(records(a, "batchDelete"), a.path("model").asText()); return null; });
            t.put("listRecords", a -> sync.listRecords(a.path("model").asText(), text(a, "cursor")));
            t.put("setMergingStrategy", a -> { sync.setMergingStrategy(text(a, "strategy"), a.path("model").asText()); return null; });
            t.put("deleteRecordsFromPreviousExecutions", a -> sync.deleteRecordsFromPreviousExecutions(a.path("model").asText()));
            t.put("trackDeletesStart", a -> { sync.trackDeletesStart(a.path("model").asText()); return null; });
            t.put("trackDeletesEnd", a -> sync.trackDeletesEnd(a.path("model").asText()));
        }
        return t;
    }

    private static ObjectNode objectArg(JsonNode a, String member) {
        if (a instanceof ObjectNode o) return o;
        throw new NangoException("invalid_argument", "nango." + member + " expects an object, got " + a.getNodeType().name().toLowerCase());
    }

    private static String text(JsonNode a, String field) {
        JsonNode n = a == null ? null : a.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static JsonNode responseJson(ProxyResponse r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("status", r.status()).put("statusText", r.statusText() == null ? "" : r.statusText());
        ObjectNode headers = o.putObject("headers");
        r.headers().forEach((name, values) -> {
            if (name.equals("set-cookie")) {
                ArrayNode all = headers.putArray(name);
                values.forEach(all::add);
            } else {
                headers.put(name, String.join(", ", values));
            }
        });
        JsonNode data = r.data();
        if (data != null && data.isBinary()) {
            try {
                o.put("binary", java.util.Base64.getEncoder().encodeToString(data.binaryValue()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            o.set("data", data == null ? NullNode.instance : data);
        }
        return o;
    }

    private static JsonNode pageJson(Page page) {
        if (page == null) return NullNode.instance;
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("items", page.items() == null ? NullNode.instance : page.items());
        o.set("configPatch", page.configPatch() == null ? JsonNodeFactory.instance.objectNode() : page.configPatch());
        o.put("callOnPage", page.callOnPage());
        o.set("nextPageParam", page.nextPageParam() == null ? NullNode.instance : page.nextPageParam());
        if (page.response() != null) o.set("response", responseJson(page.response()));
        return o;
    }
}
