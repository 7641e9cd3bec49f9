package dev.nangojvm.host.sandbox;

import static dev.nangojvm.host.sandbox.Attacks.assertDenied;
import static dev.nangojvm.host.sandbox.Attacks.assertRefused;
import static dev.nangojvm.host.sandbox.Attacks.assertHealthy;
import static dev.nangojvm.host.sandbox.Attacks.output;
import static dev.nangojvm.host.sandbox.Attacks.runAction;
import static dev.nangojvm.host.sandbox.Attacks.runSync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Floods of what crosses into the host: logs, timers, records, metadata, checkpoints, oversized
 * bridge messages either way, and rejections nobody handles.
 */
@DisplayName("floods and oversized payloads")
class FloodAttacksTest {
    final IntegrationHost host = Attacks.strict();

    @AfterEach
    void hostStaysHealthy() {
        Attacks.assertHealthy(host);
    }

    private static long logChars(FakeNango nango) {
        return nango.logs.stream().mapToLong(e -> e.message().length() + (e.meta() == null ? 0 : e.meta().toString().length())).sum();
    }

    @Test
    void aLogFlood() {
        FakeNango nango = new FakeNango("action");
        ExecutionResult r = runAction(host, "for (let i = 0; ; i++) await nango.log('line ' + i, { level: 'info' });", nango);
        assertDenied(host, r, "log_limit");
        assertThat(logChars(nango)).isLessThanOrEqualTo(Attacks.STRICT.maxLogBytes());
    }

    @Test
    void oneHugeLogMessageNeverReachesTheBinding() {
        FakeNango nango = new FakeNango("action");
        ExecutionResult r = runAction(host, "await nango.log('x'.repeat(50 * 1024 * 1024)); return 'survived';", nango);
        assertDenied(host, r, "log_limit");
        assertThat(nango.logs).isEmpty();
    }

    @Test
    void aConsoleFloodWithHugeMetadata() {
        FakeNango nango = new FakeNango("action");
        ExecutionResult r = runAction(host, "const meta = { blob: 'y'.repeat(10000) }; for (;;) console.log('row', meta);", nango);
        assertDenied(host, r, "log_limit");
        assertThat(logChars(nango)).isLessThanOrEqualTo(Attacks.STRICT.maxLogBytes());
    }

    @Test
    void aSetTimeoutStorm() {
        ExecutionResult r = runAction(host, "for (let i = 0; ; i++) setTimeout(() => {}, 1e9);");
        assertDenied(host, r, "timer_limit");
        assertThat(r.error().message()).isEqualTo("the script had more than 50 timers pending and was stopped; "
                + "await timers instead of scheduling them in bulk");
    }

    @Test
    void aStormOfShortTimersThatAllFireStillCountsWhilePending() {
        ExecutionResult r = runAction(host, "await Promise.all(Array.from({ length: 500 }, () => new Promise((ok) => setTimeout(ok, 5))));");
        assertDenied(host, r, "timer_limit");
    }

    @Test
    void timersWithinTheCapRunNormally() {
        var r = runAction(host, """
                let fired = 0;
                await Promise.all(Array.from({ length: 40 }, (_, i) => new Promise((ok) => setTimeout(() => { fired++; ok(); }, i % 5))));
                return fired;
                """);
        assertThat(output(r).asInt()).isEqualTo(40);
    }

    @Test
    void unhandledRejectionsDoNotChangeTheResultNorLeakIntoTheNextExecution() {
        var r = runAction(host, """
                for (let i = 0; i < 1000; i++) Promise.reject(new Error('nobody listens ' + i));
                (async () => { throw new Error('async nobody'); })();
                setTimeout(() => { throw new Error('thrown by a timer'); }, 0);
                await new Promise((ok) => setTimeout(ok, 5));
                return 'still fine';
                """);
        assertThat(output(r).asText()).isEqualTo("still fine");
        assertHealthy(host);
    }

    @Test
    void tooManyRecordsInOneBatchNeverReachTheBinding() {
        FakeNango nango = new FakeNango("sync");
        var r = runSync(host, "await nango.batchSave(Array.from({ length: 101 }, (_, i) => ({ id: String(i) })), 'Issue');", nango);
        assertRefused(host, r, "payload_too_large");
        assertThat(r.error().message()).isEqualTo("Error: nango.batchSave: at most 100 records per call, got 101; split the records into smaller batches");
        assertThat(nango.calls).doesNotContain("batchSave");
    }

    @Test
    void aScriptThatCatchesTheRefusalCanSplitItsBatches() {
        FakeNango nango = new FakeNango("sync");
        var r = runSync(host, """
                const records = Array.from({ length: 250 }, (_, i) => ({ id: String(i) }));
                try { await nango.batchSave(records, 'Issue'); } catch (e) {
                  if (e.code !== 'payload_too_large') throw e;
                  for (let i = 0; i < records.length; i += 100) await nango.batchSave(records.slice(i, i + 100), 'Issue');
                }
                """, nango);
        assertThat(r.succeeded()).as("%s", r.error()).isTrue();
        assertThat(nango.saved).hasSize(250);
    }

    @Test
    void oversizedMetadataNeverReachesTheBinding() {
        FakeNango nango = new FakeNango("action");
        var r = runAction(host, "await nango.setMetadata({ blob: 'm'.repeat(5000) });", nango);
        assertRefused(host, r, "payload_too_large");
        assertThat(r.error().message()).isEqualTo("Error: nango.setMetadata: its argument is more than 4096 bytes of JSON; "
                + "store less; raise ScriptPolicy.maxMetadataBytes if this is legitimate");
        assertThat(nango.calls).doesNotContain("setMetadata");
    }

    @Test
    void oversizedMetadataCountsUtf8Bytes() {
        FakeNango nango = new FakeNango("action");
        var r = runAction(host, "await nango.updateMetadata({ blob: '\u20ac'.repeat(1500) });", nango); // 1,500 chars, 4,500 bytes
        assertRefused(host, r, "payload_too_large");
        assertThat(nango.calls).doesNotContain("updateMetadata");
    }

    @Test
    void anOversizedCheckpointNeverReachesTheBinding() {
        FakeNango nango = new FakeNango("sync");
        var r = runSync(host, "await nango.saveCheckpoint({ cursor: 'c'.repeat(5000) });", nango);
        assertRefused(host, r, "payload_too_large");
        assertThat(nango.calls).doesNotContain("saveCheckpoint");
    }

    @Test
    void aBridgeMessageOverTheCapIsRefusedBeforeItCrosses() {
        FakeNango nango = new FakeNango("sync");
        var r = runSync(host, "await nango.batchSave(Array.from({ length: 30 }, (_, i) => ({ id: String(i), blob: 'b'.repeat(10000) })), 'Issue');", nango);
        assertRefused(host, r, "payload_too_large");
        assertThat(r.error().message()).startsWith("Error: payload_too_large: the argument of nango.batchSave is 300");
        assertThat(nango.calls).isEmpty();
    }

    @Test
    void anAnswerOverTheCapNeverReachesTheScript() {
        FakeNango nango = new FakeNango("action");
        nango.responder = cfg -> FakeNango.ok(FakeNango.F.textNode("r".repeat(300_000)));
        var r = runAction(host, "try { await nango.get({ endpoint: '/huge' }); return 'received'; } catch (e) { return e.code + ': ' + e.message; }", nango);
        assertThat(output(r).asText()).startsWith("payload_too_large: the answer of nango.proxy: it is 3000");
        assertThat(nango.calls).containsExactly("proxy");
        assertHealthy(host);
    }

    @Test
    void tooManyIdsInGetRecordsByIds() {
        FakeNango nango = new FakeNango("sync");
        var r = runSync(host, "await nango.getRecordsByIds(Array.from({ length: 101 }, (_, i) => String(i)), 'Issue');", nango);
        assertRefused(host, r, "payload_too_large");
        assertThat(nango.calls).doesNotContain("getRecordsByIds");
    }
}
