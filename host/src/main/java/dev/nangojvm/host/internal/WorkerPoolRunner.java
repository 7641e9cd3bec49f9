package dev.nangojvm.host.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoAction;
import dev.nangojvm.host.ExecutionError;
import dev.nangojvm.host.RuntimeInfo;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.policy.ScriptPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs executions in a pool of worker JVMs ({@link WorkerMain}), each with its own heap, one
 * execution per worker at a time. The parent keeps the binding: every {@code nango} call of the
 * script comes back here and runs against the real binding, after the same caps as in process.
 *
 * <p>What the pool adds over {@link InProcessRunner}: a worker that exhausts its heap dies alone
 * ({@code memory_limit}); a worker that has not answered by the deadline plus
 * {@link #KILL_GRACE} is killed ({@code execution_timeout}), which also ends builtins that ignore
 * cancellation. A dead worker is replaced in the background. Thread-safe.
 */
public final class WorkerPoolRunner implements ExecutionRunner {
    private static final System.Logger LOG = System.getLogger(WorkerPoolRunner.class.getName());
    /** How long past its own deadline a worker may take to report before it is killed. */
    public static final Duration KILL_GRACE = Duration.ofSeconds(2);
    /** The exit code of a JVM started with {@code -XX:+ExitOnOutOfMemoryError} that ran out of heap. */
    static final int OUT_OF_MEMORY_EXIT = 3;

    /** How to start the workers. */
    public record Options(int workers, long heapBytes, List<String> jvmArgs) {
        public Options {
            if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, was " + workers);
            if (heapBytes < (64L << 20)) {
                throw new IllegalArgumentException("a worker heap must be at least 64 MiB, was " + heapBytes + " bytes");
            }
            jvmArgs = List.copyOf(jvmArgs);
        }
    }

    private final ScriptPolicy policy;
    private final Options options;
    private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
    private final Set<Worker> all = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong ids = new AtomicLong();
    private final RuntimeInfo runtime;
    private volatile boolean closed;

    public WorkerPoolRunner(ScriptPolicy policy, Options options) {
        this.policy = policy;
        this.options = options;
        List<Worker> started = new ArrayList<>();
        List<Thread> starting = new ArrayList<>();
        for (int i = 0; i < options.workers(); i++) {
            starting.add(Thread.ofVirtual().start(() -> {
                Worker w = startWorker();
                synchronized (started) {
                    started.add(w);
                }
            }));
        }
        for (Thread t : starting) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (started.size() != options.workers()) {
            started.forEach(Worker::kill);
            throw new IllegalStateException("could not start " + options.workers() + " worker JVMs; see the log");
        }
        this.runtime = started.getFirst().runtime;
        idle.addAll(started);
    }

    @Override
    public Execution.Outcome run(ScriptBundle bundle, NangoAction nango, ObjectNode props, JsonNode input) {
        Worker worker;
        try {
            worker = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Execution.failure("script_aborted", "interrupted while waiting for a worker", null, null);
        }
        Duration deadline = policy.timeoutFor(props.path("scriptType").asText()).plus(KILL_GRACE);
        Execution.Outcome outcome = worker.run(ids.incrementAndGet(), bundle, new BindingDispatcher(nango, policy), props, input, deadline);
        if (worker.alive()) {
            idle.add(worker);
        } else {
            all.remove(worker);
            replaceInBackground();
        }
        return outcome;
    }

    private void replaceInBackground() {
        if (closed) return;
        Thread.ofVirtual().name("nango-jvm-worker-starter").start(() -> {
            try {
                Worker w = startWorker();
                if (closed) w.kill(); else idle.add(w);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "could not replace a worker JVM", e);
            }
        });
    }

    private Worker startWorker() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + (options.heapBytes() >> 20) + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+DisplayVMOutputToStderr"); // the JVM's own messages must not land in the protocol pipe
        // One execution per worker: a single-threaded collector does not compete with the other workers
        // for cores, and on a small heap it reaches OutOfMemoryError quickly instead of thrashing.
        command.add("-XX:+UseSerialGC");
        command.addAll(options.jvmArgs());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WorkerMain.class.getName());
        ProcessBuilder pb = new ProcessBuilder(command);
        // A worker runs other people's code: it gets none of the host's environment (database URLs, keys).
        String home = System.getenv("HOME");
        pb.environment().clear();
        if (home != null) pb.environment().put("HOME", home); // Truffle caches its native helper there
        try {
            Process process = pb.start();
            Worker w = new Worker(process, policy);
            all.add(w);
            return w;
        } catch (IOException e) {
            throw new IllegalStateException("could not start a worker JVM: " + e.getMessage(), e);
        }
    }

    /** The JVM flags of this process that a worker needs too (the Graal JIT recipe, native access). */
    public static List<String> inheritedJvmArgs() {
        List<String> out = new ArrayList<>();
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.equals("-XX:+UnlockExperimentalVMOptions") || a.equals("-XX:+EnableJVMCI") || a.startsWith("--upgrade-module-path")
                    || a.startsWith("--enable-native-access") || a.startsWith("--sun-misc-unsafe-memory-access")
                    || a.startsWith("-Dpolyglot.") || a.startsWith("-Xss")) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public void warmUp(ScriptBundle bundle) {
        // Each worker parses a bundle on its first execution; there is nothing to share across processes.
    }

    @Override
    public RuntimeInfo runtime() {
        return runtime;
    }

    /** Workers currently alive, for tests and health checks. */
    public int liveWorkers() {
        return (int) all.stream().filter(Worker::alive).count();
    }

    @Override
    public void close() {
        closed = true;
        all.forEach(Worker::shutdown);
        io.shutdownNow();
    }

    /** One worker process and the parent's end of its channel. */
    private final class Worker {
        private final Process process;
        private final LineChannel channel;
        private final Set<String> sentBundles = new HashSet<>();
        private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        private final RuntimeInfo runtime;
        private volatile boolean killed;
        private static final ObjectNode GONE = Bridge.JSON.createObjectNode().put("type", "gone");

        Worker(Process process, ScriptPolicy policy) throws IOException {
            this.process = process;
            // A worker's messages are bounded by what the policy lets cross, plus room for the envelope.
            long maxLine = Math.max(policy.maxBridgeMessageChars(), policy.maxActionOutputBytes()) * 2 + (1 << 20);
            this.channel = new LineChannel(process.getInputStream(), process.getOutputStream(), maxLine);
            drain(process.getErrorStream());
            channel.send(Bridge.JSON.createObjectNode().put("type", "init").set("policy", PolicyCodec.toJson(policy)));
            JsonNode ready = channel.receive();
            if (!"ready".equals(ready.path("type").asText())) {
                process.destroyForcibly();
                throw new IOException("the worker answered " + ready + " instead of ready");
            }
            JsonNode r = ready.path("runtime");
            this.runtime = new RuntimeInfo(r.path("optimizing").asBoolean(), r.path("implementationName").asText(),
                    r.path("reason").isNull() ? null : r.path("reason").asText());
            Thread.ofPlatform().daemon().name("nango-jvm-worker-reader-" + process.pid()).start(this::read);
        }

        boolean alive() {
            return !killed && process.isAlive();
        }

        private void read() {
            try {
                while (true) inbox.add(channel.receive());
            } catch (java.io.EOFException e) {
                // the worker exited (or was killed); run() asks the process why
            } catch (IOException e) {
                if (process.isAlive()) {
                    LOG.log(System.Logger.Level.WARNING, "worker " + process.pid() + " broke the protocol, killing it: " + e.getMessage());
                    process.destroyForcibly();
                }
            }
            inbox.add(GONE);
        }

        Execution.Outcome run(long id, ScriptBundle bundle, BindingDispatcher dispatcher, ObjectNode props, JsonNode input, Duration deadline) {
            try {
                send(id, bundle, props, input);
                long end = System.nanoTime() + deadline.toNanos();
                while (true) {
                    JsonNode m = inbox.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (m == null) {
                        LOG.log(System.Logger.Level.WARNING, bundle.name() + ": worker " + process.pid()
                                + " did not stop by its deadline (a builtin that ignores cancellation?); killing it");
                        kill();
                        return Execution.failure(Limits.EXECUTION_TIMEOUT, "the script ran longer than its "
                                + policy.timeoutFor(props.path("scriptType").asText()).toMillis() + " ms limit and its worker was killed; "
                                + "raise the timeout in ScriptPolicy if the run is legitimate", null, null);
                    }
                    switch (m.path("type").asText()) {
                        case "call" -> answer(m, dispatcher);
                        case "log" -> dispatcher.log(m.path("level").asText(), m.path("message").asText(),
                                m.path("meta").isNull() ? null : m.path("meta").asText());
                        case "done" -> {
                            if (m.path("id").asLong() == id) return outcome(m);
                        }
                        case "gone" -> {
                            return died(bundle);
                        }
                        default -> LOG.log(System.Logger.Level.WARNING, "worker " + process.pid() + " sent " + m.path("type"));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                return Execution.failure("script_aborted", "the host thread was interrupted", null, null);
            } catch (IOException e) {
                kill();
                return died(bundle);
            } finally {
                dispatcher.close();
            }
        }

        private void send(long id, ScriptBundle bundle, ObjectNode props, JsonNode input) throws IOException {
            ObjectNode run = Bridge.JSON.createObjectNode().put("type", "run").put("id", id);
            ObjectNode b = run.putObject("bundle").put("name", bundle.name()).put("contentHash", bundle.contentHash());
            if (sentBundles.add(bundle.name() + "#" + bundle.contentHash())) {
                b.put("code", bundle.code()).put("sourceMap", bundle.sourceMap());
            }
            run.set("props", props);
            run.set("input", input);
            channel.send(run);
        }

        /** Binding calls run off this thread, so that a script's parallel calls stay parallel. */
        private void answer(JsonNode call, BindingDispatcher dispatcher) {
            long seq = call.path("seq").asLong();
            String method = call.path("method").asText();
            String args = call.path("args").asText();
            io.execute(() -> {
                String envelope = dispatcher.dispatch(method, args);
                try {
                    channel.send(Bridge.JSON.createObjectNode().put("type", "reply").put("seq", seq).put("envelope", envelope));
                } catch (IOException e) {
                    // the worker is gone; its execution reports that
                }
            });
        }

        private Execution.Outcome outcome(JsonNode done) {
            JsonNode e = done.path("error");
            if (e.isMissingNode() || e.isNull()) {
                JsonNode out = done.path("output");
                return new Execution.Outcome(out.isNull() || out.isMissingNode() ? null : out.asText(), null);
            }
            JsonNode payload = e.path("payload");
            return new Execution.Outcome(null, new ExecutionError(e.path("code").asText(), e.path("message").asText(),
                    payload.isMissingNode() || payload.isNull() ? null : payload,
                    e.path("location").isNull() ? null : e.path("location").asText(null),
                    e.path("stack").isNull() ? null : e.path("stack").asText(null)));
        }

        private Execution.Outcome died(ScriptBundle bundle) {
            int exit;
            try {
                process.waitFor(5, TimeUnit.SECONDS);
                exit = process.isAlive() ? -1 : process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = -1;
            }
            kill();
            if (exit == OUT_OF_MEMORY_EXIT) {
                LOG.log(System.Logger.Level.WARNING, bundle.name() + ": worker " + process.pid() + " ran out of heap");
                return Execution.failure(Limits.MEMORY_LIMIT, "the script exhausted its worker's " + (options.heapBytes() >> 20)
                        + " MiB heap and the worker was stopped; allocate less, or give workers more heap", null, null);
            }
            LOG.log(System.Logger.Level.ERROR, bundle.name() + ": worker " + process.pid() + " died (exit " + exit + ")");
            return Execution.failure("worker_crashed", "the worker running the script died (exit code " + exit
                    + "); the execution is lost, the host is fine", null, null);
        }

        void kill() {
            killed = true; // destroyForcibly is asynchronous: never hand this worker out again
            process.destroyForcibly();
        }

        void shutdown() {
            channel.closeOutput();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        private void drain(InputStream stderr) {
            Thread.ofPlatform().daemon().name("nango-jvm-worker-stderr-" + process.pid()).start(() -> {
                try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(stderr, java.nio.charset.StandardCharsets.UTF_8))) {
                    long budget = 1 << 20; // a worker cannot flood the host's log
                    for (String line; (line = r.readLine()) != null; ) {
                        if (budget > 0) {
                            budget -= line.length();
                            LOG.log(System.Logger.Level.DEBUG, "worker " + process.pid() + ": " + line);
                        }
                    }
                } catch (IOException ignored) {
                    // the worker is gone
                }
            });
        }
    }
}
