package dev.nangojvm.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.testkit.FakePipedriveServer;
import dev.nangojvm.testkit.FakeRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The 24-hour extended sync pattern: {@code pipedrive/activities} stops when its time budget is
 * spent, keeps its cursor in the metadata and resumes on the next run. The budget is scaled down
 * through the metadata ({@code maxRuntimeMs: 1}: every run saves exactly one page).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipedriveExtendedSyncSampleTest {
    static final String ACTIVITIES = "/api/v2/activities";
    static final int PAGE = 500;

    static FakePipedriveServer pipedrive;
    static PatternHarness harness;

    @BeforeAll
    static void start() {
        pipedrive = FakePipedriveServer.withDefaultActivities();
        harness = new PatternHarness("pipedrive", pipedrive.baseUrl(), pipedrive.token(), null);
    }

    @AfterAll
    static void stop() {
        harness.close();
        pipedrive.close();
    }

    static ExecutionResult sync() {
        return harness.runSync("activities", List.of("CrmActivity"), "incremental", false);
    }

    @Test
    @Order(1)
    @DisplayName("with a budget too small for more than a page, runs resume one after the other until every activity is saved exactly once")
    void aPassSpansRunsAndSavesEveryRecordOnce() {
        harness.setMetadata("{\"maxRuntimeMs\": 1}");
        int total = pipedrive.activityCount();
        int expectedRuns = (total + PAGE - 1) / PAGE;
        BatchResult sum = BatchResult.EMPTY;
        List<String> cursors = new ArrayList<>();
        int runs = 0;
        do {
            pipedrive.clearRequests();
            String savedCursor = harness.metadata().path("cursor").isTextual() ? harness.metadata().path("cursor").asText() : null;

            ExecutionResult result = sync();
            runs++;

            assertThat(result.error()).isNull();
            // Exactly one page saved per run, never one saved twice.
            assertThat(result.syncSummary().total().added()).isEqualTo(Math.min(PAGE, total - PAGE * (runs - 1)));
            assertThat(result.syncSummary().total().updated()).isZero();
            assertThat(result.syncSummary().total().unchanged()).isZero();
            sum = sum.plus(result.syncSummary().total());
            // Each run starts at the cursor the previous one stored.
            List<FakeRequest> requests = pipedrive.requests();
            assertThat(requests.getFirst().queryParam("cursor")).isEqualTo(java.util.Optional.ofNullable(savedCursor));
            cursors.add(savedCursor);
            if (runs < expectedRuns) {
                // The second page arrived after the deadline: not saved, and its cursor is what the metadata keeps.
                assertThat(requests).hasSize(2);
                assertThat(harness.metadata().path("cursor").asText()).isEqualTo(requests.get(1).queryParam("cursor").orElseThrow());
                assertThat(harness.metadata().path("passSaved").asInt()).isEqualTo(PAGE * runs);
                assertThat(harness.messages("info")).anySatisfy(m -> assertThat(m).startsWith("Time budget of 1 ms spent after 500 activities this run"));
            }
        } while (harness.metadata().path("passStartedAt").isTextual() && runs < expectedRuns + 2);

        assertThat(runs).isEqualTo(expectedRuns);
        assertThat(cursors.getFirst()).isNull();
        assertThat(cursors.subList(1, cursors.size())).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(sum.added()).isEqualTo(total);
        List<ObjectNode> records = harness.records("CrmActivity");
        assertThat(records).extracting(r -> Long.parseLong(r.path("id").asText()))
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        ObjectNode metadata = harness.metadata();
        assertThat(metadata.path("passStartedAt").isNull()).isTrue();
        assertThat(metadata.path("cursor").isNull()).isTrue();
        assertThat(metadata.path("lastPassStartedAt").isTextual()).isTrue();
    }

    @Test
    @Order(2)
    @DisplayName("the next pass, with the default 23.5 h budget, reads only what changed since the last pass began, in one run")
    void theNextPassReadsOnlyChanges() {
        Instant lastPass = Instant.parse(harness.metadata().path("lastPassStartedAt").asText());
        harness.setMetadata(harness.metadata().without("maxRuntimeMs").toString());
        pipedrive.updateActivity(7, "Call customer 8, again");
        long added = pipedrive.addActivity("Send the contract");
        pipedrive.clearRequests();

        ExecutionResult result = sync();

        assertThat(result.error()).isNull();
        assertThat(result.syncSummary().total().added()).isEqualTo(1);
        assertThat(result.syncSummary().total().updated()).isEqualTo(1);
        assertThat(pipedrive.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(ACTIVITIES);
            assertThat(r.queryParam("updated_since")).hasValue(lastPass.minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            assertThat(r.queryParam("limit")).hasValue("500");
        });
        assertThat(harness.records("CrmActivity")).filteredOn(r -> r.path("id").asText().equals(Long.toString(added))).singleElement()
                .satisfies(r -> assertThat(r.path("subject").asText()).isEqualTo("Send the contract"));
        assertThat(harness.metadata().path("lastPassStartedAt").asText()).isNotEqualTo(lastPass.toString());
    }
}
