package dev.nangojvm.bindings.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.RecordStore;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.bindings.store.postgres.PostgresStores;
import dev.nangojvm.bindings.store.postgres.TestPostgres;
import dev.nangojvm.bindings.store.sql.SqlStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Throughput of {@code batchSave} into each store: 100,000 new records (typical issue-sized JSON,
 * about 400 bytes) saved in batches of 100 and of 1,000, then the same records saved again
 * (unchanged: read and compare only). H2 is a file database in a temp directory; PostgreSQL is a
 * local server started from the test binaries with its default durability settings (fsync on).
 * Each store gets a warm-up first. Not a unit test: run it by hand (see the bindings README section
 * on stores, or the one-liner below) on an otherwise idle machine.
 *
 * <pre>
 * ./mvnw -q -B -pl bindings -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test \
 *   &amp;&amp; java -cp bindings/target/test-classes:bindings/target/classes:$(cat bindings/target/test-classpath.txt) dev.nangojvm.bindings.bench.BatchSaveBench
 * </pre>
 */
public final class BatchSaveBench {
    private static final int RECORDS = 100_000;
    private static final int WARM_UP = 20_000;
    private static final RecordScope SCOPE = RecordScope.of("github", "bench");

    private BatchSaveBench() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : RECORDS;
        System.out.printf("batchSave throughput, %,d records per run, records/s%n", records);
        System.out.printf("%-12s %6s %14s %14s%n", "store", "batch", "new records", "unchanged");
        Path h2Dir = Files.createTempDirectory("nango-jvm-bench-h2");
        TestPostgres postgres = TestPostgres.start(Map.of());
        try {
            for (int batch : List.of(100, 1_000)) {
                Path dir = Files.createTempDirectory(h2Dir, "b" + batch);
                run("H2 (file)", batch, records, () -> H2Stores.open(dir));
                run("PostgreSQL", batch, records, () -> postgres.freshStores(null));
            }
        } finally {
            postgres.stop();
        }
    }

    private static void run(String name, int batchSize, int records, Supplier<SqlStores> open) {
        try (SqlStores stores = open.get()) {
            RecordStore store = stores.records();
            saveAll(store, "Warmup", batchSize, WARM_UP, 1);
            double inserted = saveAll(store, "Issue", batchSize, records, 2);
            double unchanged = saveAll(store, "Issue", batchSize, records, 3);
            System.out.printf("%-12s %,6d %,14.0f %,14.0f%n", name, batchSize, inserted, unchanged);
        }
    }

    /** Saves {@code count} records in batches; returns records per second. */
    private static double saveAll(RecordStore store, String model, int batchSize, int count, long runId) {
        long start = System.nanoTime();
        BatchResult total = BatchResult.EMPTY;
        for (int from = 0; from < count; from += batchSize) {
            total = total.plus(store.batchSave(SCOPE, model, batch(from, Math.min(count, from + batchSize)), runId,
                    Instant.now(), log -> { }));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (total.added() + total.unchanged() != count) {
            throw new IllegalStateException("expected " + count + " records saved, got " + total);
        }
        return count / seconds;
    }

    private static ArrayNode batch(int from, int to) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = from; i < to; i++) {
            ObjectNode issue = array.addObject();
            issue.put("id", "issue-" + i).put("number", i).put("title", "Issue number " + i + " needs attention")
                    .put("state", i % 3 == 0 ? "closed" : "open")
                    .put("body", "Steps to reproduce: open the page, click the button, see the error. ".repeat(3))
                    .put("author", "user" + (i % 97)).put("created_at", "2024-05-01T10:00:00Z")
                    .put("updated_at", "2024-06-01T12:34:56Z");
            issue.putArray("labels").add("bug").add("p" + (i % 4));
        }
        return array;
    }
}
