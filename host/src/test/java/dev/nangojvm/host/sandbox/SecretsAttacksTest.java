package dev.nangojvm.host.sandbox;

import static dev.nangojvm.host.sandbox.Attacks.assertDenied;
import static dev.nangojvm.host.sandbox.Attacks.assertRefused;
import static dev.nangojvm.host.sandbox.Attacks.assertHealthy;
import static dev.nangojvm.host.sandbox.Attacks.output;
import static dev.nangojvm.host.sandbox.Attacks.runAction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.host.IntegrationHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Other connections' credentials, and secrets in errors and on the nango object. */
@DisplayName("credentials and secrets")
class SecretsAttacksTest {
    final IntegrationHost host = Attacks.strict();

    @AfterEach
    void hostStaysHealthy() {
        Attacks.assertHealthy(host);
    }

    @Test
    void anotherConnectionsCredentialsAreRefusedBeforeTheBindingIsAsked() {
        FakeNango nango = new FakeNango("action");
        var r = runAction(host, "return await nango.getConnection('other-integration', 'other-connection');", nango);
        assertRefused(host, r, "connection_not_allowed");
        assertThat(r.error().message()).isEqualTo("Error: nango.getConnection: a script may only read its own connection; "
                + "the policy does not allow other connections");
        assertThat(nango.calls).isEmpty();
        assertThat(r.error().toString()).doesNotContain(FakeNango.SECRET);
    }

    @Test
    void changingOnlyTheConnectionIdIsRefusedToo() {
        FakeNango nango = new FakeNango("action");
        var r = runAction(host, """
                const out = [];
                for (const [k, c] of [[undefined, 'conn-2'], ['github', 'conn-2'], ['gitlab', undefined], ['github', 'conn-1 '], ['GITHUB', 'conn-1']]) {
                  try { await nango.getConnection(k, c); out.push('read'); } catch (e) { out.push(e.code); }
                }
                const own = await nango.getConnection();
                const ownExplicit = await nango.getConnection('github', 'conn-1');
                return { out, own: own.connection_id, ownExplicit: ownExplicit.connection_id };
                """, nango);
        assertThat(output(r).toString()).isEqualTo("{\"out\":[\"connection_not_allowed\",\"connection_not_allowed\",\"connection_not_allowed\","
                + "\"connection_not_allowed\",\"connection_not_allowed\"],\"own\":\"conn-1\",\"ownExplicit\":\"conn-1\"}");
        assertThat(nango.calls).containsExactly("getConnection(null,null)", "getConnection(github,conn-1)");
    }

    @Test
    void aPolicyMayAllowOtherConnectionsExplicitly() {
        IntegrationHost open = Attacks.host(Attacks.STRICT.toBuilder().allowOtherConnections(true).build());
        FakeNango nango = new FakeNango("action");
        var r = runAction(open, "const c = await nango.getConnection('other', 'conn-9'); return c.connection_id;", nango);
        assertThat(output(r).asText()).isEqualTo("conn-9");
        assertHealthy(open);
    }

    @Test
    void theNangoObjectCarriesNoCredentialsUntilAsked() {
        var r = runAction(host, """
                const dump = JSON.stringify(nango) + String(Object.values(nango).map((v) => (typeof v === 'function' ? '' : JSON.stringify(v))));
                return { secret: dump.includes('s3cr3t'), token: /access_token|credentials/.test(dump + Object.getOwnPropertyNames(nango)) };
                """);
        assertThat(output(r).toString()).isEqualTo("{\"secret\":false,\"token\":false}");
    }

    @Test
    void aHostFailureNeverForwardsItsMessageToTheScriptOrTheResult() {
        FakeNango nango = new FakeNango("action");
        nango.responder = cfg -> { throw new RuntimeException("connect to db with password=" + FakeNango.SECRET); };
        var r = runAction(host, "await nango.get({ endpoint: '/x' });", nango);
        assertThat(r.error().code()).isEqualTo("script_internal_error");
        assertThat(r.error().toString() + r.error().stack() + r.error().payload()).doesNotContain(FakeNango.SECRET).doesNotContain("password");
        assertHealthy(host);
    }

    @Test
    void budgetErrorsDoNotEchoWhatTheScriptWasDoing() {
        FakeNango nango = new FakeNango("action");
        var r = runAction(host, "const token = (await nango.getConnection()).credentials.access_token; for (;;) await nango.log(token);", nango);
        assertThat(r.error().code()).isEqualTo("log_limit");
        assertThat(r.error().toString() + r.error().stack() + r.error().payload()).doesNotContain(FakeNango.SECRET);
    }
}
