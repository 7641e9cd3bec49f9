package dev.nangojvm.host.sandbox;

import static dev.nangojvm.host.sandbox.Attacks.assertDenied;
import static dev.nangojvm.host.sandbox.Attacks.assertHealthy;
import static dev.nangojvm.host.sandbox.Attacks.output;
import static dev.nangojvm.host.sandbox.Attacks.runAction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Memory bombs against the allocation budget (48 MiB in this class), huge outputs, and deep
 * recursion, which must be a clean script error and never a host {@link StackOverflowError}.
 */
@DisplayName("memory bombs, huge values, deep recursion")
class MemoryAttacksTest {
    final IntegrationHost host = Attacks.host(Attacks.STRICT_MEMORY);

    @AfterEach
    void hostStaysHealthy() {
        Attacks.assertHealthy(host);
    }

    private void outOfMemory(String body) {
        ExecutionResult r = runAction(host, body);
        // Kept in the test output: how long after the breach each bomb took to stop (the in-process boundary is soft).
        System.out.printf("memory bomb [%s] -> %s after %d ms%n", body, r.error() == null ? "no error" : r.error().code(), r.elapsed().toMillis());
        assertDenied(host, r, "memory_limit");
        assertThat(r.error().message()).startsWith("the script allocated more than " + Attacks.STRICT_MEMORY.maxAllocatedBytes() + " bytes");
    }

    @Test
    void anEverGrowingArrayOfObjects() {
        outOfMemory("const a = []; for (;;) a.push({ n: a.length, s: 'item' + a.length });");
    }

    @Test
    void aStringDoubledUntilItIsFlattened() {
        outOfMemory("let s = 'x'; for (let i = 0; i < 29; i++) s += s; return s.indexOf('y');");
    }

    @Test
    void oneHugeRepeat() {
        // One builtin allocates 256 MiB in one step: the budget is overshot by that block, then the run is stopped.
        outOfMemory("const s = 'x'.repeat(2 ** 28); return s.length + s.lastIndexOf('y');");
    }

    @Test
    void aHugeArrayBuffer() {
        outOfMemory("const b = new Uint8Array(512 * 1024 * 1024); b.fill(1); return b.length;");
    }

    @Test
    void aHugeDenseArray() {
        outOfMemory("return new Array(1e8).fill(0).length;");
    }

    @Test
    void aMillionPendingPromises() {
        outOfMemory("const p = []; for (;;) p.push(new Promise(() => {}));");
    }

    @Test
    void anEverGrowingMap() {
        outOfMemory("const m = new Map(); for (let i = 0; ; i++) m.set(i, { i });");
    }

    @Test
    void aJsonStringifyBombOfSharedSubtrees() {
        // 2^17 leaves reached through shared references: tiny to build, 65 MB to serialise. JSON.stringify does
        // not poll for cancellation, so the stop waits for it to finish (the in-process boundary is soft).
        outOfMemory("let x = ['x'.repeat(500)]; for (let i = 0; i < 17; i++) x = [x, x]; return JSON.stringify(x).length;");
    }

    @Test
    void aJsonParseOfAHugeDocument() {
        outOfMemory("const doc = '[' + '{\"a\":[1,2,3],\"b\":\"text\"},'.repeat(2.5e5) + '{}]'; return JSON.parse(doc).length;");
    }

    @Test
    void deepRecursionIsACatchableRangeError() {
        var r = runAction(host, """
                const f = (n) => f(n + 1) + 1;
                try { f(0); } catch (e) { return e.name + ': ' + e.message; }
                """);
        assertThat(output(r).asText()).isEqualTo("RangeError: Maximum call stack size exceeded");
        assertHealthy(host);
    }

    @Test
    void uncaughtDeepRecursionIsAScriptErrorNotAHostCrash() {
        var r = runAction(host, "const f = () => f(); f();");
        assertThat(r.error().code()).isEqualTo("script_internal_error");
        assertThat(r.error().message()).isEqualTo("RangeError: Maximum call stack size exceeded");
        assertHealthy(host);
    }

    @Test
    void deepNestingInsideBuiltins() {
        IntegrationHost strict = Attacks.strict();
        var r = runAction(strict, """
                const out = [];
                let deep = {}; for (let i = 0; i < 200000; i++) deep = { d: deep };
                try { JSON.stringify(deep); out.push('stringified'); } catch (e) { out.push(e.name); }
                try { JSON.parse('['.repeat(200000) + ']'.repeat(200000)); out.push('parsed'); } catch (e) { out.push(e.name); }
                let arr = []; for (let i = 0; i < 200000; i++) arr = [arr];
                try { String(arr); out.push('joined'); } catch (e) { out.push(e.name); }
                return out;
                """);
        assertThat(output(r)).allSatisfy(n -> assertThat(n.asText()).isIn("RangeError", "SyntaxError", "stringified", "parsed", "joined"));
        assertHealthy(strict);
    }

    @Test
    void anOversizedActionOutput() {
        var r = runAction(host, "return 'x'.repeat(100000);");
        assertDenied(host, r, "output_too_large");
        assertThat(r.error().message()).isEqualTo("Output size is too large: 100002 characters. Maximum allowed size is 65536 bytes.");
    }

    @Test
    void anOutputOfMultiByteCharactersIsMeasuredInUtf8Bytes() {
        var r = runAction(host, "return '\u00e9'.repeat(40000);"); // 40,002 characters, 80,002 UTF-8 bytes
        assertDenied(host, r, "output_too_large");
        assertThat(r.error().message()).isEqualTo("Output size is too large: 80002 bytes. Maximum allowed size is 65536 bytes.");
    }

    @Test
    void anOutputJustUnderTheLimitPasses() {
        var r = runAction(host, "return 'x'.repeat(65536 - 2);");
        assertThat(output(r).asText()).hasSize(65534);
    }

    @Test
    void aHugeOutputBuiltFromSharedReferencesIsStoppedBeforeItReachesTheHost() {
        var r = runAction(host, "const row = { text: 'y'.repeat(1000) }; return new Array(100000).fill(row);");
        assertThat(r.error().code()).isIn("output_too_large", "memory_limit");
        assertHealthy(host);
    }
}
