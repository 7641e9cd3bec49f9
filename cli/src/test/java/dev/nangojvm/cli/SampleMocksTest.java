package dev.nangojvm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.replay.junit.NangoReplay;
import dev.nangojvm.replay.junit.NangoReplayTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The GitHub sample's committed mocks ({@code github/mocks/**}, {@code github/tests/*.test.ts},
 * recorded by {@link RecordSampleMocks} with {@code dryrun --save-responses} against the fake
 * GitHub) replay and pass: through {@code ./nango-jvm test}, as a user runs it, and through the
 * JUnit 5 extension, as a JVM team would put them in its own build. The catalog is the one this
 * build bundles (what {@code test} uses when the project has no node_modules).
 */
@NangoReplayTest(project = "../sample-integrations/nango-integrations", providers = "target/classes/dev/nangojvm/cli/providers.yaml")
class SampleMocksTest {

    /** One dynamic test per recorded script: {@code github > pull-requests (sync)}, {@code github > create-pull-request (action)}. */
    @TestFactory
    Stream<DynamicNode> everyRecordedScriptPasses(NangoReplay replay) {
        return replay.dynamicTests();
    }

    @Test
    void bothScriptsOfTheSampleHaveARecordedTest(NangoReplay replay) {
        List<DynamicNode> nodes = replay.dynamicTests().toList();
        assertThat(nodes).extracting(DynamicNode::getDisplayName).containsExactly("github");
        assertThat(((DynamicContainer) nodes.getFirst()).getChildren().map(DynamicNode::getDisplayName).toList())
                .containsExactlyInAnyOrder("pull-requests (sync)", "create-pull-request (action)");
    }

    @Test
    void theTestVerbPassesOnTheSampleProject() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = new Main().run(List.of("test", "--project", "../sample-integrations/nango-integrations"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err).isZero();
        assertThat(printed).contains("github       pull-requests        sync    pass")
                .contains("github       create-pull-request  action  pass")
                .contains("2 script(s) replayed: 2 pass, 0 fail, 0 error");
    }
}
