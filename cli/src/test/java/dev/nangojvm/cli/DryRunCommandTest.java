package dev.nangojvm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nangojvm.bindings.store.RecordQuery;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.cli.dryrun.Style;
import dev.nangojvm.testkit.FakeGithubServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./nango-jvm dryrun} on a copy of the GitHub sample, against the loopback fake GitHub:
 * what it prints, its errors and exit codes, and {@code --save-responses} replayed by {@code test}.
 */
class DryRunCommandTest {
    static final Path SAMPLE = Path.of("../sample-integrations/nango-integrations");
    static final String INPUT = RecordSampleMocks.CREATE_INPUT;

    @TempDir static Path tmp;
    static Path project;
    static FakeGithubServer github;
    static Path providers;
    static Path connections;

    @BeforeAll
    static void start() throws IOException {
        project = copy(SAMPLE, tmp.resolve("nango-integrations"));
        github = FakeGithubServer.withDefaults().start();
        providers = tmp.resolve("providers.yaml");
        connections = tmp.resolve("connections.json");
        RecordSampleMocks.writeProviders(providers, github.baseUrl());
        RecordSampleMocks.writeConnections(connections, github.token());
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    record Run(int code, String out, String err) { }

    static Run main(String... argv) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = new Main().run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code dryrun <script> sample-connection} with the fake's catalog and connection, plus {@code extra}. */
    static Run dryrun(Path project, String script, String... extra) {
        List<String> argv = new ArrayList<>(List.of("dryrun", script, RecordSampleMocks.CONNECTION, "--project", project.toString(),
                "--providers", providers.toString(), "--connections", connections.toString()));
        argv.addAll(Arrays.asList(extra));
        return main(argv.toArray(String[]::new));
    }

    @Test
    void aSyncPrintsEachRequestTheResultsAndTheBatchMessagesAndStoresNothing() throws Exception {
        github.clearRequests();
        Run r = dryrun(project, "pull-requests", "--integration-id", "github", "--allow-loopback", "--auto-confirm");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        String pulls = "http [200] GET " + github.baseUrl() + "/repos/nango-jvm/demo/pulls?state=all&sort=updated&direction=desc&per_page=100";
        assertThat(lines).containsSubsequence(
                "Executing -> integration:\"github\" script:\"pull-requests\"",
                pulls, pulls + "&page=2", pulls + "&page=3",
                "Saved 250 pull request(s) of nango-jvm/demo (full read).",
                "The dry run would produce the following results: {",
                "  \"updated\": 0,", "  \"added\": 250,", "  \"deleted\": 0", "}",
                "The following log messages were generated:",
                "\"A batch save call would save the following data to the PullRequest model:\"",
                "  \"id\": \"1000000249\",");
        assertThat(lines.getLast()).isEqualTo("Done");
        assertThat(lines).filteredOn(l -> l.startsWith("\"A batch save call")).hasSize(3);
        assertThat(lines).filteredOn(l -> l.startsWith("  \"id\": ")).hasSize(250);
        assertThat(github.requestCount("GET", "/repos/nango-jvm/demo/pulls")).isEqualTo(3);

        // a dry run leaves the project's store without records
        try (H2Stores stores = H2Stores.open(project.resolve(".nango-jvm"))) {
            assertThat(stores.records().list(RecordScope.of("github", RecordSampleMocks.CONNECTION), "PullRequest", RecordQuery.defaults()).records())
                    .isEmpty();
            assertThat(stores.connections().find("github", RecordSampleMocks.CONNECTION)).isPresent();
        }
    }

    @Test
    void lastSyncDateMakesTheSyncIncrementalAndTheIntegrationIsInferredFromTheConnection() {
        github.clearRequests();
        Run r = dryrun(project, "pull-requests", "--lastSyncDate", "2024-02-01T12:00:00Z", "--allow-loopback", "--auto-confirm");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("updated since 2024-02-01T11:59:00.000Z").contains("\"added\": 6,");
        assertThat(github.requestCount("GET", "/repos/nango-jvm/demo/pulls")).isEqualTo(1);
    }

    @Test
    void declinedPromptStopsTheMessagesAfterTen() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        DryRunCommand command = new DryRunCommand((question, out) -> {
            asked.incrementAndGet();
            out.println(question);
            return false;
        }, true, Style.PLAIN);
        var bytes = new ByteArrayOutputStream();
        int code = command.run(List.of("pull-requests", RecordSampleMocks.CONNECTION, "--project", project.toString(), "--providers", providers.toString(),
                "--connections", connections.toString(), "--allow-loopback"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(asked).hasValue(1);
        assertThat(out).contains("There are 243 logs messages remaining. Would you like to see the next 10 log messages? (y/n)");
        assertThat(out.lines()).filteredOn(l -> l.startsWith("  \"id\": ")).hasSize(9);
    }

    @Test
    void anActionPrintsItsOutputAndAnActionErrorPrintsItsTypeAndPayload() {
        try (FakeGithubServer fresh = FakeGithubServer.withDefaults().start()) {
            Path ownProviders = tmp.resolve("providers-action.yaml");
            try {
                RecordSampleMocks.writeProviders(ownProviders, fresh.baseUrl());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            List<String> argv = List.of("dryrun", "create-pull-request", RecordSampleMocks.CONNECTION, "--project", project.toString(),
                    "--providers", ownProviders.toString(), "--connections", connections.toString(), "--allow-loopback", "--input", INPUT);
            Run created = main(argv.toArray(String[]::new));
            assertThat(created.code()).as(created.out() + created.err()).isZero();
            assertThat(created.out()).contains("http [201] POST " + fresh.baseUrl() + "/repos/nango-jvm/demo/pulls")
                    .contains("{\n  \"id\": \"1000000251\",\n  \"number\": 251,").endsWith("}\nDone\n");

            Run again = main(argv.toArray(String[]::new));
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.out()).contains("http [422] POST ")
                    .contains("An error occurred during execution\n{\n  \"type\": \"action_script_runtime_error\",\n  \"payload\": {\n")
                    .contains("\"message\": \"GitHub refused to open a pull request from feature/jvm into main in nango-jvm/demo: A pull request already exists for nango-jvm:feature/jvm.\"")
                    .contains("  \"status\": 500\n}")
                    .doesNotContain("Done");
        }
    }

    @Test
    void validationReportsInvalidInputWithoutRunningTheScript() {
        github.clearRequests();
        String bad = "{\"owner\":\"nango-jvm\",\"repo\":\"demo\",\"head\":\"x\",\"base\":\"main\",\"extra\":1}";
        Run r = dryrun(project, "create-pull-request", "--allow-loopback", "--validation", "--input", bad);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("An error occurred during execution\nInvalid action input (invalid_action_input)\nmodel: CreatePullRequestInput\ndata: {")
                .contains("root\n   error   must have required property 'title' [required]\n   #/required")
                .contains("root\n   error   must NOT have additional properties [additionalProperties]\n   #/additionalProperties");
        assertThat(github.requests()).isEmpty();

        Run warned = dryrun(project, "create-pull-request", "--allow-loopback", "--input", bad);
        assertThat(warned.out()).contains("Invalid action input. Use `--validation` option to see the details");
    }

    @Test
    void errorsOfTheRunArePrintedWithTheirType() {
        // the default egress rules refuse the loopback fake
        Run refused = dryrun(project, "pull-requests");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out()).contains("An error occurred during execution\nThis URL is not allowed by server configuration. (url_not_allowed)\nThe egress rules allow the public internet only;");

        // --metadata stubs the metadata: an unknown repository makes GitHub answer 404
        Run missing = dryrun(project, "pull-requests", "--allow-loopback", "--metadata", "{\"owner\":\"nango-jvm\",\"repo\":\"nope\"}");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.out()).contains("http [404] GET " + github.baseUrl() + "/repos/nango-jvm/nope/pulls")
                .contains("{\n  \"type\": \"script_http_error\",\n  \"payload\": {\n    \"message\": \"Not Found\",")
                .contains("  \"status\": 404\n}");
    }

    @Test
    void usageAndSetUpErrorsHaveCodes() throws IOException {
        assertThat(main("dryrun", "pull-requests")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("nango-jvm: error missing_argument: 'dryrun' needs a connection id");
        });
        assertThat(main("dryrun", "a", "b", "--project", project.toString(), "--frobnicate").err()).startsWith("nango-jvm: error unknown_flag:");
        assertThat(dryrun(project, "create-pull-request", "--input", "foobar")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("error invalid_flag_value: --input must be JSON or @file.json");
        });
        assertThat(dryrun(project, "pull-requests", "--lastSyncDate", "yesterday").err())
                .contains("error invalid_flag_value: --lastSyncDate 'yesterday' is not a date");
        assertThat(dryrun(project, "pull-requests", "--metadata", "[1]").err()).contains("--metadata must be a JSON object");
        assertThat(dryrun(project, "pull-requests", "--integration-id", "gitlab").err())
                .contains("error integration_not_found: Integration \"gitlab\" not found in this project.");
        assertThat(dryrun(project, "issues").err()).contains("error script_not_found: No script named \"issues\" found.");
        assertThat(dryrun(project, "issues", "--integration-id", "github").err())
                .contains("No script named \"issues\" found in integration \"github\". Its scripts: pull-requests, create-pull-request.");
        assertThat(main("dryrun", "pull-requests", "nobody", "--project", project.toString()).err())
                .contains("error connection_not_found: Connection not found: no connection 'nobody' for integration 'github'");
        assertThat(main("dryrun", "pull-requests", "x", "--project", project.toString(), "--connections", "/nonexistent.json").code()).isEqualTo(2);

        Path badConnections = tmp.resolve("bad-connections.json");
        Files.writeString(badConnections, "{\"connections\": [{\"connection_id\": \"x\"}]}");
        assertThat(main("dryrun", "pull-requests", "x", "--project", project.toString(), "--connections", badConnections.toString()).err())
                .contains("error invalid_connections_file:");

        Path inputFile = tmp.resolve("input.json");
        Files.writeString(inputFile, "{\"owner\": 1}");
        assertThat(dryrun(project, "create-pull-request", "--allow-loopback", "--validation", "--input", "@" + inputFile).out())
                .contains("owner\n   error   must be string [type]\n   #/properties/owner/type");
        assertThatThrownBy(() -> new DryRunCommand((q, o) -> true, false, Style.PLAIN).run(List.of(), System.out))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }

    @Test
    void savedResponsesReplayUnderTheTestVerb() throws IOException {
        Path own = copy(SAMPLE, tmp.resolve("recorded/nango-integrations"));
        try (FakeGithubServer fresh = FakeGithubServer.withDefaults().start()) {
            Path ownProviders = tmp.resolve("providers-recorded.yaml");
            RecordSampleMocks.writeProviders(ownProviders, fresh.baseUrl());
            List<String> common = List.of(RecordSampleMocks.CONNECTION, "--project", own.toString(), "--providers", ownProviders.toString(),
                    "--connections", connections.toString(), "--allow-loopback", "--save-responses", "--auto-confirm");
            Run sync = main(concat(List.of("dryrun", "pull-requests"), common));
            Run action = main(concat(List.of("dryrun", "create-pull-request", "--input", INPUT), common));
            assertThat(sync.code()).as(sync.out() + sync.err()).isZero();
            assertThat(action.code()).as(action.out() + action.err()).isZero();
            assertThat(sync.out()).doesNotContain("http [").contains("Mocks saved to " + own.resolve("github/mocks") + " (8 file(s))")
                    .contains("  test: tests/github-pull-requests.test.ts");
        }
        Path mocks = own.resolve("github/mocks");
        try (Stream<Path> files = Files.walk(mocks)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> mocks.relativize(p).toString()).sorted().toList()).containsExactly(
                    "create-pull-request/input.json",
                    "create-pull-request/output.json",
                    "nango/get/proxy/repos/nango-jvm/demo/pulls/pull-requests/d0c0af9250155c62c803ba4bf3931662d5ea95cc.json",
                    "nango/get/proxy/repos/nango-jvm/demo/pulls?state=all&sort=updated&direction=desc&per_page=100&page=2/pull-requests/b6183b45dd145b3dc8d78d55435573cbddac7748.json",
                    "nango/get/proxy/repos/nango-jvm/demo/pulls?state=all&sort=updated&direction=desc&per_page=100&page=3/pull-requests/40d55bb82354c7b2f9bbc5640d8710acb66b0f1a.json",
                    "nango/getConnection.json",
                    "nango/getMetadata.json",
                    "nango/post/proxy/repos/nango-jvm/demo/pulls/create-pull-request/1957a38c9b84d649fbb0bb3255ce24b73edd9bac.json",
                    "pull-requests/PullRequest/batchDelete.json",
                    "pull-requests/PullRequest/batchSave.json");
        }
        assertThat(Files.readString(mocks.resolve("nango/getConnection.json")))
                .isEqualTo("{\n  \"metadata\": {\n    \"owner\": \"nango-jvm\",\n    \"repo\": \"demo\"\n  },\n  \"connection_config\": {}\n}")
                .doesNotContain(github.token());

        Run test = main("test", "--project", own.toString());
        assertThat(test.code()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("2 script(s) replayed: 2 pass, 0 fail, 0 error");
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    /** Copies the sample's sources (not its build cache, store or recorded mocks). */
    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path rel = from.relativize(f);
                if (rel.startsWith(".nango-jvm") || rel.toString().contains("mocks") || rel.toString().matches("github/tests/github-.*")) continue;
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
        return to;
    }
}
