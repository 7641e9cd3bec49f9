package dev.nangojvm.bindings.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.SyncConfig;
import dev.nangojvm.bindings.SyncOptions;
import dev.nangojvm.bindings.store.RecordQuery;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.SyncRun;
import dev.nangojvm.bindings.store.Checkpointing;
import dev.nangojvm.bindings.store.StoredCheckpoint;
import dev.nangojvm.bindings.store.TestClock;
import dev.nangojvm.bindings.store.sql.SqlDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A sync that saves pages and checkpoints after each one is killed at a random point, either
 * inside the database (a commit that never happens, as when the process dies) or in the script,
 * then resumed from its checkpoint. After the kill exactly the pages of the committed checkpoint are
 * stored; after the resume every record is stored once and was counted as added once.
 */
class KillAndResumeTest {
    private static final ExecutionInfo INFO = new ExecutionInfo("conn-1", "github", "github", "issues", "sync", null);
    private static final SyncConfig CONFIG = new SyncConfig("issues", List.of("Issue"), "incremental", false);
    private static final RecordScope SCOPE = RecordScope.of("github", "conn-1");
    /** One page spans two chunks, so a crash there must roll back more than one chunk. */
    private static final int[] PAGE_SIZES = {40, 40, 1100, 40, 40, 40};
    private static final int TOTAL = IntStream.of(PAGE_SIZES).sum();
    /**
     * Commits of a clean run: start (lastSyncDate, run row), one per saveCheckpoint (the page's records
     * commit with it), clearCheckpoint, and the end (unit of work, run row).
     */
    private static final int COMMITS_OF_A_CLEAN_RUN = 2 + PAGE_SIZES.length + 1 + 2;

    private final TestClock clock = TestClock.at("2024-06-01T00:00:00Z");
    /** What batchSave reported over all runs of a trial, for the batches that were committed. */
    private BatchResult counted = BatchResult.EMPTY;

    /** Fails the n-th commit after arming, like a process dying just before it. */
    private static final class CrashingCommits implements UnaryOperator<SqlDatabase.ConnectionSource> {
        private int commitsLeft; // 0 = disarmed

        void crashAtCommit(int n) {
            commitsLeft = n;
        }

        void disarm() {
            commitsLeft = 0;
        }

        @Override
        public SqlDatabase.ConnectionSource apply(SqlDatabase.ConnectionSource real) {
            return () -> wrap(real.get());
        }

        private Connection wrap(Connection real) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("commit") && commitsLeft > 0 && --commitsLeft == 0) {
                            throw new SQLException("simulated crash before commit");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    /** Thrown by the "script" at its chosen step. */
    private static final class Killed extends RuntimeException {
        Killed(int step) {
            super("script killed at step " + step);
        }
    }

    private static ArrayNode page(int page) {
        ArrayNode records = JsonNodeFactory.instance.arrayNode();
        for (int n = 0; n < PAGE_SIZES[page]; n++) {
            records.addObject().put("id", "i-" + page + "-" + n).put("page", page).put("title", "issue " + n);
        }
        return records;
    }

    /**
     * The script: resume from the checkpoint, save a page, checkpoint, repeat; clear at the end. A
     * kill leaves the run unfinished, and closing it then is what the death of the process does.
     */
    private void runScript(H2Stores stores, int killAtStep) {
        clock.advance(Duration.ofMinutes(1));
        try (SyncRun run = SyncRun.start(stores, INFO, CONFIG, SyncOptions.defaults(), clock, log -> { })) {
            int from = run.getCheckpoint().map(c -> c.get("nextPage").asInt()).orElse(0);
            for (int page = from; page < PAGE_SIZES.length; page++) {
                step(killAtStep, 2 * page);
                BatchResult pending = run.batchSave(page(page), "Issue");
                step(killAtStep, 2 * page + 1);
                run.saveCheckpoint(JsonNodeFactory.instance.objectNode().put("nextPage", page + 1));
                counted = counted.plus(pending);
            }
            run.clearCheckpoint();
            run.finish(true);
        }
    }

    private static void step(int killAtStep, int step) {
        if (step == killAtStep) {
            throw new Killed(step);
        }
    }

    @Test
    void aRunKilledAtRandomPointsResumesFromItsCheckpointWithoutLosingOrDuplicatingRecords() {
        Random random = new Random(20_240_601L);
        for (int trial = 0; trial < 20; trial++) {
            runTrial(trial, random);
        }
    }

    private void runTrial(int trial, Random random) {
        CrashingCommits crashes = new CrashingCommits();
        try (H2Stores stores = H2Stores.on(H2Database.inMemory(crashes), clock)) {
            int killAtStep = -1;
            if (random.nextBoolean()) {
                crashes.crashAtCommit(1 + random.nextInt(COMMITS_OF_A_CLEAN_RUN));
            } else {
                killAtStep = random.nextInt(2 * PAGE_SIZES.length);
            }
            String plan = "trial " + trial + " (" + (killAtStep >= 0 ? "script killed at step " + killAtStep
                    : "commit " + crashes.commitsLeft + " lost") + ")";

            counted = BatchResult.EMPTY;
            try {
                runScript(stores, killAtStep);
                fail(plan + ": every planned kill falls inside a run, but this one completed");
            } catch (RuntimeException expected) {
                // the run died; its partial work stays behind, as after a crash
            }
            crashes.disarm();
            boolean cleared = assertStoredPagesMatchTheCheckpoint(stores, plan);

            runScript(stores, -1);

            Map<String, ObjectNode> stored = storedById(stores);
            assertThat(stored).as(plan).hasSize(TOTAL);
            for (int page = 0; page < PAGE_SIZES.length; page++) {
                for (ObjectNode expected : iterable(page(page))) {
                    ObjectNode actual = stored.get(expected.get("id").asText()).deepCopy();
                    actual.remove("_nango_metadata");
                    assertThat(actual).as(plan).isEqualTo(expected);
                }
            }
            // Each record was added exactly once over both runs, and the resumed run saved no committed page
            // again, unless the killed run had cleared its checkpoint: then the next run starts over.
            assertThat(counted).as(plan).isEqualTo(new BatchResult(TOTAL, 0, 0, cleared ? TOTAL : 0));
        }
    }

    /**
     * After a kill, exactly the pages before the committed checkpoint are stored, each whole.
     *
     * @return whether the killed run had got as far as clearing its checkpoint
     */
    private static boolean assertStoredPagesMatchTheCheckpoint(H2Stores stores, String plan) {
        Map<Integer, Long> perPage = storedById(stores).values().stream()
                .collect(Collectors.groupingBy(r -> r.get("page").asInt(), TreeMap::new, Collectors.counting()));
        Optional<StoredCheckpoint> checkpoint = stores.checkpoints().get("github", "conn-1", Checkpointing.keyFor(INFO));
        int committedPages = checkpoint.map(c -> c.isDeleted() ? PAGE_SIZES.length : c.checkpoint().get("nextPage").asInt())
                .orElse(0);
        Map<Integer, Long> expected = new TreeMap<>();
        IntStream.range(0, committedPages).forEach(page -> expected.put(page, (long) PAGE_SIZES[page]));
        assertThat(perPage).as(plan + ": stored pages (page -> records) against checkpoint " + checkpoint).isEqualTo(expected);
        return checkpoint.map(StoredCheckpoint::isDeleted).orElse(false);
    }

    private static Map<String, ObjectNode> storedById(H2Stores stores) {
        Map<String, ObjectNode> byId = new HashMap<>();
        List<ObjectNode> records = stores.records().list(SCOPE, "Issue", RecordQuery.defaults().withLimit(RecordQuery.MAX_LIMIT)).records();
        for (ObjectNode record : records) {
            if (byId.put(record.get("id").asText(), record) != null) {
                fail("record " + record.get("id") + " is stored twice");
            }
        }
        return byId;
    }

    private static Iterable<ObjectNode> iterable(ArrayNode array) {
        return () -> IntStream.range(0, array.size()).mapToObj(i -> (ObjectNode) array.get(i)).iterator();
    }
}
