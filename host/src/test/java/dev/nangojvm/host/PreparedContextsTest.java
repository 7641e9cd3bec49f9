package dev.nangojvm.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.policy.ScriptPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Contexts prepared ahead of time are fresh, used once, and gone with the host. */
class PreparedContextsTest {
    private static final ScriptBundle STAMP = ScriptBundle.of("t/actions/stamp", """
            exports.default = async function runAction() {
              const seen = { global: globalThis.__stamp === true, proto: typeof Array.prototype.__stamp, intrinsic: JSON.stringify.__stamp };
              globalThis.__stamp = true;
              Array.prototype.__stamp = 'x';
              JSON.stringify.__stamp = 'y';
              return seen;
            };
            """, null);

    @Test
    void everyExecutionStartsInAnUntouchedRealmWhateverThePoolSize() {
        for (int pool : new int[] {0, 1, 4}) {
            try (IntegrationHost host = IntegrationHost.builder().preparedContexts(pool).build()) {
                for (int i = 0; i < 6; i++) {
                    ExecutionResult r = host.runAction(STAMP, new ScriptedNango("action"), null);
                    assertThat(r.succeeded()).as(String.valueOf(r.error())).isTrue();
                    assertThat(r.output().toString()).as("pool %d, run %d", pool, i)
                            .isEqualTo("{\"global\":false,\"proto\":\"undefined\"}");
                }
            }
        }
    }

    /**
     * Why contexts are never reused: a realm keeps state no reset can be proven to clear. One
     * example is RegExp's legacy statics, which hold the last match of the previous script.
     */
    @Test
    void theLastRegExpMatchOfOneExecutionIsInvisibleToTheNext() {
        try (IntegrationHost host = IntegrationHost.builder().preparedContexts(2).build()) {
            ExecutionResult first = host.runAction(ScriptBundle.of("t/actions/match", """
                    exports.default = async function runAction() { /Bearer (\\w+)/.exec('Bearer s3cr3t'); return { seen: RegExp.$1 }; };
                    """, null), new ScriptedNango("action"), null);
            assertThat(first.output().path("seen").asText()).as("the realm does keep the match").isEqualTo("s3cr3t");
            ExecutionResult next = host.runAction(ScriptBundle.of("t/actions/peek", """
                    exports.default = async function runAction() { return { last: RegExp.lastMatch, group: RegExp.$1 }; };
                    """, null), new ScriptedNango("action"), null);
            assertThat(next.output().toString()).isEqualTo("{\"last\":\"\",\"group\":\"\"}");
        }
    }

    @Test
    void aStatementLimitBreachReachesTheExecutionThatHoldsThePreparedContext() {
        ScriptPolicy policy = ScriptPolicy.standard().toBuilder().statementLimit(100_000).timeout(Duration.ofSeconds(10)).build();
        try (IntegrationHost host = IntegrationHost.builder().policy(policy).preparedContexts(2).build()) {
            ExecutionResult spin = host.runAction(ScriptBundle.of("t/actions/spin", "exports.default = async () => { for (;;) {} };", null),
                    new ScriptedNango("action"), null);
            assertThat(spin.error().code()).isEqualTo("statement_limit");
            ExecutionResult next = host.runAction(STAMP, new ScriptedNango("action"), null);
            assertThat(next.succeeded()).as("the next execution is unaffected: " + next.error()).isTrue();
        }
    }

    @Test
    void contextsArePreparedFromTheFirstExecutionOnAndNoLongerOnceTheHostIsClosed() {
        long before = fillerThreads();
        IntegrationHost host = IntegrationHost.builder().preparedContexts(2).build();
        assertThat(fillerThreads()).as("nothing is prepared before the first execution").isEqualTo(before);
        host.runAction(STAMP, new ScriptedNango("action"), null);
        assertThat(fillerThreads()).isEqualTo(before + 1);
        host.close();
        assertThat(fillerThreads()).isEqualTo(before);
    }

    @Test
    void refusesAPoolSizeOutsideItsRange() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IntegrationHost.builder().preparedContexts(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 64");
    }

    private static long fillerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("nango-jvm-context-filler") && t.isAlive()).count();
    }
}
