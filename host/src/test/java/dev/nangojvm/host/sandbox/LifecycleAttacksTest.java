package dev.nangojvm.host.sandbox;

import static dev.nangojvm.host.sandbox.Attacks.assertHealthy;
import static dev.nangojvm.host.sandbox.Attacks.output;
import static dev.nangojvm.host.sandbox.Attacks.runAction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.bindings.store.RecordQuery;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.internal.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A fresh context per execution, and nothing of it afterwards: no global, no timer that still
 * fires, no guest value kept alive by a pending call, and no half-written batch in the store when
 * the clock runs out in the middle of {@code batchSave}.
 */
@DisplayName("lifecycle: nothing survives an execution")
class LifecycleAttacksTest {
    final IntegrationHost host = Attacks.quick();

    @AfterEach
    void hostStaysHealthy() {
        Attacks.assertHealthy(host);
    }

    @Test
    void noStateOfAnyKindCarriesOverToTheNextExecution() {
        var first = runAction(host, """
                globalThis.leaked = 1;
                Symbol.for('shared.key').toString();
                globalThis.registry = Symbol.for('shared.key');
                /(secret-\\d+)/.exec('token secret-42');
                require.cache = { injected: true };
                Object.freeze(Object.prototype);
                nango.stash = 'left behind';
                return 'polluted';
                """);
        assertThat(output(first).asText()).isEqualTo("polluted");
        var second = runAction(host, """
                return { leaked: typeof leaked, registry: typeof registry, regexp: RegExp.$1, cache: typeof require.cache,
                         frozen: Object.isFrozen(Object.prototype), stash: typeof nango.stash };
                """);
        assertThat(output(second).toString()).isEqualTo(
                "{\"leaked\":\"undefined\",\"registry\":\"undefined\",\"regexp\":\"\",\"cache\":\"undefined\",\"frozen\":false,\"stash\":\"undefined\"}");
    }

    @Test
    void timersOfAFinishedExecutionNeverFireAndLeaveTheScheduler() throws InterruptedException {
        FakeNango nango = new FakeNango("action");
        var r = runAction(host, """
                for (let i = 0; i < 40; i++) setTimeout(() => {}, 1e9);
                setTimeout(() => { nango.log('fired after the end'); }, 30);
                return 'returned';
                """, nango);
        assertThat(output(r).asText()).isEqualTo("returned");
        assertThat(Diagnostics.queuedTimers()).isZero();
        Thread.sleep(100);
        assertThat(nango.logs).isEmpty();
    }

    @Test
    void noGuestValueOutlivesItsExecutionEvenWhileItsCallsStillHang() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        FakeNango hanging = new FakeNango("action");
        hanging.responder = cfg -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeNango.ok(FakeNango.F.nullNode());
        };
        int baseline = settledLiveExecutions(0);
        try {
            List<ExecutionResult> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(runAction(host, """
                        const big = new Array(10000).fill('retained by the realm');
                        setTimeout(() => big.length, 1e9);
                        await Promise.all([nango.get({ endpoint: '/hang' }), nango.get({ endpoint: '/hang2' })]);
                        return big.length;
                        """, hanging));
            }
            assertThat(results).allSatisfy(r -> assertThat(r.error().code()).isEqualTo("execution_timeout"));
            // The binding calls are still blocked on their threads, and yet every realm is collectable.
            // Each binding call starts on its own (virtual) thread; on a loaded machine give them a moment.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hanging.calls.size() < 16 && System.nanoTime() < until) Thread.sleep(20);
            assertThat(hanging.calls).hasSize(16);
            assertThat(settledLiveExecutions(baseline)).isLessThanOrEqualTo(baseline);
        } finally {
            release.countDown();
        }
        assertHealthy(host);
    }

    /** Collects garbage until the number of live executions drops to {@code target}, or 10 s pass. */
    static int settledLiveExecutions(int target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int live;
        do {
            System.gc();
            Thread.sleep(50);
            live = Diagnostics.liveExecutions();
        } while (live > target && System.nanoTime() < deadline);
        return live;
    }

    @Test
    void timingOutInTheMiddleOfBatchSaveLeavesOnlyWholeBatches() {
        IntegrationHost host = Attacks.host(Attacks.STRICT.toBuilder().syncTimeout(java.time.Duration.ofMillis(1500)).build());
        try (H2Stores stores = H2Stores.inMemory()) {
            StoreBackedNango first = new StoreBackedNango(stores);
            first.batchSaveDelayMillis = 200;
            var r = host.runSync(Attacks.sync("""
                    for (let b = 0; ; b++) {
                      await nango.batchSave(Array.from({ length: 100 }, (_, i) => ({ id: b + '-' + i, b, i, body: 'x'.repeat(200) })), 'Issue');
                    }
                    """), first);
            assertThat(r.error().code()).isEqualTo("execution_timeout");

            Map<Integer, Integer> perBatch = perBatch(stores);
            assertThat(perBatch).isNotEmpty();
            assertThat(perBatch.values()).allSatisfy(n -> assertThat(n).isEqualTo(100));
            assertThat(stores.syncState().lastSyncDate(new dev.nangojvm.bindings.store.SyncKey("github", "conn-1", "issues", "base")))
                    .as("a failed run does not advance lastSyncDate").isEmpty();

            // The next run resumes on the same store and finishes cleanly.
            var next = host.runSync(Attacks.sync("""
                    await nango.batchSave([{ id: 'after', b: -1, i: 0, body: 'ok' }], 'Issue');
                    """), new StoreBackedNango(stores));
            assertThat(next.succeeded()).as("%s", next.error()).isTrue();
            assertThat(perBatch(stores).get(-1)).isEqualTo(1);
        }
        assertHealthy(host);
    }

    private static Map<Integer, Integer> perBatch(H2Stores stores) {
        Map<Integer, Integer> counts = new HashMap<>();
        String cursor = null;
        do {
            var page = stores.records().list(RecordScope.of("github", "conn-1"), "Issue", RecordQuery.defaults().withLimit(1000).withCursor(cursor));
            for (var record : page.records()) {
                assertThat(record.path("body").asText()).isIn("x".repeat(200), "ok");
                counts.merge(record.path("b").asInt(), 1, Integer::sum);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return counts;
    }
}
