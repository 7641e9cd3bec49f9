package dev.nangojvm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... argv) {
        return new Main().run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryVerbAndExitsZero() {
        assertThat(run("help")).isZero();
        assertThat(out.toString()).contains("demo", "compile", "--project <dir>");
    }

    @Test
    void noArgumentsPrintsHelpAndExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString()).contains("Usage: ./nango-jvm <verb>");
    }

    @Test
    void anUnknownVerbNamesTheKnownOnes() {
        assertThat(run("deploy")).isEqualTo(2);
        assertThat(err.toString()).startsWith("nango-jvm: error unknown_verb: 'deploy' is not a verb. Verbs: demo, compile");
    }

    @Test
    void anUnknownFlagIsRefusedWithTheVerbsFlags() {
        assertThat(run("compile", "--projct", "x")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("nango-jvm: error unknown_flag: 'compile' has no flag '--projct'. "
                + "Known flags: --json, --no-lint, --no-type-check, --project <value>. See ./nango-jvm help.\n");
    }

    @Test
    void aFlagWithoutItsValueSaysWhatItNeeds() {
        assertThat(run("compile", "--project")).isEqualTo(2);
        assertThat(err.toString()).contains("error missing_flag_value: 'compile --project' needs a value");
    }

    @Test
    void compileReportsAMissingProjectWithItsPath() {
        assertThat(run("compile", "--project", "/nonexistent/project")).isEqualTo(1);
        assertThat(out.toString()).contains("/nonexistent/project");
    }
}
