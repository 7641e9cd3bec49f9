package dev.nangojvm.host.sandbox;

import static dev.nangojvm.host.sandbox.Attacks.assertDenied;
import static dev.nangojvm.host.sandbox.Attacks.output;
import static dev.nangojvm.host.sandbox.Attacks.runAction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.policy.ScriptPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runaway CPU: loops the script cannot catch its way out of, microtask chains that never yield to
 * the host, ReDoS, loops hidden in callbacks the host or the shim calls. Each ends with
 * {@code execution_timeout} (or {@code statement_limit}) within about a second of the budget.
 */
@DisplayName("runaway CPU")
class CpuAttacksTest {
    /** How late a stop may come on a loaded 2-core CI machine: the budget plus this. */
    static final Duration SLACK = Duration.ofMillis(2500);

    final IntegrationHost host = Attacks.quick();

    private void timesOut(String body) {
        timesOut(runAction(host, body));
    }

    private void timesOut(ExecutionResult r) {
        assertThat(r.elapsed()).isLessThan(Attacks.STRICT_QUICK.actionTimeout().plus(SLACK));
        assertDenied(host, r, "execution_timeout");
    }

    @Test
    void aTightLoop() {
        timesOut("while (true) {}");
    }

    @Test
    void aLoopThatCatchesEverythingAndLoopsAgainInFinally() {
        timesOut("for (;;) { try { for (;;) {} } catch (e) { } finally { for (;;) {} } }");
    }

    @Test
    void aPromiseChainThatNeverYieldsToTheHost() {
        timesOut("const f = () => Promise.resolve().then(f); f(); await new Promise(() => {});");
    }

    @Test
    void anAwaitLoopThatStarvesTheEventLoop() {
        timesOut("for (;;) { await null; }");
    }

    @Test
    void anEndlessAsyncGenerator() {
        timesOut("for await (const x of (async function* () { for (;;) yield 1; })()) { }");
    }

    @Test
    void aPromiseThatNeverSettles() {
        timesOut("await new Promise(() => {});");
    }

    @Test
    void reDosWithABackreferenceThatForcesBacktracking() {
        timesOut("return /(a+a+)+\\1b/.test('a'.repeat(60));");
    }

    @Test
    void classicReDosIsEitherMatchedInLinearTimeOrStopped() {
        // TRegex starts with a backtracking interpreter and switches to an automaton once the regex is
        // hot, so whether /(a+)+$/ stalls depends on what ran before: both outcomes are bounded.
        var r = runAction(host, "return /(a+)+$/.test('a'.repeat(50000) + '!');");
        assertThat(r.elapsed()).isLessThan(Attacks.STRICT_QUICK.actionTimeout().plus(SLACK));
        if (r.succeeded()) {
            assertThat(r.output().asBoolean()).isFalse();
            Attacks.assertHealthy(host);
        } else {
            assertDenied(host, r, "execution_timeout");
        }
    }

    @Test
    void reDosOnInputTheScriptFetched() {
        FakeNango nango = new FakeNango("action");
        nango.responder = cfg -> FakeNango.ok(FakeNango.F.textNode("x".repeat(60)));
        timesOut(runAction(host, "const r = await nango.get({ endpoint: '/text' }); return /(x+x+)+\\1y/.test(r.data);", nango));
    }

    @Test
    void aLoopInsideAComparatorCalledByABuiltin() {
        timesOut("[3, 2, 1].sort(() => { for (;;) {} });");
    }

    @Test
    void aLoopInTheOnPageCallbackOfPaginate() {
        FakeNango nango = new FakeNango("action");
        nango.pages = List.of(FakeNango.F.arrayNode().add(1), FakeNango.F.arrayNode().add(2));
        timesOut(runAction(host, """
                const config = { endpoint: '/items', paginate: { type: 'cursor', on_page: async () => { for (;;) {} } } };
                for await (const page of nango.paginate(config)) { }
                """, nango));
    }

    @Test
    void aLoopInAGetterTheHostTriggersWhileDescribingTheError() {
        timesOut("throw { get message() { for (;;) {} }, get stack() { for (;;) {} } };");
    }

    @Test
    void aLoopInToJsonTheRuntimeCallsWhileSerialisingTheOutput() {
        timesOut("return { toJSON() { for (;;) {} } };");
    }

    @Test
    void aLoopInAProxyTrapReachedBySerialisation() {
        timesOut("return new Proxy({}, { ownKeys() { for (;;) {} } });");
    }

    @Test
    void aLoopInATimerCallback() {
        timesOut("await new Promise((resolve) => setTimeout(() => { for (;;) {} }, 1));");
    }

    @Test
    void builtinsThatIgnoreCancellationRefuseHugeArrayLikes() {
        // Measured: Array.prototype.indexOf.call({ length: 2 ** 32 - 1 }) runs for minutes after close(true).
        var r = runAction(host, """
                const out = [];
                const huge = { length: 2 ** 32 - 1 };
                for (const f of [() => Array.prototype.indexOf.call(huge, 1), () => Array.prototype.splice.call(huge, 1, 2),
                                 () => Array.prototype.shift.call(huge), () => Array.prototype.flat.call(huge),
                                 () => Array.prototype.slice.call(huge, 0, 2 ** 25), () => Array.prototype.toSpliced.call(huge, 1),
                                 () => Array.from(huge), () => { const a = []; a.length = 2 ** 32 - 1; return a.toReversed(); }]) {
                  try { f(); out.push('ran'); } catch (e) { out.push(e.name); }
                }
                const ordinary = [3, 1, 2];
                return { out, ordinary: [ordinary.indexOf(2), ordinary.slice(1).length, Array.from({ length: 3 }, (_, i) => i * 2).join(),
                                         Array.prototype.indexOf.call({ length: 3, 0: 'a', 1: 'b' }, 'b'), ordinary.toReversed().join()] };
                """);
        assertThat(output(r).toString()).isEqualTo("{\"out\":[\"RangeError\",\"RangeError\",\"RangeError\",\"RangeError\",\"RangeError\","
                + "\"RangeError\",\"RangeError\",\"RangeError\"],\"ordinary\":[2,2,\"0,2,4\",1,\"2,1,3\"]}");
        Attacks.assertHealthy(host);
    }

    @Test
    void theStatementLimitStopsALoopBeforeTheClock() {
        IntegrationHost limited = Attacks.host(Attacks.STRICT.toBuilder().statementLimit(1_000_000).build());
        var r = runAction(limited, "let i = 0; for (;;) { i++; }");
        assertDenied(limited, r, "statement_limit");
        assertThat(r.error().message()).isEqualTo("the script ran more than 1000000 statements and was stopped; "
                + "raise ScriptPolicy.statementLimit if this is legitimate");
    }

    @Test
    void underTheStrictBudgetsALoopThatAllocatesTripsTheAllocationBudgetFirst() {
        IntegrationHost strict = Attacks.strict();
        var r = runAction(strict, "const f = () => Promise.resolve().then(f); f(); await new Promise(() => {});");
        assertDenied(strict, r, "memory_limit");
    }

    @Test
    void syncsHaveTheirOwnClock() {
        IntegrationHost h = Attacks.host(Attacks.STRICT.toBuilder().syncTimeout(Duration.ofMillis(600)).build());
        var r = h.runSync(Attacks.sync("for (;;) {}"), new FakeNango("sync"));
        assertDenied(h, r, "execution_timeout");
        assertThat(r.error().message()).isEqualTo("the script ran longer than its 600 ms limit and was stopped; "
                + "raise the timeout in ScriptPolicy if the run is legitimate");
    }

}
