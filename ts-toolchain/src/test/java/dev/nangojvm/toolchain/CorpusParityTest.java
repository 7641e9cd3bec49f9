package dev.nangojvm.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Optional check against a checkout of Nango's integration-templates (yaml era): every integration folder must
 * load without errors and produce the committed {@code .nango/nango.json}. Set NANGO_TEMPLATES_DIR to its
 * {@code integrations/} folder to run it.
 */
@EnabledIfEnvironmentVariable(named = "NANGO_TEMPLATES_DIR", matches = ".+")
class CorpusParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyIntegrationFolderMatchesItsNangoJson() throws Exception {
        Path dir = Path.of(System.getenv("NANGO_TEMPLATES_DIR"));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> folders = Files.list(dir).sorted()) {
            for (Path folder : folders.toList()) {
                Path expected = folder.resolve(".nango/nango.json");
                if (!Files.exists(folder.resolve("nango.yaml")) || !Files.exists(expected)) {
                    continue;
                }
                checked++;
                ProjectLoad load = NangoProject.load(folder);
                if (load.hasErrors()) {
                    failures.add(folder.getFileName() + ": " + load.errors());
                    continue;
                }
                JsonNode actual = JSON.readTree(load.project().toNangoJson());
                JsonNode want = JSON.readTree(expected.toFile());
                normalise(actual, want);
                if (!actual.equals(want)) {
                    failures.add(folder.getFileName() + ": nango.json differs\n  want " + want + "\n  got  " + actual);
                }
            }
        }
        failures.forEach(System.out::println);
        System.out.println("checked " + checked + " integration folders, " + failures.size() + " failures");
        assertThat(failures).isEmpty();
    }

    /**
     * Older CLIs wrote only two on-event keys, and alias folders share their target's nango.json (whose
     * providerConfigKey is the target's): align those two things before comparing.
     */
    private static void normalise(JsonNode actual, JsonNode want) {
        for (int i = 0; i < Math.min(actual.size(), want.size()); i++) {
            var a = (com.fasterxml.jackson.databind.node.ObjectNode) actual.get(i);
            JsonNode w = want.get(i);
            a.set("providerConfigKey", w.get("providerConfigKey"));
            var events = (com.fasterxml.jackson.databind.node.ObjectNode) a.get("onEventScripts");
            events.fieldNames().forEachRemaining(k -> { });
            for (String k : List.of("post-connection-creation", "pre-connection-deletion", "validate-connection")) {
                if (!w.get("onEventScripts").has(k) && events.get(k).isEmpty()) {
                    events.remove(k);
                }
            }
        }
    }

    @Test
    void everyIntegrationFolderCompiles() throws Exception {
        Path dir = Path.of(System.getenv("NANGO_TEMPLATES_DIR"));
        ScriptCompiler compiler = ScriptCompiler.builder().toolCacheDir(Fixtures.TOOL_CACHE)
                .buildCacheDir(Path.of("target/corpus-build").toAbsolutePath()).build();
        List<String> problems = new ArrayList<>();
        int scripts = 0;
        long start = System.nanoTime();
        try (Stream<Path> folders = Files.list(dir).sorted()) {
            for (Path folder : folders.toList()) {
                if (!Files.exists(folder.resolve("nango.yaml"))) {
                    continue;
                }
                CompileResult result = compiler.compile(NangoProject.load(folder));
                scripts += result.scripts().size();
                result.diagnostics().forEach(d -> problems.add(folder.getFileName() + ": " + d));
            }
        }
        problems.forEach(System.out::println);
        System.out.printf("compiled %d scripts in %d ms, %d diagnostics%n", scripts,
                (System.nanoTime() - start) / 1_000_000, problems.size());
    }

    @Test
    void generatedSchemaJsonAndSchemaTsMatchTheCommittedOnes() throws Exception {
        Path dir = Path.of(System.getenv("NANGO_TEMPLATES_DIR"));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> folders = Files.list(dir).sorted()) {
            for (Path folder : folders.toList()) {
                Path schemaJson = folder.resolve(".nango/schema.json");
                Path schemaTs = folder.resolve(".nango/schema.ts");
                if (!Files.exists(folder.resolve("nango.yaml")) || !Files.exists(schemaJson)) {
                    continue;
                }
                checked++;
                NangoProject p = NangoProject.load(folder).project();
                JsonNode want = JSON.readTree(schemaJson.toFile()).get("definitions");
                stripDescriptions(want);
                JsonNode got = JSON.readTree(ModelArtifacts.schemaJson(p, "x")).get("definitions");
                var names = new ArrayList<String>();
                want.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    if (!want.get(name).equals(got.get(name))) {
                        failures.add(folder.getFileName() + " schema.json " + name + "\n  want " + want.get(name)
                                + "\n  got  " + got.get(name));
                    }
                }
                String wantTs = squash(Files.readString(schemaTs).replaceAll("(?s)/\\*\\*.*?\\*/", ""));
                String gotTs = squash(ModelArtifacts.schemaTs(p, "x"));
                String wantBody = wantTs.substring(wantTs.indexOf("export"));
                String gotBody = gotTs.substring(gotTs.indexOf("export"));
                if (!wantBody.equals(gotBody)) {
                    int at = 0;
                    while (at < Math.min(wantBody.length(), gotBody.length()) && wantBody.charAt(at) == gotBody.charAt(at)) {
                        at++;
                    }
                    failures.add(folder.getFileName() + " schema.ts differs at: want ..."
                            + wantBody.substring(Math.max(0, at - 60), Math.min(wantBody.length(), at + 60)) + "\n  got ..."
                            + gotBody.substring(Math.max(0, at - 60), Math.min(gotBody.length(), at + 60)));
                }
            }
        }
        failures.forEach(System.out::println);
        System.out.println("schema: checked " + checked + " integration folders, " + failures.size() + " failures");
        assertThat(failures).isEmpty();
    }

    /** Prettier reformatted the committed files: compare without whitespace, semicolons and quote style. */
    private static String squash(String ts) {
        // Older CLIs (0.62-0.65) differed on when they appended "| undefined" to optional fields.
        return ts.replaceAll("\\s+", "").replace("|undefined", "").replace(";", "").replace("\"", "'").replace(",}", "}")
                .replace("(", "").replace(")", "").replace(":|", ":") // prettier's union/paren layout
                .replaceAll("'([A-Za-z_$][\\w$]*)':", "$1:"); // and its unquoted keys
    }

    private static void stripDescriptions(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            // annotations of older CLIs (JSDoc deprecation notices), not part of the 0.69 output
            if (o.path("description").isTextual()) {
                o.remove("description");
            }
            o.remove("deprecated");
            o.forEach(CorpusParityTest::stripDescriptions);
        } else if (node != null && node.isArray()) {
            node.forEach(CorpusParityTest::stripDescriptions);
        }
    }
}
