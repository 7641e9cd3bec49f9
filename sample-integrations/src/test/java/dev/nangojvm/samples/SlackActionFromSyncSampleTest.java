package dev.nangojvm.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.testkit.FakeResponse;
import dev.nangojvm.testkit.FakeSlackServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The "action leveraging sync responses" pattern: {@code slack/get-users} answers from the records
 * {@code slack/users} saved, and asks Slack only about ids the sync has not seen.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackActionFromSyncSampleTest {
    static final String INFO = "/users.info";

    static FakeSlackServer slack;
    static PatternHarness harness;

    @BeforeAll
    static void start() {
        slack = FakeSlackServer.withDefaultUsers();
        harness = new PatternHarness("slack", slack.baseUrl(), slack.token(), null);
    }

    @AfterAll
    static void stop() {
        harness.close();
        slack.close();
    }

    static ExecutionResult getUsers(String... ids) {
        return (harness.runAction("get-users", "{\"ids\": [" + String.join(", ", java.util.Arrays.stream(ids).map(id -> "\"" + id + "\"").toList()) + "]}"));
    }

    @Test
    @Order(1)
    @DisplayName("before the sync ever ran, every id is asked from Slack")
    void withoutSyncedRecordsTheApiAnswers() {
        ExecutionResult result = getUsers(FakeSlackServer.userId(1), FakeSlackServer.userId(2));

        assertThat(result.error()).isNull();
        assertThat(ids(result.output().path("users"))).containsExactly(FakeSlackServer.userId(1), FakeSlackServer.userId(2));
        assertThat(result.output().path("not_found")).isEmpty();
        assertThat(slack.requestCount("GET", INFO)).isEqualTo(2);
    }

    @Test
    @Order(2)
    @DisplayName("the users sync saves every member, page by page")
    void theSyncSavesEveryMember() {
        ExecutionResult result = harness.runSync("users", List.of("SlackUser"), "full", true);

        assertThat(result.error()).isNull();
        assertThat(result.syncSummary().total().added()).isEqualTo(FakeSlackServer.USERS);
        assertThat(slack.requestCount("GET", "/users.list")).isEqualTo(3);
        assertThat(slack.requests()).filteredOn(r -> r.path().equals("/users.list")).element(1)
                .satisfies(r -> assertThat(r.queryParam("cursor")).isPresent());
    }

    @Test
    @Order(3)
    @DisplayName("afterwards the action answers from the synced records, and asks Slack only about the others")
    void syncedRecordsAnswerFirst() {
        String joinedSince = slack.addUser("zuul", "Zuul Gatekeeper");
        // A rename the sync has not seen yet: the action's answer shows the synced name, proof that it read the record.
        slack.rename(FakeSlackServer.userId(3), "Renamed After The Sync");
        slack.clearRequests();

        ExecutionResult result = getUsers(FakeSlackServer.userId(3), FakeSlackServer.userId(40), joinedSince, "U99999999", FakeSlackServer.userId(3));

        assertThat(result.error()).isNull();
        JsonNode users = result.output().path("users");
        assertThat(ids(users)).containsExactly(FakeSlackServer.userId(3), FakeSlackServer.userId(40), joinedSince);
        assertThat(users.get(0).path("real_name").asText()).isEqualTo("Winston Number3");
        assertThat(users.get(0).has("_nango_metadata")).isFalse();
        assertThat(users.get(0).path("email").asText()).isEqualTo("winston3@ghostbusters.example");
        assertThat(users.get(1).path("is_bot").asBoolean()).isTrue();
        assertThat(users.get(1).has("email")).isFalse();
        assertThat(users.get(2).path("real_name").asText()).isEqualTo("Zuul Gatekeeper");
        assertThat(result.output().path("not_found")).extracting(JsonNode::asText).containsExactly("U99999999");
        // Only the two ids the sync never saw reached Slack.
        assertThat(slack.requests()).extracting(r -> r.queryParam("user").orElse("")).containsExactly(joinedSince, "U99999999");
    }

    @Test
    @Order(4)
    @DisplayName("input that is not a list of Slack user ids is refused before any request")
    void invalidInputIsRefused() {
        slack.clearRequests();
        ExecutionResult result = harness.runAction("get-users", "{\"ids\": [\"not-an-id\"]}");
        assertThat(result.error().code()).isEqualTo("action_script_runtime_error");
        assertThat(result.error().payload().path("message").asText()).isEqualTo("Invalid input provided");
        assertThat(slack.requests()).isEmpty();
    }

    @Test
    @Order(5)
    @DisplayName("a Slack error other than user_not_found becomes an ActionError carrying Slack's code")
    void slackErrorsBecomeActionErrors() {
        slack.server().failMatching(r -> r.path().equals(INFO), 1, request -> FakeResponse.json(200, Map.of("ok", false, "error", "missing_scope")));
        ExecutionResult result = getUsers("U88888888");
        assertThat(result.error().code()).isEqualTo("action_script_runtime_error");
        assertThat(result.error().payload().path("slack_error").asText()).isEqualTo("missing_scope");
        assertThat(result.error().payload().path("message").asText()).isEqualTo("Slack refused users.info for U88888888: missing_scope");
    }

    private static List<String> ids(JsonNode users) {
        return java.util.stream.StreamSupport.stream(users.spliterator(), false).map(u -> u.path("id").asText()).toList();
    }
}
