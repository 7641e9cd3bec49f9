package dev.nangojvm.host.sandbox;

import static dev.nangojvm.host.sandbox.Attacks.assertHealthy;
import static dev.nangojvm.host.sandbox.Attacks.output;
import static dev.nangojvm.host.sandbox.Attacks.runAction;
import static dev.nangojvm.host.sandbox.Attacks.runSync;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nangojvm.bindings.store.RecordQuery;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.ScriptBundle;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Prototype pollution across executions, and hostile keys in records and metadata. */
@DisplayName("prototype pollution")
class PollutionAttacksTest {
    final IntegrationHost host = Attacks.strict();

    @AfterEach
    void hostStaysHealthy() {
        assertHealthy(host);
    }

    @Test
    void nothingAnExecutionChangesInItsRealmSurvivesIntoTheNext() {
        var polluter = runAction(host, """
                Object.prototype.isAdmin = true;
                Array.prototype.push = function () { return 'hijacked'; };
                JSON.parse = () => ({ hijacked: true });
                Promise.prototype.then = function () { throw new Error('hijacked'); };
                Object.defineProperty(Object.prototype, 'toJSON', { value: () => 'hijacked', configurable: true });
                globalThis.leaked = 'from the previous execution';
                Symbol.for('nango.shared').description;
                String.prototype.trim = () => 'hijacked';
                Math.random = () => 4;
                return 'done';
                """);
        assertThat(polluter.succeeded()).isFalse(); // its own toJSON pollution breaks its own output: its problem only
        var victim = runAction(host, """
                const a = []; a.push(1);
                return { isAdmin: ({}).isAdmin === undefined, push: a.length, parse: JSON.parse('{"x":1}').x,
                         leaked: typeof leaked, trim: ' x '.trim(), random: Math.random() < 1,
                         then: await Promise.resolve(7) };
                """);
        assertThat(output(victim).toString())
                .isEqualTo("{\"isAdmin\":true,\"push\":1,\"parse\":1,\"leaked\":\"undefined\",\"trim\":\"x\",\"random\":true,\"then\":7}");
    }

    @Test
    void pollutingTheRealmCannotChangeWhatTheHostReceives() {
        FakeNango nango = new FakeNango("sync");
        var r = runSync(host, """
                JSON.stringify = () => '{"records":"not an array","model":"Evil"}';
                Object.prototype.model = 'Polluted';
                await nango.batchSave([{ id: '1' }], 'Issue');
                """, nango);
        // The shim serialised with the polluted JSON.stringify: the host refuses what arrives, it does not interpret it.
        assertThat(r.succeeded()).isFalse();
        assertThat(nango.calls).doesNotContain("batchSave");
    }

    @Test
    void aForgedOutputTextIsRefusedAsInvalidNotThrownAtTheCaller() {
        var r = runAction(host, """
                JSON.stringify = () => '{"unterminated": [';
                return { fine: true };
                """);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.error().code()).isEqualTo("script_internal_error");
        assertThat(r.error().message()).startsWith("the script's output is not valid JSON");
    }

    @Test
    void protoAndConstructorKeysInRecordsArePlainData() {
        FakeNango nango = new FakeNango("sync");
        var r = runSync(host, """
                const evil = JSON.parse('{"id":"1","__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}},"prototype":{"x":1}}');
                await nango.batchSave([evil], 'Issue');
                if (({}).isAdmin !== undefined || ({}).polluted !== undefined) throw new Error('the guest realm got polluted');
                """, nango);
        assertThat(r.succeeded()).as("%s", r.error()).isTrue();
        JsonNode saved = nango.saved.getFirst();
        assertThat(saved.get("__proto__").toString()).isEqualTo("{\"isAdmin\":true}");
        assertThat(saved.get("constructor").toString()).isEqualTo("{\"prototype\":{\"polluted\":1}}");
        assertThat(saved.get("prototype").toString()).isEqualTo("{\"x\":1}");
    }

    @Test
    void protoKeysSurviveTheRealStoreAndComeBackAsOwnProperties() {
        try (H2Stores stores = H2Stores.inMemory()) {
            var r = host.runSync(Attacks.sync("""
                    const evil = JSON.parse('{"id":"p1","__proto__":{"isAdmin":true},"constructor":{"name":"x"}}');
                    await nango.batchSave([evil], 'Issue');
                    await nango.setMetadata(JSON.parse('{"__proto__":{"isAdmin":true},"owner":"octo"}'));
                    """), new StoreBackedNango(stores));
            assertThat(r.succeeded()).as("%s", r.error()).isTrue();

            JsonNode stored = stores.records().list(RecordScope.of("github", "conn-1"), "Issue", RecordQuery.defaults()).records().getFirst();
            assertThat(stored.get("__proto__").toString()).isEqualTo("{\"isAdmin\":true}");
            assertThat(stored.get("constructor").toString()).isEqualTo("{\"name\":\"x\"}");

            StoreBackedNango readerNango;
            var reader = host.runSync(ScriptBundle.of("attack/syncs/reader", """
                    exports.default = async (nango) => {
                      const byId = await nango.getRecordsByIds(['p1'], 'Issue');
                      const r = byId.get('p1');
                      const m = await nango.getMetadata();
                      await nango.log(JSON.stringify({
                        recordOwn: Object.prototype.hasOwnProperty.call(r, '__proto__'), recordAdmin: r.isAdmin === undefined,
                        metaOwn: Object.prototype.hasOwnProperty.call(m, '__proto__'), metaAdmin: m.isAdmin === undefined,
                        realm: ({}).isAdmin === undefined }));
                    };
                    """, null), readerNango = new StoreBackedNango(stores));
            assertThat(reader.succeeded()).as("%s", reader.error()).isTrue();
            assertThat(readerNango.logs).extracting(e -> e.message()).containsExactly(
                    "{\"recordOwn\":true,\"recordAdmin\":true,\"metaOwn\":true,\"metaAdmin\":true,\"realm\":true}");
        }
    }

    @Test
    void protoKeysInMetadataArePlainData() {
        FakeNango nango = new FakeNango("action");
        var r = runAction(host, """
                await nango.setMetadata(JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}'));
                await nango.updateMetadata(JSON.parse('{"__proto__":{"more":true}}'));
                const m = await nango.getMetadata();
                return { own: Object.keys(m), admin: m.isAdmin === undefined, realm: ({}).isAdmin === undefined };
                """, nango);
        assertThat(output(r).toString()).isEqualTo("{\"own\":[\"__proto__\",\"constructor\"],\"admin\":true,\"realm\":true}");
        assertThat(nango.metadata.get("__proto__").toString()).isEqualTo("{\"more\":true}");
    }

    @Test
    void aScriptCannotPolluteTheNextTenantsNangoObject() {
        runAction(host, """
                Object.defineProperty(Object.prototype, 'connectionId', { get() { return 'victim'; }, configurable: true });
                nango.getConnection = async () => ({ stolen: true });
                Object.getPrototypeOf(nango.get).call = () => 'hijacked';
                return 'ok';
                """);
        var r = runAction(host, """
                const c = await nango.getConnection();
                return { id: nango.connectionId, own: c.connection_id, stolen: c.stolen === undefined };
                """);
        assertThat(output(r).toString()).isEqualTo("{\"id\":\"conn-1\",\"own\":\"conn-1\",\"stolen\":true}");
    }

    @Test
    void recordsWithGettersAndToJsonAreSerialisedInTheGuestNotCalledByTheHost() {
        FakeNango nango = new FakeNango("sync");
        var r = runSync(host, """
                let calls = 0;
                const record = { id: '1', get secret() { calls++; return 'computed'; }, toJSON() { calls++; return { id: '1', safe: true }; } };
                await nango.batchSave([record], 'Issue');
                await nango.log(String(calls));
                """, nango);
        assertThat(r.succeeded()).as("%s", r.error()).isTrue();
        assertThat(nango.saved.getFirst().toString()).isEqualTo("{\"id\":\"1\",\"safe\":true}");
        assertThat(nango.logs).extracting(e -> e.message()).containsExactly("1");
    }

    static List<String> keys(JsonNode n) {
        return n.propertyStream().map(java.util.Map.Entry::getKey).toList();
    }
}
