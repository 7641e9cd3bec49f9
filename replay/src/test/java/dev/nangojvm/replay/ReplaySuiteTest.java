package dev.nangojvm.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nangojvm.toolchain.ScriptCompiler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acme fixture end to end: nango.yaml with ${PWD}, esbuild bundles, GraalJS, verdicts, JSON, exit code. */
class ReplaySuiteTest {
    @TempDir static Path buildCache;
    static Path projects;
    static ReplayReport report;

    @BeforeAll
    static void replayAcme() throws Exception {
        projects = Path.of(ReplaySuiteTest.class.getResource("/projects").toURI());
        report = ReplaySuite.builder(projects.resolve("acme"))
                .providers(projects.resolve("providers.yaml"))
                .compiler(ScriptCompiler.builder().buildCacheDir(buildCache).build())
                .build().run();
    }

    private static Map<String, ScriptResult> byScript() {
        return report.scripts().stream().collect(Collectors.toMap(ScriptResult::script, Function.identity()));
    }

    @Test
    void everyDeclaredScriptGetsAVerdict() {
        Map<String, ScriptResult> r = byScript();
        assertThat(r.get("contacts").status()).isEqualTo(Status.PASS);
        assertThat(r.get("create-contact").status()).isEqualTo(Status.PASS);
        assertThat(r.get("list-things").status()).isEqualTo(Status.PASS);
        assertThat(r.get("stamp").status()).isEqualTo(Status.FAIL);
        assertThat(r.get("explode").status()).isEqualTo(Status.ERROR);
        assertThat(r.get("token").status()).isEqualTo(Status.ERROR);
        assertThat(r.get("untested").status()).isEqualTo(Status.SKIPPED);
        assertThat(report.summaryLine()).isEqualTo("6 script(s) replayed: 3 pass, 1 fail, 2 error; 1 skipped (no generated test)");
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void errorsPointAtTheTypeScriptSource() {
        ScriptResult explode = byScript().get("explode");
        assertThat(explode.cases().get(0).location()).isEqualTo("actions/explode.ts:4:11");
        assertThat(explode.detail()).endsWith("(at actions/explode.ts:4:11)");
        assertThat(byScript().get("token").detail()).contains("getToken is not a function");
    }

    @Test
    void theReportIsATableAndJson(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("acme         contacts        sync    pass")
                .doesNotContain("untested").endsWith("6 script(s) replayed: 3 pass, 1 fail, 2 error; 1 skipped (no generated test)\n");
        Path json = tmp.resolve("out/report.json");
        report.writeJson(json);
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.get("summary").toString()).isEqualTo("{\"pass\":3,\"fail\":1,\"error\":2,\"skipped\":1}");
        JsonNode stamp = java.util.stream.StreamSupport.stream(written.get("scripts").spliterator(), false)
                .filter(n -> n.get("script").asText().equals("stamp")).findFirst().orElseThrow();
        assertThat(stamp.toString()).isEqualTo("{\"integration\":\"acme\",\"script\":\"stamp\",\"type\":\"action\",\"status\":\"fail\","
                + "\"detail\":\"output differs from mocks/stamp/output.json at $.at: expected \\\"1970-01-01T00:00:00.000Z\\\", got Date(1970-01-01T00:00:00.000Z)\"}");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void aNangoIntegrationsRootWithOneYamlForAllIntegrationsWorksTheSame(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("nango-integrations");
        copy(projects.resolve("acme"), root.resolve("acme"));
        Files.move(root.resolve("acme/nango.yaml"), root.resolve("nango.yaml"));
        Files.writeString(root.resolve("nango.yaml"), Files.readString(root.resolve("nango.yaml")).replace("${PWD}", "acme"));
        ReplayReport nested = ReplaySuite.builder(root).providers(projects.resolve("providers.yaml")).integration("acme").script("explode")
                .compiler(ScriptCompiler.builder().buildCacheDir(tmp.resolve("cache")).build()).build().run();
        assertThat(nested.scripts()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.ERROR);
            assertThat(r.cases().get(0).location()).isEqualTo("acme/actions/explode.ts:4:11");
        });
        ReplayReport unknown = ReplaySuite.builder(root).integration("nope").build().run();
        assertThat(unknown.scripts()).isEmpty();
        assertThat(unknown.warnings()).anyMatch(w -> w.startsWith("integration 'nope' is not in "));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }
}
