package dev.nangojvm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./nango-jvm test} on the replay module's acme fixture (copied, so that the build cache stays out of the sources). */
class TestCommandTest {
    static final Path FIXTURES = Path.of("../replay/src/test/resources/projects");
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir Path tmp;

    int run(String... argv) {
        return new Main().run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    Path acme() throws IOException {
        Path to = tmp.resolve("acme");
        try (Stream<Path> files = Files.walk(FIXTURES.resolve("acme"))) {
            for (Path f : files.toList()) {
                Path target = to.resolve(FIXTURES.resolve("acme").relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
        return to;
    }

    @Test
    void printsATableWritesJsonAndExitsOneWhenAScriptFails() throws Exception {
        Path json = tmp.resolve("report.json");
        int code = run("test", "--project", acme().toString(), "--providers", FIXTURES.resolve("providers.yaml").toString(),
                "--script", "contacts,stamp", "--json", json.toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("acme         contacts  sync    pass")
                .contains("acme         stamp     action  fail     output differs from mocks/stamp/output.json at $.at")
                .contains("2 script(s) replayed: 1 pass, 1 fail, 0 error; 0 skipped");
        assertThat(new ObjectMapper().readTree(json.toFile()).get("summary").toString())
                .isEqualTo("{\"pass\":1,\"fail\":1,\"error\":0,\"skipped\":0}");
    }

    @Test
    void exitsZeroWhenEveryReplayedScriptPasses() throws Exception {
        assertThat(run("test", "--project", acme().toString(), "--providers", FIXTURES.resolve("providers.yaml").toString(),
                "--script", "create-contact")).isZero();
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertThat(run("test", "--project", "/nonexistent")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("nango-jvm: error project_not_found: --project /nonexistent is not a folder");
        assertThat(run("test", "--project", ".", "--providers", "/nonexistent.yaml")).isEqualTo(2);
        assertThat(run("test", "--timeout", "soon")).isEqualTo(2);
    }
}
