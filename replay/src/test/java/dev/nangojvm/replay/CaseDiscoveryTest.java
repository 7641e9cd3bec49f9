package dev.nangojvm.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseDiscoveryTest {
    private static final Path DIR = Path.of("/p/acme");

    @Test
    void readsTheImportedScriptTheMockNameAndTheModels() {
        String source = """
                import { vi, expect, it, describe } from 'vitest';

                import fetchData from '../syncs/contacts.js';

                describe('acme contacts tests', () => {
                    const nangoMock = new global.vitest.NangoSyncMock({
                        dirname: __dirname,
                        name: "all-contacts",
                        Model: 'Contact,Company'
                    });
                """;
        ReplayCase c = CaseDiscovery.parse(DIR, DIR.resolve("tests/acme-contacts.test.ts"), source).orElseThrow();
        assertThat(c.kind()).isEqualTo(ScriptKind.SYNC);
        assertThat(c.scriptName()).isEqualTo("contacts");
        assertThat(c.mockName()).isEqualTo("all-contacts");
        assertThat(c.models()).isEqualTo(List.of("Contact", "Company"));
        assertThat(c.integrationId()).isEqualTo("acme");
        assertThat(c.mocks().mocksDir()).isEqualTo(Path.of("/p/acme/mocks"));
    }

    @Test
    void anActionTestAndAHandWrittenOne() {
        String action = "import runAction from '../actions/create-user.js';\n"
                + "const nangoMock = new global.vitest.NangoActionMock({ dirname: __dirname, name: 'create-user', Model: 'User' });";
        assertThat(CaseDiscovery.parse(DIR, DIR.resolve("tests/t.test.ts"), action).orElseThrow().kind()).isEqualTo(ScriptKind.ACTION);
        assertThat(CaseDiscovery.parse(DIR, DIR.resolve("tests/p.pagination.test.ts"), "class MyMock {}")).isEmpty();
        assertThatThrownBy(() -> CaseDiscovery.parse(DIR, DIR.resolve("tests/t.test.ts"), "new global.vitest.NangoActionMock({name: 'x'})"))
                .hasMessageContaining("no default import");
    }
}
