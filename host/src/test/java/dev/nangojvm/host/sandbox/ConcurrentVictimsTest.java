package dev.nangojvm.host.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.policy.ScriptPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Attackers and honest victims on one host at the same time: every victim gets its exact answer. */
@DisplayName("concurrent victims are unaffected")
class ConcurrentVictimsTest {
    static final ScriptPolicy POLICY = Attacks.STRICT.toBuilder().timeout(Duration.ofSeconds(6)).maxAllocatedBytes(32L << 20).build();

    static final Map<String, String> ATTACKS = Map.of(
            "execution_timeout", "while (true) {}",
            "memory_limit", "const a = []; for (;;) a.push(new Array(100000).fill(a.length));",
            "log_limit", "for (;;) await nango.log('flood '.repeat(100));",
            "timer_limit", "for (;;) setTimeout(() => {}, 1e9);",
            "output_too_large", "return 'x'.repeat(200000);",
            "payload_too_large", "await nango.setMetadata({ blob: 'm'.repeat(100000) });");

    static final ScriptBundle VICTIM = ScriptBundle.of("honest/actions/victim", """
            exports.default = async (nango, input) => {
              const m = await nango.getMetadata();
              let acc = 0;
              for (let i = 0; i < input.n; i++) acc = (acc * 31 + i * input.seed) % 1000003;
              await new Promise((ok) => setTimeout(ok, 5));
              const page = await nango.get({ endpoint: '/v/' + input.seed });
              return { seed: input.seed, acc, owner: m.owner, echo: page.data.echo, proto: Object.keys(Object.prototype).length };
            };
            """, null);

    static long expected(int seed, int n) {
        long acc = 0;
        for (int i = 0; i < n; i++) acc = (acc * 31 + (long) i * seed) % 1000003;
        return acc;
    }

    @Test
    void everyVictimGetsItsOwnCorrectResultWhileAttackersAreStopped() throws Exception {
        IntegrationHost host = Attacks.host(POLICY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ExecutionResult>> attackers = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (var attack : ATTACKS.entrySet()) {
                codes.add(attack.getKey());
                attackers.add(pool.submit(() -> host.runAction(Attacks.action(attack.getValue()), new FakeNango("action"), null)));
            }
            List<Future<ExecutionResult>> victims = new ArrayList<>();
            for (int seed = 1; seed <= 24; seed++) {
                int s = seed;
                victims.add(pool.submit(() -> {
                    FakeNango nango = new FakeNango("action");
                    nango.metadata = Attacks.F.objectNode().put("owner", "owner-" + s);
                    return host.runAction(VICTIM, nango, Attacks.F.objectNode().put("seed", s).put("n", 20000));
                }));
            }
            for (int i = 0; i < victims.size(); i++) {
                int seed = i + 1;
                ExecutionResult r = victims.get(i).get();
                assertThat(r.error()).as("victim %d", seed).isNull();
                assertThat(r.output().toString()).isEqualTo("{\"seed\":" + seed + ",\"acc\":" + expected(seed, 20000) + ",\"owner\":\"owner-" + seed
                        + "\",\"echo\":\"/v/" + seed + "\",\"proto\":0}");
            }
            for (int i = 0; i < attackers.size(); i++) {
                var error = attackers.get(i).get().error();
                // A refusal the script could have caught reports its code in the payload, as Nango's SDK errors do.
                String code = error.code().equals("script_internal_error") ? error.payload().path("code").asText() : error.code();
                assertThat(code).isEqualTo(codes.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        Attacks.assertHealthy(host);
    }
}
