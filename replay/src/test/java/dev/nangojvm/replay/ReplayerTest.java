package dev.nangojvm.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.host.ScriptBundle;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The acme fixture's tests replayed in GraalJS against hand-written CJS bundles of its scripts. */
class ReplayerTest {
    static Path resources;
    static Replayer replayer;
    static Map<String, ReplayCase> cases;

    @BeforeAll
    static void setUp() throws URISyntaxException {
        resources = Path.of(ReplayerTest.class.getResource("/projects").toURI());
        replayer = Replayer.builder().providers(ProviderCatalog.load(resources.resolve("providers.yaml"))).build();
        cases = CaseDiscovery.discover(resources.resolve("acme")).stream()
                .collect(Collectors.toMap(ReplayCase::scriptName, Function.identity()));
    }

    @AfterAll
    static void tearDown() {
        replayer.close();
    }

    static CaseResult replay(String script) throws IOException, URISyntaxException {
        ReplayCase c = cases.get(script);
        Path bundle = Path.of(ReplayerTest.class.getResource("/bundles/acme").toURI()).resolve(c.kind().folder()).resolve(script + ".js");
        return replayer.run(c, ScriptBundle.of("acme/" + c.kind().folder() + "/" + script, Files.readString(bundle), null));
    }

    @Test
    void onlyGeneratedTestsAreCases() {
        assertThat(cases.keySet()).containsExactlyInAnyOrder("contacts", "create-contact", "stamp", "explode", "token", "list-things");
    }

    @Test
    void aSyncPassesWithPaginationUndefinedParamsDatesAndTheSecondRunsBatchDelete() throws Exception {
        CaseResult r = replay("contacts");
        assertThat(r.detail()).isEmpty();
        assertThat(r.status()).isEqualTo(Status.PASS);
        // two runs, two pages each
        assertThat(r.mockReads()).hasSize(4).allMatch(f -> f.startsWith("nango/get/proxy/v1/contacts/contacts/"));
    }

    @Test
    void anActionSeesTheMocksNangoAndItsOutputIsComparedWithToEqual() throws Exception {
        assertThat(replay("create-contact").status()).isEqualTo(Status.PASS);
        assertThat(replay("list-things").status()).isEqualTo(Status.PASS);
    }

    @Test
    void aDateIsNotTheIsoStringOfTheRecording() throws Exception {
        CaseResult r = replay("stamp");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.difference()).isEqualTo(new Difference("$.at", "\"1970-01-01T00:00:00.000Z\"", "Date(1970-01-01T00:00:00.000Z)"));
        assertThat(r.detail()).startsWith("output differs from mocks/stamp/output.json at $.at");
    }

    @Test
    void thrownActionErrorsAndMissingMembersAreErrors() throws Exception {
        CaseResult explode = replay("explode");
        assertThat(explode.status()).isEqualTo(Status.ERROR);
        assertThat(explode.detail()).contains("nango.ActionError thrown").contains("{\"message\":\"nope\"}");
        CaseResult token = replay("token");
        assertThat(token.status()).isEqualTo(Status.ERROR);
        assertThat(token.detail()).contains("getToken is not a function");
    }
}
