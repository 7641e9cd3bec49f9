package dev.nangojvm.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.testkit.FakeResponse;
import dev.nangojvm.testkit.FakeZendeskServer;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
 * The window-time-based sync pattern: {@code zendesk/tickets} backfills month by month (splitting a
 * month whose tickets exceed one search), keeps its progress in the metadata, resumes after a
 * failed run, then turns incremental with {@code lastSyncDate}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZendeskWindowSampleTest {
    static final String SYNC = "tickets";
    static final String SEARCH = "/api/v2/search.json";
    static final String COUNT = "/api/v2/search/count";
    static final int BEFORE_APRIL = 2 * FakeZendeskServer.TICKETS_PER_MONTH + FakeZendeskServer.BUSY_MONTH_TICKETS;

    static FakeZendeskServer zendesk;
    static PatternHarness harness;
    static Instant firstRunStart;

    @BeforeAll
    static void start() {
        zendesk = FakeZendeskServer.withDefaultTickets();
        harness = new PatternHarness("zendesk", zendesk.baseUrl(), zendesk.token(), null);
    }

    @AfterAll
    static void stop() {
        harness.close();
        zendesk.close();
    }

    static ExecutionResult sync() {
        return harness.runSync(SYNC, List.of("SupportTicket"), "incremental", false);
    }

    @Test
    @Order(1)
    @DisplayName("without a backfill start date the sync fails and says which metadata it needs")
    void noStartDateIsAnError() {
        harness.setMetadata("{\"backfillFrom\": \"not a date\"}");
        ExecutionResult result = sync();
        assertThat(result.error().message()).contains("{ backfillFrom: \"<date>\" }").contains("backfillFrom: must be a date");
        assertThat(zendesk.requests()).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("the backfill goes month by month, splits the busy month, and records its progress until a failure stops it")
    void backfillRecordsProgressUntilItFails() {
        harness.setMetadata("{\"backfillFrom\": \"2024-01-01\"}");
        // April's first search fails with an error that is not retried: the run stops there.
        zendesk.server().failMatching(r -> r.path().equals(SEARCH) && r.queryParam("query").orElse("").contains("created>2024-03-31T23:59:59Z"),
                1, request -> FakeResponse.json(400, Map.of("error", "unavailable", "description", "Sorry, we could not complete your search query.")));
        firstRunStart = Instant.now();

        ExecutionResult result = sync();

        assertThat(result.error()).isNotNull();
        assertThat(result.syncSummary().total().added()).isEqualTo(BEFORE_APRIL);
        ObjectNode metadata = harness.metadata();
        assertThat(metadata.path("backfillFrom").asText()).isEqualTo("2024-01-01");
        assertThat(metadata.path("nextWindowStart").asText()).isEqualTo("2024-04-01T00:00:00.000Z");
        assertThat(Instant.parse(metadata.path("backfillUntil").asText())).isBetween(firstRunStart.minusSeconds(1), Instant.now());
        assertThat(metadata.has("backfillComplete")).isFalse();

        // One count per window: January and February fit one search; March (1,150) is split in two halves.
        List<String> counts = zendesk.queries(COUNT);
        assertThat(counts.get(0)).isEqualTo("type:ticket created>2023-12-31T23:59:59Z created<2024-02-01T00:00:00Z");
        assertThat(counts.get(1)).isEqualTo("type:ticket created>2024-01-31T23:59:59Z created<2024-03-01T00:00:00Z");
        assertThat(counts.get(2)).isEqualTo("type:ticket created>2024-02-29T23:59:59Z created<2024-04-01T00:00:00Z");
        assertThat(counts.get(3)).isEqualTo("type:ticket created>2024-02-29T23:59:59Z created<2024-03-16T12:00:00Z");
        assertThat(counts.get(4)).isEqualTo("type:ticket created>2024-03-16T11:59:59Z created<2024-04-01T00:00:00Z");
        // No search ever asks past Zendesk's 1,000 results.
        assertThat(zendesk.requests()).filteredOn(r -> r.path().equals(SEARCH))
                .allSatisfy(r -> assertThat(Integer.parseInt(r.queryParam("page").orElse("1"))).isLessThanOrEqualTo(10));
    }

    @Test
    @Order(3)
    @DisplayName("the next run resumes at the window that failed, finishes the backfill, and saves every ticket exactly once")
    void theNextRunResumes() {
        zendesk.clearRequests();

        ExecutionResult result = sync();

        assertThat(result.error()).isNull();
        int total = zendesk.ticketCount();
        assertThat(result.syncSummary().total().added()).isEqualTo(total - BEFORE_APRIL);
        assertThat(result.syncSummary().total().updated()).isZero();
        assertThat(harness.records("SupportTicket")).hasSize(total);
        // Nothing before April was asked for again.
        assertThat(zendesk.queries(COUNT).getFirst()).isEqualTo("type:ticket created>2024-03-31T23:59:59Z created<2024-05-01T00:00:00Z");
        assertThat(zendesk.queries(SEARCH)).allSatisfy(q -> assertThat(q).doesNotContain("created>2024-0" + "1").doesNotContain("created>2024-02")
                .doesNotContain("created>2023"));
        // The windows run to the end of the backfill (the first run's start), one month each, then one incremental count.
        long months = YearMonth.of(2024, 4).until(YearMonth.from(firstRunStart.atZone(ZoneOffset.UTC)), java.time.temporal.ChronoUnit.MONTHS) + 1;
        List<String> counts = zendesk.queries(COUNT);
        assertThat(counts).hasSize((int) months + 1);
        assertThat(counts.getLast()).startsWith("type:ticket updated>");
        ObjectNode metadata = harness.metadata();
        assertThat(metadata.path("backfillComplete").asBoolean()).isTrue();
        assertThat(metadata.path("nextWindowStart").asText()).isEqualTo(metadata.path("backfillUntil").asText());
        ObjectNode ticket = record("1");
        assertThat(ticket.path("created_at").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(ticket.path("status").asText()).isEqualTo("open");
    }

    @Test
    @Order(4)
    @DisplayName("once backfilled, a run reads only what changed since lastSyncDate")
    void afterwardsOnlyChangesAreRead() throws InterruptedException {
        zendesk.clearRequests();
        zendesk.updateTicket(5, "Invoice is wrong, again");
        var created = zendesk.createTicket("Brand new ticket");
        // A run reads changes up to its own start (later ones are the next run's): let the fake's
        // whole-second timestamps fall behind the clock first.
        while (!Instant.now().isAfter(created.updatedAt().plusSeconds(1))) {
            Thread.sleep(100);
        }

        ExecutionResult result = sync();

        assertThat(result.error()).isNull();
        assertThat(result.syncSummary().total().added()).isEqualTo(1);
        assertThat(result.syncSummary().total().updated()).isEqualTo(1);
        assertThat(zendesk.queries(COUNT)).singleElement().satisfies(q -> assertThat(q).startsWith("type:ticket updated>"));
        assertThat(zendesk.queries(SEARCH)).hasSize(1);
        assertThat(record("5").path("subject").asText()).isEqualTo("Invoice is wrong, again");
    }

    private static ObjectNode record(String id) {
        return harness.records("SupportTicket").stream().filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }
}
