package dev.nangojvm.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nangojvm.toolchain.internal.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The invalid-nango.yaml corpus: each {@code src/test/resources/invalid/*.yaml} must produce exactly the
 * diagnostics listed for it in {@code expectations.json} (severity, code, message, path, and detail/line when
 * given). Messages are Nango's texts (§1.8/§1.9 of the format spec).
 */
class InvalidYamlTest {
    private static final Path DIR = Path.of("src/test/resources/invalid");

    @TestFactory
    Stream<DynamicTest> eachInvalidFileProducesItsExpectedDiagnostics() throws IOException {
        JsonNode expectations = new ObjectMapper().readTree(DIR.resolve("expectations.json").toFile());
        List<String> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        assertThat(expectations.size()).isEqualTo(files.size());
        return files.stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name, expectations.get(name))));
    }

    private static void check(String name, JsonNode expected) throws IOException {
        assertThat(expected).as("expectations for " + name).isNotNull();
        ProjectLoad load = ProjectLoader.parseText(Files.readString(DIR.resolve(name)), "github");
        List<Diagnostic> actual = load.diagnostics();
        assertThat(actual).as(name + ": " + actual).hasSize(expected.size());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            Diagnostic d = actual.get(i);
            String message = e.get("message").asText();
            boolean messageOk = d.code().equals("error_loading_nango_yaml") ? d.message().startsWith(message)
                    : d.message().equals(message);
            if (!d.severity().name().equalsIgnoreCase(e.get("severity").asText()) || !d.code().equals(
                    e.get("code").asText()) || !messageOk || !d.pathText().equals(e.get("path").asText())
                    || e.has("detail") && !e.get("detail").asText().equals(d.detail())
                    || !e.has("detail") && d.detail() != null
                    || e.has("line") && e.get("line").asInt() != d.line()) {
                problems.add("expected " + e + "\n     got " + d + " at line " + d.line());
            }
        }
        assertThat(problems).as(name).isEmpty();
    }
}
