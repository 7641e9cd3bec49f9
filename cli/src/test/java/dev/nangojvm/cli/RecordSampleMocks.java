package dev.nangojvm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.testkit.FakeGithubServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the GitHub sample's mocks ({@code github/mocks/**}, {@code github/tests/github-*.test.ts})
 * with {@code ./nango-jvm dryrun --save-responses} against the loopback fake GitHub, as a user
 * would against api.github.com. The committed mocks come from this program; re-run it after
 * changing the sample's scripts or the fake:
 *
 * <pre>
 * ./mvnw -q -B -pl cli -am verify -Dtest=RecordSampleMocks -Dsurefire.failIfNoSpecifiedTests=false -Dnango.record=true
 * </pre>
 *
 * (the {@code @Test} below runs only with {@code -Dnango.record=true}; from the IDE, {@link #main}
 * takes the nango-integrations folder, default {@code ../sample-integrations/nango-integrations}
 * relative to the {@code cli} module). Then {@code git diff} shows what changed.
 */
class RecordSampleMocks {
    static final String SAMPLE = "../sample-integrations/nango-integrations";
    static final String CONNECTION = "sample-connection";
    /** The fake's clock is fixed so that the recording does not depend on when it was made (rate-limit reset, created pull request). */
    static final Instant RECORDED_AT = Instant.parse("2025-01-15T09:30:00Z");
    static final String CREATE_INPUT = """
            {"owner":"nango-jvm","repo":"demo","title":"Run Nango scripts on the JVM","head":"feature/jvm","base":"main"}""";

    @Test
    @EnabledIfSystemProperty(named = "nango.record", matches = "true")
    void recordTheSampleMocks() throws IOException {
        assertThat(record(Path.of(SAMPLE).toAbsolutePath().normalize(), System.out, System.err)).isZero();
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : SAMPLE).toAbsolutePath().normalize();
        int code = record(project, System.out, System.err);
        System.exit(code);
    }

    /** Clears the previous recording of the github integration and records both scripts; returns 0 when both dry runs succeeded. */
    static int record(Path project, PrintStream out, PrintStream err) throws IOException {
        Path github = project.resolve("github");
        deleteTree(github.resolve("mocks"));
        try (Stream<Path> tests = Files.exists(github.resolve("tests")) ? Files.list(github.resolve("tests")) : Stream.empty()) {
            for (Path t : tests.filter(p -> p.getFileName().toString().matches("github-.*\\.test\\.ts")).toList()) Files.delete(t);
        }
        Path work = Files.createTempDirectory("nango-jvm-record");
        try (FakeGithubServer fake = FakeGithubServer.builder().clock(Clock.fixed(RECORDED_AT, ZoneOffset.UTC)).build().start()) {
            Path providers = work.resolve("providers.yaml");
            Path connections = work.resolve("connections.json");
            writeProviders(providers, fake.baseUrl());
            writeConnections(connections, fake.token());
            List<String> common = List.of("--integration-id", "github", "--project", project.toString(), "--providers", providers.toString(),
                    "--connections", connections.toString(), "--allow-loopback", "--save-responses", "--auto-confirm");
            int sync = new Main().run(argv(List.of("dryrun", "pull-requests", CONNECTION), common), out, err);
            int action = new Main().run(argv(List.of("dryrun", "create-pull-request", CONNECTION, "--input", CREATE_INPUT), common), out, err);
            return sync == 0 && action == 0 ? 0 : 1;
        } finally {
            deleteTree(work);
        }
    }

    /** The github provider of the catalog, with its base URL on the fake. */
    static void writeProviders(Path file, String baseUrl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        // JSON is YAML: the catalog loader reads it as it is.
        Files.writeString(file, json.writeValueAsString(Map.of("github", DemoCommand.githubProvider(baseUrl))));
    }

    static void writeConnections(Path file, String token) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode connection = json.createObjectNode()
                .put("connection_id", CONNECTION).put("provider_config_key", "github").put("provider", "github");
        connection.putObject("credentials").put("type", "OAUTH2").put("access_token", token);
        connection.putObject("metadata").put("owner", "nango-jvm").put("repo", "demo");
        ObjectNode root = json.createObjectNode();
        root.putArray("connections").add(connection);
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static List<String> argv(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
