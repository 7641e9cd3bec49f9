package dev.nangojvm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("FakeGithubServer")
class FakeGithubServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(\\w+)\"");
    private static final String PULLS = "/repos/nango-jvm/demo/pulls";
    /** The query the sample sync sends on its first page. */
    private static final String SYNC_QUERY = "?state=all&sort=updated&direction=desc&per_page=100";

    private final HttpClient client = HttpClient.newHttpClient();
    private FakeGithubServer github;

    @BeforeEach
    void start() {
        github = FakeGithubServer.withDefaults().start();
    }

    @AfterEach
    void stop() {
        github.close();
        client.close();
    }

    @Nested
    @DisplayName("GET /repos/{owner}/{repo}/pulls")
    class Listing {

        @Test
        void followsNextLinksOverThreePagesToEveryPullRequestNewestUpdateFirst() throws Exception {
            List<JsonNode> all = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String url = github.baseUrl() + PULLS + SYNC_QUERY;
            while (url != null) {
                HttpResponse<String> response = get(url);
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode page = JSON.readTree(response.body());
                pageSizes.add(page.size());
                page.forEach(all::add);
                url = links(response).get("next");
            }

            assertThat(pageSizes).containsExactly(100, 100, 50);
            assertThat(all).extracting(pr -> pr.get("number").asInt()).doesNotHaveDuplicates().hasSize(250);
            List<Instant> updated = all.stream().map(pr -> Instant.parse(pr.get("updated_at").asText())).toList();
            assertThat(updated).isSortedAccordingTo((a, b) -> b.compareTo(a));
            assertThat(github.requestCount(PULLS)).isEqualTo(3);
        }

        @Test
        void firstPageLinksToNextAndLastWithAbsoluteUrlsKeepingTheQuery() throws Exception {
            HttpResponse<String> response = get(github.baseUrl() + PULLS + SYNC_QUERY);

            assertThat(response.headers().firstValue("link")).hasValue(
                    "<" + github.baseUrl() + PULLS + "?state=all&sort=updated&direction=desc&per_page=100&page=2>; rel=\"next\", "
                            + "<" + github.baseUrl() + PULLS + "?state=all&sort=updated&direction=desc&per_page=100&page=3>; rel=\"last\"");
        }

        @Test
        void lastPageHasPrevAndFirstButNoNext() throws Exception {
            HttpResponse<String> response = get(github.baseUrl() + PULLS + SYNC_QUERY + "&page=3");

            assertThat(links(response)).containsOnlyKeys("prev", "first");
            assertThat(links(response).get("prev")).endsWith("&page=2");
            assertThat(JSON.readTree(response.body())).hasSize(50);
        }

        @Test
        void defaultsToThirtyOpenPullRequestsNewestCreatedFirst() throws Exception {
            HttpResponse<String> response = get(github.baseUrl() + PULLS);
            JsonNode page = JSON.readTree(response.body());

            long open = github.pullRequests().stream().filter(pr -> pr.state().equals("open")).count();
            assertThat(page).hasSize(30);
            assertThat(page).allSatisfy(pr -> assertThat(pr.get("state").asText()).isEqualTo("open"));
            assertThat(page.get(0).get("number").asInt()).isEqualTo(249);
            assertThat(links(response).get("last")).endsWith("page=" + (open + 29) / 30);
        }

        @Test
        void capsPerPageAtOneHundred() throws Exception {
            JsonNode page = JSON.readTree(get(github.baseUrl() + PULLS + "?state=all&per_page=500").body());

            assertThat(page).hasSize(100);
        }

        @Test
        void sendsNoLinkHeaderWhenEverythingFitsOnePage() throws Exception {
            try (var small = FakeGithubServer.builder().repository("octo", "tiny", 3).build().start()) {
                HttpResponse<String> response = get(small.baseUrl() + "/repos/octo/tiny/pulls?state=all", small.token());

                assertThat(response.headers().firstValue("link")).isEmpty();
                assertThat(JSON.readTree(response.body())).hasSize(3);
            }
        }

        @Test
        void rendersPullRequestsInGithubsShape() throws Exception {
            JsonNode merged = JSON.readTree(get(github.baseUrl() + PULLS + "/10").body());

            assertThat(merged.get("id").asLong()).isEqualTo(1_000_000_010L);
            assertThat(merged.get("number").asInt()).isEqualTo(10);
            assertThat(merged.get("state").asText()).isEqualTo("closed");
            assertThat(merged.get("user").get("login").asText()).isNotBlank();
            assertThat(merged.get("html_url").asText()).isEqualTo("https://github.com/nango-jvm/demo/pull/10");
            assertThat(merged.get("created_at").asText()).isEqualTo("2024-01-02T03:00:00Z");
            assertThat(merged.get("merged_at").asText()).isEqualTo(merged.get("updated_at").asText());
            assertThat(merged.get("draft").asBoolean()).isFalse();
            assertThat(merged.get("head").get("ref").asText()).isEqualTo("feature/pr-10");
            assertThat(merged.get("base").get("ref").asText()).isEqualTo("main");
            assertThat(merged.get("labels")).extracting(label -> label.get("name").asText()).containsExactly("documentation");
        }

        @Test
        void answersGithubs404ForAnUnknownRepository() throws Exception {
            HttpResponse<String> response = get(github.baseUrl() + "/repos/nango-jvm/missing/pulls");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).get("message").asText()).isEqualTo("Not Found");
        }
    }

    @Nested
    @DisplayName("POST /repos/{owner}/{repo}/pulls")
    class Creating {

        @Test
        void createsAPullRequestWith201ThatThenListsFirst() throws Exception {
            HttpResponse<String> response = post(PULLS, Map.of("title", "Add the demo", "head", "feature", "base", "main", "draft", true));

            JsonNode created = JSON.readTree(response.body());
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(created.get("number").asInt()).isEqualTo(251);
            assertThat(created.get("state").asText()).isEqualTo("open");
            assertThat(created.get("draft").asBoolean()).isTrue();
            assertThat(created.get("head").get("label").asText()).isEqualTo("nango-jvm:feature");
            assertThat(created.get("user").get("login").asText()).isEqualTo(FakeGithubServer.DEFAULT_LOGIN);
            assertThat(response.headers().firstValue("location")).hasValue(github.baseUrl() + PULLS + "/251");
            JsonNode first = JSON.readTree(get(github.baseUrl() + PULLS + SYNC_QUERY).body()).get(0);
            assertThat(first.get("number").asInt()).isEqualTo(251);
        }

        @Test
        void refusesASecondOpenPullRequestForTheSameBranchesWithGithubs422() throws Exception {
            post(PULLS, Map.of("title", "First", "head", "feature", "base", "main"));

            HttpResponse<String> response = post(PULLS, Map.of("title", "Second", "head", "feature", "base", "main"));

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.body()).isEqualTo("{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"PullRequest\",\"code\":\"custom\","
                    + "\"message\":\"A pull request already exists for nango-jvm:feature.\"}],"
                    + "\"documentation_url\":\"https://docs.github.com/rest/pulls/pulls#create-a-pull-request\",\"status\":\"422\"}");
        }

        @Test
        void refusesAMissingTitleWith422MissingField() throws Exception {
            HttpResponse<String> response = post(PULLS, Map.of("head", "feature", "base", "main"));

            JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(error.get("field").asText()).isEqualTo("title");
            assertThat(error.get("code").asText()).isEqualTo("missing_field");
        }

        @Test
        void refusesHeadEqualToBase() throws Exception {
            HttpResponse<String> response = post(PULLS, Map.of("title", "Nothing", "head", "main", "base", "main"));

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.body()).contains("No commits between main and main");
        }

        @Test
        void answers404ForAnUnknownRepository() throws Exception {
            HttpResponse<String> response = post("/repos/nango-jvm/missing/pulls", Map.of("title", "T", "head", "feature", "base", "main"));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).get("message").asText()).isEqualTo("Not Found");
            assertThat(JSON.readTree(response.body()).get("documentation_url").asText()).startsWith("https://docs.github.com/rest");
        }

        @Test
        void answers400ForABodyThatIsNotJson() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(github.baseUrl() + PULLS))
                    .header("authorization", "Bearer " + github.token())
                    .POST(HttpRequest.BodyPublishers.ofString("title=x")));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("Problems parsing JSON");
        }
    }

    @Nested
    @DisplayName("authentication")
    class Authentication {

        @Test
        void refusesAWrongTokenWith401BadCredentials() throws Exception {
            HttpResponse<String> response = get(github.baseUrl() + PULLS, "wrong-token");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).get("message").asText()).isEqualTo("Bad credentials");
        }

        @Test
        void refusesAMissingAuthorizationHeader() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(github.baseUrl() + PULLS)).GET());

            assertThat(response.statusCode()).isEqualTo(401);
        }

        @Test
        void acceptsGithubsTokenSchemeToo() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(github.baseUrl() + PULLS))
                    .header("authorization", "token " + github.token()).GET());

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("test hooks")
    class Hooks {

        @Test
        void updatePullRequestRenamesItAndMovesItToTheTopOfTheUpdatedOrder() throws Exception {
            Instant newestBefore = Instant.parse(JSON.readTree(get(github.baseUrl() + PULLS + SYNC_QUERY).body()).get(0).get("updated_at").asText());

            FakePullRequest updated = github.updatePullRequest(7, "Renamed");

            JsonNode first = JSON.readTree(get(github.baseUrl() + PULLS + SYNC_QUERY).body()).get(0);
            assertThat(first.get("number").asInt()).isEqualTo(7);
            assertThat(first.get("title").asText()).isEqualTo("Renamed");
            assertThat(updated.updatedAt()).isAfter(newestBefore);
            assertThat(first.get("updated_at").asText()).isEqualTo(updated.updatedAt().toString());
        }

        @Test
        void updatesOrderStrictlyEvenWithAStoppedClock() {
            Clock stopped = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
            try (var frozen = FakeGithubServer.builder().clock(stopped).build()) {
                Instant first = frozen.updatePullRequest(1, "a").updatedAt();
                Instant second = frozen.updatePullRequest(2, "b").updatedAt();

                assertThat(first).isEqualTo("2030-01-01T00:00:00Z");
                assertThat(second).isEqualTo("2030-01-01T00:00:01Z");
            }
        }

        @Test
        void updatePullRequestNamesWhatExistsWhenTheNumberIsUnknown() {
            assertThatThrownBy(() -> github.updatePullRequest(999, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no pull request #999 in nango-jvm/demo; it has #1..#250");
        }

        @Test
        void injectedServerErrorsAnswerTheNextRequestsThenNormalServiceResumes() throws Exception {
            github.failNextRequests(2, 500);

            assertThat(get(github.baseUrl() + PULLS).statusCode()).isEqualTo(500);
            assertThat(get(github.baseUrl() + PULLS).statusCode()).isEqualTo(500);
            assertThat(get(github.baseUrl() + PULLS).statusCode()).isEqualTo(200);
            assertThat(github.requestCount("GET", PULLS)).isEqualTo(3);
        }

        @Test
        void injectedRateLimitSays429WithRemainingZeroAndAResetTime() throws Exception {
            Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
            try (var limited = FakeGithubServer.builder().clock(fixed).build().start()) {
                limited.rateLimitNextRequests(1, Duration.ofSeconds(2));

                HttpResponse<String> refused = get(limited.baseUrl() + PULLS, limited.token());

                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
                assertThat(refused.headers().firstValue("x-ratelimit-reset")).hasValue(Long.toString(Instant.parse("2030-01-01T00:00:02Z").getEpochSecond()));
                assertThat(get(limited.baseUrl() + PULLS, limited.token()).statusCode()).isEqualTo(200);
            }
        }

        @Test
        void successesCountDownTheRateLimitWhileErrorsCarryNoResetToWaitFor() throws Exception {
            HttpResponse<String> first = get(github.baseUrl() + PULLS);
            HttpResponse<String> second = get(github.baseUrl() + PULLS);
            github.failNextRequests(1, 502);
            HttpResponse<String> failed = get(github.baseUrl() + PULLS);
            HttpResponse<String> unauthorized = get(github.baseUrl() + PULLS, "wrong-token");

            assertThat(first.headers().firstValue("x-ratelimit-remaining")).hasValue("4999");
            assertThat(second.headers().firstValue("x-ratelimit-remaining")).hasValue("4998");
            assertThat(second.headers().firstValue("x-ratelimit-reset")).isPresent();
            assertThat(failed.statusCode()).isEqualTo(502);
            assertThat(failed.headers().firstValue("x-ratelimit-reset")).isEmpty();
            assertThat(unauthorized.headers().firstValue("x-ratelimit-reset")).isEmpty();
        }

        @Test
        void seedsTheSamePullRequestsEveryTime() {
            try (var again = FakeGithubServer.withDefaults()) {
                assertThat(again.pullRequests()).isEqualTo(github.pullRequests());
            }
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return get(url, github.token());
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("authorization", "Bearer " + token).GET());
    }

    private HttpResponse<String> post(String path, Map<String, Object> body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(github.baseUrl() + path))
                .header("authorization", "Bearer " + github.token())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> links(HttpResponse<String> response) {
        Map<String, String> links = new java.util.LinkedHashMap<>();
        Matcher matcher = LINK.matcher(response.headers().firstValue("link").orElse(""));
        while (matcher.find()) {
            links.put(matcher.group(2), matcher.group(1));
        }
        return links;
    }
}
