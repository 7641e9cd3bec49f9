package dev.nangojvm.host.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.host.ExecutionError;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.policy.ScriptPolicy;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker JVM of {@link WorkerPoolRunner}: runs one execution at a time in its own sandboxed
 * runtime, and asks its parent for every {@code nango} call. It holds no binding, store or
 * credential of its own. Protocol: newline-delimited JSON on stdin/stdout (stdout is reserved
 * for it; anything else printed goes to stderr).
 *
 * <pre>
 * parent: {"type":"init","policy":{...}}          worker: {"type":"ready","runtime":{...}}
 * parent: {"type":"run","id",bundle,props,input}  worker: {"type":"call","id","seq","method","args"} *
 * parent: {"type":"reply","seq","envelope"}        worker: {"type":"log","id","level","message","meta"} *
 *                                                  worker: {"type":"done","id","output"|"error"}
 * </pre>
 */
public final class WorkerMain {
    private final LineChannel channel;
    private final Map<Long, CompletableFuture<String>> replies = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final Map<String, ScriptBundle> bundles = new HashMap<>();
    private final ExecutorService executions = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("nango-jvm-worker-execution").factory());
    private InProcessRunner runner;
    private ScriptPolicy policy;

    private WorkerMain(LineChannel channel) {
        this.channel = channel;
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        System.setOut(System.err); // nothing but protocol messages may reach the parent's pipe
        new WorkerMain(new LineChannel(System.in, protocol, Long.MAX_VALUE / 4)).serve();
    }

    private void serve() throws IOException {
        try {
            while (true) {
                JsonNode message = channel.receive();
                switch (message.path("type").asText()) {
                    case "init" -> init(message);
                    case "run" -> executions.execute(() -> run(message));
                    case "reply" -> {
                        CompletableFuture<String> waiting = replies.remove(message.path("seq").asLong());
                        if (waiting != null) waiting.complete(message.path("envelope").asText());
                    }
                    default -> System.err.println("nango-jvm worker: unknown message " + message.path("type"));
                }
            }
        } catch (EOFException e) {
            // The parent is gone or closed us: exit with it.
            Runtime.getRuntime().halt(0);
        }
    }

    private void init(JsonNode message) throws IOException {
        policy = PolicyCodec.fromJson(message.path("policy"));
        runner = new InProcessRunner(policy);
        ObjectNode ready = Bridge.JSON.createObjectNode().put("type", "ready");
        ready.putObject("runtime").put("optimizing", runner.runtime().optimizing())
                .put("implementationName", runner.runtime().implementationName()).put("reason", runner.runtime().reason());
        channel.send(ready);
    }

    private void run(JsonNode message) {
        long id = message.path("id").asLong();
        ObjectNode done = Bridge.JSON.createObjectNode().put("type", "done").put("id", id);
        try {
            JsonNode b = message.path("bundle");
            String key = b.path("name").asText() + "#" + b.path("contentHash").asText();
            if (b.hasNonNull("code")) {
                bundles.put(key, new ScriptBundle(b.path("name").asText(), b.path("code").asText(),
                        b.path("sourceMap").isNull() ? null : b.path("sourceMap").asText(), b.path("contentHash").asText()));
            }
            ScriptBundle bundle = bundles.get(key);
            JsonNode input = message.path("input");
            Execution.Outcome outcome = runner.run(bundle, new ParentDispatcher(id), (ObjectNode) message.path("props"),
                    input.isMissingNode() || input.isNull() ? null : input);
            if (outcome.error() == null) {
                done.put("output", outcome.outputJson());
            } else {
                done.set("error", errorJson(outcome.error()));
            }
        } catch (RuntimeException e) {
            done.set("error", errorJson(new ExecutionError("script_internal_error",
                    "the worker failed while running the script: " + e.getClass().getSimpleName(), null, null, null)));
        }
        try {
            channel.send(done);
        } catch (IOException e) {
            Runtime.getRuntime().halt(1);
        }
    }

    static ObjectNode errorJson(ExecutionError error) {
        ObjectNode o = Bridge.JSON.createObjectNode().put("code", error.code()).put("message", error.message())
                .put("location", error.location()).put("stack", error.stack());
        o.set("payload", error.payload());
        return o;
    }

    /** Every nango call of the execution goes to the parent, which owns the binding. */
    private final class ParentDispatcher implements Dispatcher {
        private final long id;

        ParentDispatcher(long id) {
            this.id = id;
        }

        @Override
        public String dispatch(String method, String argsJson) {
            long s = seq.incrementAndGet();
            CompletableFuture<String> reply = new CompletableFuture<>();
            replies.put(s, reply);
            try {
                channel.send(Bridge.JSON.createObjectNode().put("type", "call").put("id", id).put("seq", s)
                        .put("method", method).put("args", argsJson));
                return reply.join();
            } catch (IOException e) {
                replies.remove(s);
                return "{\"error\":{\"kind\":\"nango\",\"code\":\"internal_error\",\"message\":\"the host is gone\"}}";
            }
        }

        @Override
        public void log(String level, String message, String metaJson) {
            try {
                channel.send(Bridge.JSON.createObjectNode().put("type", "log").put("id", id).put("level", level)
                        .put("message", message).put("meta", metaJson));
            } catch (IOException e) {
                // the parent is gone; the execution ends with it
            }
        }
    }
}
