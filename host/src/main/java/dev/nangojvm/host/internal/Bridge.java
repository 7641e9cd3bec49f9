package dev.nangojvm.host.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.graalvm.polyglot.HostAccess;

/**
 * The only Java object a context can reach, and only from the shim's closure: three exported
 * members. Arguments and results cross as JSON text, so no host object and no guest value
 * outlives a call on the wrong side.
 */
public final class Bridge {
    private static final System.Logger LOG = System.getLogger(Bridge.class.getName());
    static final ObjectMapper JSON = new ObjectMapper();

    private final NangoAction nango;
    private final EventLoop loop;
    private final Executor io;
    private final ScheduledExecutorService timers;
    private final Map<String, Function<JsonNode, JsonNode>> methods;
    private final Map<Integer, Paginator> paginators = new ConcurrentHashMap<>();
    private final AtomicInteger paginatorIds = new AtomicInteger();
    private final AtomicLong logBytes = new AtomicLong();
    private final long maxLogBytes;
    private final java.util.function.Consumer<String> onBudgetExceeded;

    Bridge(NangoAction nango, EventLoop loop, Executor io, ScheduledExecutorService timers,
           long maxLogBytes, java.util.function.Consumer<String> onBudgetExceeded) {
        this.nango = nango;
        this.loop = loop;
        this.io = io;
        this.timers = timers;
        this.maxLogBytes = maxLogBytes;
        this.onBudgetExceeded = onBudgetExceeded;
        this.methods = methodTable();
    }

    /** An asynchronous {@code nango} member: settles with {@code {"ok":...}} or {@code {"error":...}}. */
    @HostAccess.Export
    public Thenable call(String method, String argsJson) {
        CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> invoke(method, argsJson), io);
        return new Thenable(result, loop);
    }

    /** {@code nango.log} after the shim parsed its arguments; synchronous and never throwing. */
    @HostAccess.Export
    public void log(String level, String message, String metaJson) {
        long size = logBytes.addAndGet(message.length() + (metaJson == null ? 0 : metaJson.length()));
        if (size > maxLogBytes) {
            onBudgetExceeded.accept("log_limit");
            return;
        }
        try {
            JsonNode meta = metaJson == null ? null : JSON.readTree(metaJson);
            nango.log(new LogEntry(level, "user", message, meta, Instant.now()));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "log entry dropped", e);
        }
    }

    /** The host side of {@code setTimeout}: settles after {@code millis}, on the execution's loop. */
    @HostAccess.Export
    public Thenable timer(double millis) {
        CompletableFuture<String> done = new CompletableFuture<>();
        timers.schedule(() -> done.complete("null"), Math.max(0, (long) millis), TimeUnit.MILLISECONDS);
        return new Thenable(done, loop);
    }

    private String invoke(String method, String argsJson) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        try {
            Function<JsonNode, JsonNode> m = methods.get(method);
            if (m == null) throw new NangoException("unknown_method", "nango." + method + " is not available in this runtime");
            JsonNode result = m.apply(JSON.readTree(argsJson));
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

    private Map<String, Function<JsonNode, JsonNode>> methodTable() {
        Map<String, Function<JsonNode, JsonNode>> t = new ConcurrentHashMap<>();
        t.put("proxy", a -> responseJson(nango.proxy(new ProxyConfiguration((ObjectNode) a))));
        t.put("paginateStart", a -> {
            int id = paginatorIds.incrementAndGet();
            paginators.put(id, nango.paginate(new ProxyConfiguration((ObjectNode) a)));
            return JsonNodeFactory.instance.numberNode(id);
        });
        t.put("paginateNext", a -> pageJson(paginators.get(a.path("handle").asInt()).next()));
        t.put("getConnection", a -> nango.getConnection(text(a, "providerConfigKey"), text(a, "connectionId")));
        t.put("getMetadata", a -> nango.getMetadata());
        t.put("setMetadata", a -> { nango.setMetadata((ObjectNode) a); return null; });
        t.put("updateMetadata", a -> { nango.updateMetadata((ObjectNode) a); return null; });
        t.put("getCheckpoint", a -> nango.getCheckpoint());
        t.put("saveCheckpoint", a -> { nango.saveCheckpoint(objectArg(a, "saveCheckpoint")); return null; });
        t.put("clearCheckpoint", a -> { nango.clearCheckpoint(); return null; });
        t.put("getEnvironmentVariables", a -> nango.getEnvironmentVariables());
        t.put("getRecordsByIds", a -> nango.getRecordsByIds((ArrayNode) a.path("ids"), a.path("model").asText()));
        if (nango instanceof NangoSync sync) {
            t.put("batchSave", a -> { sync.batchSave(records(a), a.path("model").asText()); return null; });
            t.put("batchUpdate", a -> { sync.batchUpdate(records(a), a.path("model").asText()); return null; });
            t.put("batchDelete", a -> { sync.batchDelete(records(a), a.path("model").asText()); return null; });
        }
        return t;
    }

    private static ObjectNode objectArg(JsonNode a, String member) {
        if (a instanceof ObjectNode o) return o;
        throw new NangoException("invalid_argument", "nango." + member + " expects an object, got " + a.getNodeType().name().toLowerCase());
    }

    private static ArrayNode records(JsonNode a) {
        JsonNode r = a.path("records");
        if (r instanceof ArrayNode arr) return arr;
        throw new NangoException("invalid_sync_record", "records must be an array, got " + r.getNodeType().name().toLowerCase());
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
