package dev.nangojvm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, run as a user would, with its output checked step by step. */
class DemoCommandTest {

    @Test
    void theDemoSyncsTwiceRunsTheActionAndSaysWhereTheRecordsAre(@TempDir Path data) {
        System.setProperty("nango.jvm.home", Path.of("..").toAbsolutePath().normalize().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new Main().run(List.of("demo", "--data", data.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text + err).isZero();
        assertThat(text).contains("GraalJS runtime: optimizing");
        assertThat(text).contains("ok: 3 page(s) fetched; 250 added, 0 updated, 0 unchanged, 0 deleted");
        assertThat(text).contains("ok: 1 page(s) fetched; 0 added, 0 updated, 0 unchanged, 0 deleted");
        assertThat(text).contains("ok: 1 page(s) fetched; 0 added, 1 updated");
        assertThat(text).contains("\"number\" : 251");
        assertThat(text).contains("action_script_runtime_error", "A pull request already exists");
        assertThat(text).contains("Records: 250 PullRequest records in the embedded H2 database " + data.resolve("nango.mv.db"));
        assertThat(Files.exists(data.resolve("nango.mv.db"))).isTrue();
    }
}
