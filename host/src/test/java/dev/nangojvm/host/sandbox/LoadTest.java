package dev.nangojvm.host.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.policy.ScriptPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 200 executions on 12 threads (a pool sized for 2 cores), one in ten an attacker; a probe runs a
 * tiny honest execution every 200 ms throughout to show that the host keeps answering.
 */
@DisplayName("load: 200 concurrent executions, 10% attackers")
class LoadTest {
    static final ScriptPolicy POLICY = Attacks.STRICT.toBuilder()
            .timeout(Duration.ofSeconds(15))          // never the honest scripts' limit, even on a loaded machine
            .statementLimit(30_000_000)               // stops the loops in well under a second
            .maxAllocatedBytes(64L << 20)
            .build();

    static final String[] ATTACKS = {
        // Interpreted, i is boxed and the allocation budget trips; compiled, the statement limit does.
        "let i = 0; for (;;) { i = (i + 1) | 0; }",
        "const a = []; for (;;) a.push(new Array(100000).fill(a.length));",
        "for (;;) await nango.log('flood '.repeat(200));",
    };
    static final List<List<String>> CODES = List.of(List.of("statement_limit", "memory_limit"), List.of("memory_limit"), List.of("log_limit"));

    @Test
    void everyHonestExecutionIsCorrectAndTheHostAnswersThroughout() throws Exception {
        IntegrationHost host = Attacks.host(POLICY);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> probeMillis = new CopyOnWriteArrayList<>();
        List<String> probeFailures = new CopyOnWriteArrayList<>();
        Thread probe = Thread.ofPlatform().name("load-probe").start(() -> {
            while (running.get()) {
                ExecutionResult r = host.runAction(Attacks.action("return 1 + 1;"), new FakeNango("action"), null);
                probeMillis.add(r.elapsed().toMillis());
                if (r.error() != null || r.output().asInt() != 2) probeFailures.add(String.valueOf(r.error()));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        List<Future<ExecutionResult>> futures = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>(); // -1 honest, else the attack index
        try {
            for (int i = 0; i < 200; i++) {
                int n = i;
                if (i % 10 == 9) {
                    int kind = (i / 10) % ATTACKS.length;
                    kinds.add(kind);
                    futures.add(pool.submit(() -> host.runAction(Attacks.action(ATTACKS[kind]), new FakeNango("action"), null)));
                } else {
                    kinds.add(-1);
                    futures.add(pool.submit(() -> {
                        FakeNango nango = new FakeNango("action");
                        nango.metadata = Attacks.F.objectNode().put("owner", "o" + n);
                        return host.runAction(ConcurrentVictimsTest.VICTIM, nango, Attacks.F.objectNode().put("seed", n).put("n", 5000));
                    }));
                }
            }
            List<Long> honestMillis = new ArrayList<>();
            int[] attackCodes = new int[ATTACKS.length];
            for (int i = 0; i < futures.size(); i++) {
                ExecutionResult r = futures.get(i).get();
                if (kinds.get(i) < 0) {
                    assertThat(r.error()).as("honest execution %d", i).isNull();
                    assertThat(r.output().path("acc").asLong()).isEqualTo(ConcurrentVictimsTest.expected(i, 5000));
                    assertThat(r.output().path("owner").asText()).isEqualTo("o" + i);
                    honestMillis.add(r.elapsed().toMillis());
                } else {
                    assertThat(r.error().code()).as("attacker %d", i).isIn(CODES.get(kinds.get(i)));
                    attackCodes[kinds.get(i)]++;
                }
            }
            long wall = Duration.ofNanos(System.nanoTime() - start).toMillis();
            running.set(false);
            probe.join();
            assertThat(probeFailures).isEmpty();
            assertThat(probeMillis).isNotEmpty();
            System.out.printf("load: 200 executions (180 honest, 20 attackers: %d loops, %d memory bombs, %d log floods) in %d ms on 12 threads;"
                            + " honest p50 %d ms, p95 %d ms, max %d ms; probe %d runs, p50 %d ms, max %d ms%n",
                    attackCodes[0], attackCodes[1], attackCodes[2], wall, pct(honestMillis, 50), pct(honestMillis, 95), pct(honestMillis, 100),
                    probeMillis.size(), pct(probeMillis, 50), pct(probeMillis, 100));
            assertThat(wall).as("the whole load test's wall clock").isLessThan(60_000);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        Attacks.assertHealthy(host);
    }

    static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
