package dev.nangojvm.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptCompilerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bundlesEveryScriptInOneEsbuildRunAndServesUnchangedOnesFromCache(@TempDir Path tmp) throws Exception {
        Path root = Fixtures.copy("basic", tmp);
        ScriptCompiler compiler = Fixtures.compiler();

        CompileResult first = compiler.compile(NangoProject.load(root));
        assertThat(first.diagnostics()).isEmpty();
        assertThat(first.esbuildRuns()).isEqualTo(1);
        assertThat(first.scripts()).extracting(CompiledScript::bundleName).containsExactly(
                "github/syncs/pull-requests", "github/actions/create-issue", "github/on-events/setup");

        CompiledScript sync = first.script("github", "pull-requests").orElseThrow();
        assertThat(sync.scriptType()).isEqualTo(ScriptType.SYNC);
        assertThat(sync.sourcePath()).isEqualTo("github/syncs/pull-requests.ts");
        assertThat(sync.code()).contains("function toPullRequest(raw)") // mapper inlined via its .js specifier
                .contains("module.exports = __toCommonJS(") // CommonJS
                .contains("require(\"crypto\")") // host-provided external
                .contains("ZodError") // zod inlined from the webjar
                .doesNotContain("models");
        assertThat(sync.exports()).containsExactly("default", "onWebhookPayloadReceived");
        assertThat(sync.requires()).containsExactly("crypto");
        assertThat(sync.cached()).isFalse();
        JsonNode map = JSON.readTree(sync.sourceMap());
        List<String> sources = new ArrayList<>();
        map.get("sources").forEach(s -> sources.add(s.asText()));
        assertThat(sources).contains("github/syncs/pull-requests.ts", "github/mappers/to-pull-request.ts")
                .anyMatch(s -> s.startsWith("node_modules/zod/"));

        CompileResult second = compiler.compile(NangoProject.load(root));
        assertThat(second.esbuildRuns()).isZero();
        assertThat(second.scripts()).allMatch(CompiledScript::cached);
        assertThat(second.scripts()).extracting(CompiledScript::contentHash)
                .isEqualTo(first.scripts().stream().map(CompiledScript::contentHash).toList());
        assertThat(second.script("github", "pull-requests").orElseThrow().code()).isEqualTo(sync.code());

        Path mapper = root.resolve("github/mappers/to-pull-request.ts");
        Files.writeString(mapper, Files.readString(mapper).replace("raw.title", "raw.title.trim()"));
        CompileResult third = compiler.compile(NangoProject.load(root));
        assertThat(third.esbuildRuns()).isEqualTo(1);
        CompiledScript rebuilt = third.script("github", "pull-requests").orElseThrow();
        assertThat(rebuilt.cached()).isFalse();
        assertThat(rebuilt.code()).contains("raw.title.trim()");
        assertThat(rebuilt.contentHash()).isNotEqualTo(sync.contentHash());
        assertThat(third.script("github", "create-issue").orElseThrow().cached()).isTrue();
    }

    @Test
    void reportsEveryBrokenImportWithFileAndLineAndStillCompilesTheRest(@TempDir Path tmp) {
        Path root = Fixtures.copy("broken", tmp);
        CompileResult result = Fixtures.compiler().compile(NangoProject.load(root));

        assertThat(result.scripts()).extracting(CompiledScript::scriptName).containsExactly("contacts");
        assertThat(result.errors()).extracting(d -> d.code() + " " + d.location() + " " + d.pathText())
                .containsExactlyInAnyOrder(
                        "unresolved_import acme/actions/bad-imports.ts:2:15 acme > actions > bad-imports",
                        "unresolved_import acme/actions/bad-imports.ts:3:24 acme > actions > bad-imports",
                        "compile_error acme/actions/syntax-error.ts:3:77 acme > actions > syntax-error");
        Diagnostic lodash = result.errors().getFirst();
        assertThat(lodash.message()).startsWith(
                "Could not resolve \"lodash\" imported from acme/actions/bad-imports.ts:2: it is not a relative file,"
                        + " not provided by the host and not installed in node_modules.");
    }

    @Test
    void compilesSymlinkedAliasFolderWithPwdKey(@TempDir Path tmp) throws Exception {
        Fixtures.copy("pwd/tickets", tmp);
        Path alias = Files.createDirectory(tmp.resolve("tickets-sandbox"));
        Files.createSymbolicLink(alias.resolve("nango.yaml"), Path.of("../tickets/nango.yaml"));
        Files.createSymbolicLink(alias.resolve("syncs"), Path.of("../tickets/syncs"));
        Files.createSymbolicLink(alias.resolve("helpers"), Path.of("../tickets/helpers"));

        CompileResult result = Fixtures.compiler().compile(NangoProject.load(alias));

        assertThat(result.diagnostics()).isEmpty();
        CompiledScript tickets = result.script("tickets-sandbox", "tickets").orElseThrow();
        assertThat(tickets.bundleName()).isEqualTo("tickets-sandbox/syncs/tickets");
        assertThat(tickets.code()).contains("PAGE_SIZE = 50");
        JsonNode sources = JSON.readTree(tickets.sourceMap()).get("sources");
        assertThat(sources.toString()).isEqualTo("[\"syncs/tickets.ts\",\"helpers/paging.ts\"]");
    }

    @Test
    void valueImportFromMissingModelsExplainsTypeOnlyImports(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("nango.yaml"), """
                integrations:
                    x:
                        actions:
                            flows:
                                endpoint: GET /flows
                """);
        Files.createDirectories(tmp.resolve("x/actions"));
        Files.writeString(tmp.resolve("x/actions/flows.ts"), """
                import { NangoFlows } from '../../models.js';
                export default async function runAction(): Promise<unknown> {
                    return NangoFlows;
                }
                """);
        CompileResult result = Fixtures.compiler().compile(NangoProject.load(tmp));
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("unresolved_import");
            assertThat(d.location()).isEqualTo("x/actions/flows.ts:1:28");
            assertThat(d.message()).contains("models.ts does not exist. Import only types from it");
        });
    }

    @Test
    void compilesLegacyFlatLayout(@TempDir Path tmp) {
        Path root = Fixtures.copy("legacy", tmp);
        CompileResult result = Fixtures.compiler().compile(NangoProject.load(root));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.scripts()).extracting(CompiledScript::bundleName, CompiledScript::sourcePath).containsExactly(
                org.assertj.core.groups.Tuple.tuple("hubspot/syncs/contacts", "contacts.ts"),
                org.assertj.core.groups.Tuple.tuple("hubspot/actions/create-note", "create-note.ts"));
        assertThat(result.scripts()).allSatisfy(s -> assertThat(s.exports()).containsExactly("default"));
    }
}
