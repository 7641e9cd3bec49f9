package dev.nangojvm.host.sandbox;

import static dev.nangojvm.host.sandbox.Attacks.output;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.Isolation;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.policy.ScriptPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Worker isolation: the attacks the in-process boundary can only soften (one allocation larger
 * than the heap, builtins that ignore cancellation) end in a dead worker, never a sick host.
 */
@DisplayName("worker isolation")
class WorkerIsolationTest {
    static final ScriptPolicy POLICY = Attacks.STRICT.toBuilder()
            .timeout(Duration.ofSeconds(1))
            .maxAllocatedBytes(0) // let the worker's own -Xmx be the limit
            .build();
    static IntegrationHost host;

    @BeforeAll
    static void start() {
        long t = System.nanoTime();
        host = IntegrationHost.builder().policy(POLICY).isolation(Isolation.WORKER_PROCESSES).workers(2)
                .workerHeapBytes(256L << 20)
                // Interpreter-only workers: they start in about a second and need less heap.
                .workerJvmArgs(List.of("-Xss4m", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                        "-Dpolyglot.engine.WarnInterpreterOnly=false"))
                .build();
        System.out.printf("isolation cost: 2 worker JVMs ready in %d ms%n", (System.nanoTime() - t) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static ExecutionResult run(String body) {
        return host.runAction(Attacks.action(body), new FakeNango("action"), null);
    }

    static void healthy() {
        var r = host.runAction(ScriptBundle.of("honest/actions/w", "exports.default = async (n, i) => ({ sum: i.a + i.b });", null),
                new FakeNango("action"), Attacks.F.objectNode().put("a", 2).put("b", 3));
        assertThat(r.error()).isNull();
        assertThat(r.output().toString()).isEqualTo("{\"sum\":5}");
    }

    @Test
    void theNangoObjectWorksAcrossTheProcessBoundary() {
        FakeNango nango = new FakeNango("sync");
        nango.metadata = Attacks.F.objectNode().put("owner", "octo");
        var r = host.runSync(Attacks.sync("""
                const m = await nango.getMetadata();
                const [a, b] = await Promise.all([nango.get({ endpoint: '/a' }), nango.get({ endpoint: '/b' })]);
                await nango.log('fetched', { owner: m.owner });
                await nango.batchSave([{ id: '1', a: a.data.echo, b: b.data.echo, owner: m.owner }], 'Issue');
                try { await nango.getConnection('other', 'conn-9'); } catch (e) { await nango.log(e.code); }
                """), nango);
        assertThat(r.succeeded()).as("%s", r.error()).isTrue();
        assertThat(nango.saved.getFirst().toString()).isEqualTo("{\"id\":\"1\",\"a\":\"/a\",\"b\":\"/b\",\"owner\":\"octo\"}");
        assertThat(nango.logs).extracting(e -> e.message()).containsExactly("fetched", "connection_not_allowed");
        assertThat(nango.finishedWith).isTrue();
    }

    @Test
    void oneAllocationLargerThanTheWorkersHeapKillsOnlyThatWorker() {
        var r = run("const s = 'x'.repeat(2 ** 29); return s.length;");
        assertThat(r.error().code()).isEqualTo("memory_limit");
        assertThat(r.error().message()).isEqualTo("the script exhausted its worker's 256 MiB heap and the worker was stopped; "
                + "allocate less, or give workers more heap");
        healthy();
    }

    @Test
    void aRetentionBombFillsTheWorkersHeapNotTheHosts() {
        var r = run("const a = []; for (;;) a.push('x'.repeat(2 ** 25) + a.length);");
        // Normally the worker's heap runs out; on a starved machine its collector may still be thrashing at the
        // deadline, and then the worker is killed. Either way the bomb stays in the worker.
        assertThat(r.error().code()).isIn("memory_limit", "execution_timeout");
        healthy();
    }

    @Test
    void aBuiltinThatIgnoresCancellationIsEndedByKillingTheWorker() {
        // JSON.stringify over 2^24 leaves shared through a DAG: tiny to build, and the builtin does not poll for
        // cancellation, so in process it runs on for seconds after close(true). The worker is killed instead.
        var r = run("let x = [0]; for (let i = 0; i < 24; i++) x = [x, x]; return JSON.stringify(x).length;");
        assertThat(r.error().code()).isEqualTo("execution_timeout");
        assertThat(r.error().message()).contains("its worker was killed");
        assertThat(r.elapsed()).isLessThan(POLICY.actionTimeout().plus(Duration.ofSeconds(2)).plus(CpuAttacksTest.SLACK));
        healthy();
    }

    @Test
    void aVictimOnTheOtherWorkerIsUnaffectedWhileABombKillsItsOwn() {
        var bomb = CompletableFuture.supplyAsync(() -> run("const s = 'y'.repeat(2 ** 29); return s.length;"));
        var victim = CompletableFuture.supplyAsync(() -> run("let x = 0; for (let i = 0; i < 1e5; i++) x += i; return x;"));
        assertThat(output(victim.join()).asLong()).isEqualTo(4999950000L);
        assertThat(bomb.join().error().code()).isEqualTo("memory_limit");
        healthy();
    }

    @Test
    void reportsWhatIsolationCosts() throws Exception {
        ScriptBundle tiny = ScriptBundle.of("honest/actions/tiny", """
                exports.default = async (nango) => { const m = await nango.getMetadata(); return { ok: true, m }; };
                """, null);
        IntegrationHost inProcess = Attacks.host(POLICY);
        long[] worker = new long[30];
        long[] local = new long[30];
        for (int i = 0; i < 40; i++) {
            long w = host.runAction(tiny, new FakeNango("action"), null).elapsed().toNanos();
            long l = inProcess.runAction(tiny, new FakeNango("action"), null).elapsed().toNanos();
            if (i >= 10) {
                worker[i - 10] = w;
                local[i - 10] = l;
            }
        }
        java.util.Arrays.sort(worker);
        java.util.Arrays.sort(local);
        long rssKb = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("WorkerMain"))
                .mapToLong(p -> rss(p.pid())).max().orElse(-1);
        System.out.printf("isolation cost: tiny action p50 in-process %.1f ms, worker %.1f ms (p90 %.1f / %.1f ms); worker RSS %d MiB%n",
                local[15] / 1e6, worker[15] / 1e6, local[27] / 1e6, worker[27] / 1e6, rssKb / 1024);
        assertThat(worker[15]).isPositive();
    }

    static long rss(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Test
    void ordinaryBudgetsStillWorkInsideAWorker() {
        assertThat(run("while (true) {}").error().code()).isEqualTo("execution_timeout");
        assertThat(run("return 'x'.repeat(100000);").error().code()).isEqualTo("output_too_large");
        assertThat(run("for (;;) setTimeout(() => {}, 1e9);").error().code()).isEqualTo("timer_limit");
        healthy();
    }
}
