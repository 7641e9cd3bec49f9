package dev.nangojvm.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoBindings;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.SyncConfig;
import dev.nangojvm.bindings.SyncExecution;
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.bindings.store.RecordQuery;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.StoredConnection;
import dev.nangojvm.bindings.store.h2.H2Database;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.policy.ScriptPolicy;
import dev.nangojvm.testkit.FakeProviderServer;
import dev.nangojvm.testkit.FakeResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sync script, run by the host against the real bindings and an H2 file database, pages
 * through a loopback API, saving each page and checkpointing after it, inside a
 * {@code trackDeletesStart/End} phase. In each of 20 seeded trials the run is stopped at a random
 * {@code nango} call, in one of three ways, then a new run resumes from the checkpoint:
 * <ul>
 *   <li>{@code ABANDON}: the process dies: the run is closed without being finished;</li>
 *   <li>{@code THROW}: the call fails, so the script fails and the run ends as failed;</li>
 *   <li>{@code CLOSE_DB}: the database goes away under the run; the next run opens it again.</li>
 * </ul>
 * After the resume, the stored records are exactly the API's, each once, with the right
 * {@code last_action}, and the records the API dropped are deleted.
 */
class KillAndResumeEndToEndTest {
    private static final String CONNECTION = "conn-e2e";
    private static final ExecutionInfo INFO = new ExecutionInfo(CONNECTION, "tickets", "tickets", "tickets", "sync", null);
    private static final SyncConfig CONFIG = new SyncConfig("tickets", List.of("Ticket"), "full", false);
    private static final RecordScope SCOPE = RecordScope.of("tickets", CONNECTION);
    private static final int PAGE_SIZE = 25;
    /** A clean run's nango calls that can fail: getCheckpoint, trackDeletesStart, 6 pages x (get, batchSave) + 5 checkpoints, trackDeletesEnd, 2 listRecords pages, getRecordsByIds, clearCheckpoint. */
    private static final int CALLS_OF_A_CLEAN_RUN = 2 + 6 * 2 + 5 + 1 + 2 + 1 + 1;

    /** The sync, as esbuild emits a TypeScript sync: CommonJS with a default export. */
    private static final String SCRIPT = """
            exports.default = async function fetchData(nango) {
              const checkpoint = await nango.getCheckpoint();
              await nango.trackDeletesStart('Ticket');
              let page = checkpoint ? checkpoint.page : 1;
              while (page) {
                const res = await nango.get({ endpoint: '/tickets', params: { page: String(page) } });
                await nango.batchSave(res.data.tickets.map((t) => ({ id: t.id, title: t.title })), 'Ticket');
                page = res.data.next;
                if (page) await nango.saveCheckpoint({ page });
              }
              const { deletedKeys } = await nango.trackDeletesEnd('Ticket');
              let live = 0, all = 0;
              for await (const record of nango.listRecords('Ticket')) {
                all++;
                if (!record._nango_metadata.deleted_at) live++;
              }
              const found = await nango.getRecordsByIds([51, 404], 'Ticket');
              await nango.log('done', { live, all, deleted: deletedKeys.length, isMap: found instanceof Map,
                                        byNumber: found.has(51), title: found.get(51).title, missing: found.has(404) });
              await nango.clearCheckpoint();
            };
            """;

    enum Kill { ABANDON, THROW, CLOSE_DB }

    static IntegrationHost host;
    static FakeProviderServer api;
    static ScriptPolicy policy;
    static volatile List<ObjectNode> tickets = List.of();
    static final ScriptBundle BUNDLE = ScriptBundle.of("tickets/syncs/tickets", SCRIPT, null);

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        policy = ScriptPolicy.standard().toBuilder().egress(ScriptPolicy.standard().egress().withLoopback())
                .timeout(Duration.ofSeconds(30)).build();
        host = IntegrationHost.builder().policy(policy).build();
        api = FakeProviderServer.builder().get("/tickets", request -> {
            int page = Integer.parseInt(request.queryParam("page").orElse("1"));
            List<ObjectNode> all = tickets;
            int from = (page - 1) * PAGE_SIZE;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tickets", all.subList(Math.min(from, all.size()), Math.min(from + PAGE_SIZE, all.size())));
            body.put("next", from + PAGE_SIZE < all.size() ? page + 1 : null);
            return FakeResponse.json(200, body);
        }).build().start();
    }

    @AfterAll
    static void stop() {
        api.close();
        host.close();
    }

    /** Before: tickets 1-120. After: 1-20 gone, 21-60 retitled, 61-120 as they were, 121-170 new. */
    private static List<ObjectNode> before() {
        return IntStream.rangeClosed(1, 120).mapToObj(i -> ticket(i, "first title of " + i)).toList();
    }

    private static List<ObjectNode> after() {
        return IntStream.rangeClosed(21, 170).mapToObj(i -> ticket(i, i <= 60 ? "new title of " + i : "first title of " + i)).toList();
    }

    private static ObjectNode ticket(int id, String title) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("title", title);
    }

    @Test
    void aSyncKilledAtRandomCallsResumesFromItsCheckpointWithoutLosingDuplicatingOrWronglyDeletingRecords() throws Exception {
        Path seeded = Files.createTempDirectory(temp, "seeded");
        tickets = before();
        try (H2Stores stores = H2Stores.open(seeded)) {
            addConnection(stores);
            assertThat(run(stores, null).result().succeeded()).as("the first, clean run").isTrue();
        }
        tickets = after();
        Random random = new Random(20_260_101L);
        for (int trial = 0; trial < 20; trial++) {
            Kill kill = Kill.values()[random.nextInt(Kill.values().length)];
            int atCall = 1 + random.nextInt(CALLS_OF_A_CLEAN_RUN);
            Path dir = Files.createTempDirectory(temp, "trial");
            String file = H2Database.FILE_NAME + ".mv.db";
            Files.copy(seeded.resolve(file), dir.resolve(file));
            runTrial("trial " + trial + " (" + kill + " at call " + atCall + ")", dir, kill, atCall);
        }
    }

    private void runTrial(String plan, Path dir, Kill kill, int atCall) {
        try (H2Stores stores = H2Stores.open(dir)) {
            Outcome killed = run(stores, new Killer(kill, atCall, stores::close));
            assertThat(killed.result() == null || !killed.result().succeeded()).as(plan + ": the kill stopped the run").isTrue();
        }
        try (H2Stores stores = H2Stores.open(dir)) {
            Outcome resumed = run(stores, null);
            assertThat(resumed.result().succeeded()).as(plan + ": " + resumed.result().error()).isTrue();
            assertFinalState(plan, stores, resumed);
        }
    }

    private static void assertFinalState(String plan, H2Stores stores, Outcome resumed) {
        Map<String, ObjectNode> stored = new HashMap<>();
        for (ObjectNode r : stores.records().list(SCOPE, "Ticket", RecordQuery.defaults().withLimit(RecordQuery.MAX_LIMIT)).records()) {
            assertThat(stored.put(r.get("id").asText(), r)).as(plan + ": record " + r.get("id") + " stored twice").isNull();
        }
        assertThat(stored).as(plan).hasSize(170);
        for (int id = 1; id <= 170; id++) {
            ObjectNode r = stored.get(String.valueOf(id));
            String action = r.get("_nango_metadata").get("last_action").asText();
            String expected = id <= 20 ? "DELETED" : id <= 60 ? "UPDATED" : "ADDED";
            assertThat(action).as(plan + ": last_action of ticket " + id).isEqualTo(expected);
            if (id > 20) {
                assertThat(r.get("title").asText()).as(plan).isEqualTo(id <= 60 ? "new title of " + id : "first title of " + id);
            }
        }
        // Tickets 61-120 never changed: the killed and the resumed run left their timestamps alone.
        ObjectNode unchanged = (ObjectNode) stored.get("100").get("_nango_metadata");
        assertThat(unchanged.get("first_seen_at")).as(plan).isEqualTo(unchanged.get("last_modified_at"));
        JsonNode done = resumed.logs().stream().filter(l -> l.message().equals("done")).findFirst().orElseThrow().meta();
        assertThat(done.get("live").asInt()).as(plan).isEqualTo(150);
        assertThat(done.get("all").asInt()).as(plan).isEqualTo(170);
        assertThat(done.get("isMap").asBoolean() && done.get("byNumber").asBoolean() && !done.get("missing").asBoolean()).isTrue();
        assertThat(done.get("title").asText()).isEqualTo("new title of 51");
        assertThat(stores.checkpoints().get("tickets", CONNECTION, "sync:tickets:base").map(c -> c.isDeleted())).contains(true);
    }

    private record Outcome(ExecutionResult result, List<LogEntry> logs) { }

    private static Outcome run(H2Stores stores, Killer killer) {
        List<LogEntry> logs = new CopyOnWriteArrayList<>();
        try (NangoBindings nango = NangoBindings.builder()
                .catalog(ProviderCatalog.of(Map.of("tickets", Map.of("auth_mode", "API_KEY", "proxy", Map.of("base_url", api.baseUrl())))))
                .stores(stores).egress(policy.egress()).build()) {
            SyncExecution run = nango.startSync(INFO, CONFIG, logs::add);
            try {
                return new Outcome(host.runSync(BUNDLE, killer == null ? run : killer.around(run)), logs);
            } catch (NangoException databaseGone) {
                return new Outcome(null, logs); // CLOSE_DB: the run could not even record that it failed
            } finally {
                run.close();
            }
        }
    }

    private static void addConnection(H2Stores stores) {
        stores.connections().put(new StoredConnection(CONNECTION, "tickets", "tickets",
                JsonNodeFactory.instance.objectNode().put("type", "API_KEY").put("apiKey", "k"),
                JsonNodeFactory.instance.objectNode(), null));
    }

    /** Stops a run at its n-th nango call. */
    private static final class Killer {
        private final Kill kill;
        private final int atCall;
        private final Runnable closeDatabase;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean dead;

        Killer(Kill kill, int atCall, Runnable closeDatabase) {
            this.kill = kill;
            this.atCall = atCall;
            this.closeDatabase = closeDatabase;
        }

        SyncExecution around(SyncExecution run) {
            return new Dying(run);
        }

        /** Counts the call and, at the chosen one, kills. */
        private <T> T call(SyncExecution run, Supplier<T> delegate) {
            if (dead) {
                throw new NangoException("killed", "process died");
            }
            if (calls.incrementAndGet() == atCall) {
                switch (kill) {
                    case ABANDON -> {
                        dead = true;
                        run.close(); // what the process's death does: the database rolls back
                        throw new NangoException("killed", "process died");
                    }
                    case THROW -> throw new NangoException("killed", "killed at call " + atCall);
                    case CLOSE_DB -> closeDatabase.run(); // then the call itself fails
                }
            }
            return delegate.get();
        }

        private void run(SyncExecution run, Runnable delegate) {
            call(run, () -> {
                delegate.run();
                return null;
            });
        }

        private final class Dying implements SyncExecution {
            private final SyncExecution d;

            Dying(SyncExecution delegate) {
                this.d = delegate;
            }

            @Override public ExecutionInfo info() { return d.info(); }
            @Override public ProxyResponse proxy(ProxyConfiguration c) { return call(d, () -> d.proxy(c)); }
            @Override public Paginator paginate(ProxyConfiguration c) { return call(d, () -> d.paginate(c)); }
            @Override public JsonNode getConnection(String k, String id) { return call(d, () -> d.getConnection(k, id)); }
            @Override public JsonNode getMetadata() { return call(d, d::getMetadata); }
            @Override public void setMetadata(ObjectNode m) { run(d, () -> d.setMetadata(m)); }
            @Override public void updateMetadata(ObjectNode m) { run(d, () -> d.updateMetadata(m)); }
            @Override public JsonNode getCheckpoint() { return call(d, d::getCheckpoint); }
            @Override public void saveCheckpoint(ObjectNode c) { run(d, () -> d.saveCheckpoint(c)); }
            @Override public void clearCheckpoint() { run(d, d::clearCheckpoint); }
            @Override public JsonNode getEnvironmentVariables() { return call(d, d::getEnvironmentVariables); }
            @Override public void log(LogEntry entry) { d.log(entry); } // never throws, so no kill point
            @Override public Optional<Instant> lastSyncDate() { return d.lastSyncDate(); }
            @Override public BatchResult batchSave(ArrayNode r, String m) { return call(d, () -> d.batchSave(r, m)); }
            @Override public BatchResult batchUpdate(ArrayNode r, String m) { return call(d, () -> d.batchUpdate(r, m)); }
            @Override public BatchResult batchDelete(ArrayNode r, String m) { return call(d, () -> d.batchDelete(r, m)); }
            @Override public JsonNode getRecordsByIds(ArrayNode ids, String m) { return call(d, () -> d.getRecordsByIds(ids, m)); }
            @Override public JsonNode listRecords(String m, String cursor) { return call(d, () -> d.listRecords(m, cursor)); }
            @Override public void trackDeletesStart(String m) { run(d, () -> d.trackDeletesStart(m)); }
            @Override public JsonNode trackDeletesEnd(String m) { return call(d, () -> d.trackDeletesEnd(m)); }

            @Override
            public SyncSummary finish(boolean succeeded) {
                return dead ? new SyncSummary(Map.of()) : d.finish(succeeded);
            }

            @Override
            public void close() {
                d.close();
            }
        }
    }
}
