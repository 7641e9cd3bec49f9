package dev.nangojvm.bindings.store.sql;

import static dev.nangojvm.bindings.store.Json.arr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.RecordValidator;
import dev.nangojvm.bindings.SyncConfig;
import dev.nangojvm.bindings.SyncOptions;
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.bindings.store.RecordQuery;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.SyncKey;
import dev.nangojvm.bindings.store.SyncRun;
import dev.nangojvm.bindings.store.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import dev.nangojvm.bindings.store.StoreKind;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.BeforeEach;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class SyncRunTest {
    private static final ExecutionInfo INFO = new ExecutionInfo("conn-1", "github", "github", "issues", "sync", null);
    private static final SyncConfig FULL_TRACKING = new SyncConfig("issues", List.of("Issue", "Comment"), "full", true);
    private static final SyncConfig INCREMENTAL = new SyncConfig("issues", List.of("Issue", "Comment"), "incremental", false);

    private final TestClock clock = TestClock.at("2024-03-01T00:00:00Z");
    private final List<LogEntry> logs = new ArrayList<>();

    @Parameter
    StoreKind kind;

    private SqlStores stores;

    @BeforeEach
    void open() {
        stores = kind.open(clock);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    private SyncRun start(SyncConfig config) {
        clock.advance(Duration.ofMinutes(1));
        return SyncRun.start(stores, INFO, config, SyncOptions.defaults(), clock, logs::add);
    }

    private String lastAction(String id) {
        ObjectNode record = stores.records().getRecordsByIds(RecordScope.of("github", "conn-1"), "Issue", List.of(id)).get(id);
        return record.get("_nango_metadata").get("last_action").asText();
    }

    @Nested
    @DisplayName("model validation")
    class Models {
        @Test
        void rejectsAModelTheSyncDoesNotDeclareWithNangosMessage() {
            SyncRun run = start(INCREMENTAL);
            assertThatThrownBy(() -> run.batchSave(arr("[{'id':'1'}]"), "User"))
                    .isInstanceOf(NangoException.class)
                    .hasMessage("The model 'User' is not included in the declared sync models: Issue, Comment.")
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("invalid_model");
            assertThatThrownBy(() -> run.batchDelete(arr("[{'id':'1'}]"), "User")).hasMessageContaining("'User'");
        }

        @Test
        void checksTheBaseModelBeforeTheVariantSeparator() {
            SyncRun run = start(INCREMENTAL);
            assertThat(run.batchSave(arr("[{'id':'1'}]"), "Issue::legacy").added()).isOne();
        }
    }

    @Nested
    @DisplayName("track_deletes")
    class TrackDeletes {
        @Test
        void deletesRecordsNotSavedByASuccessfulFullRun() {
            SyncRun first = start(FULL_TRACKING);
            first.batchSave(arr("[{'id':'1'},{'id':'2'}]"), "Issue");
            first.finish(true);

            SyncRun second = start(FULL_TRACKING);
            second.batchSave(arr("[{'id':'1'}]"), "Issue");
            SyncSummary summary = second.finish(true);

            assertThat(summary.byModel()).isEqualTo(Map.of(
                    "Issue", new BatchResult(0, 0, 1, 1), "Comment", new BatchResult(0, 0, 0, 0)));
            assertThat(lastAction("1")).isEqualTo("ADDED");
            assertThat(lastAction("2")).isEqualTo("DELETED");
            assertThat(logs).anySatisfy(l -> assertThat(l.level()).isEqualTo("warn"));
        }

        @Test
        void neverRunsAfterAFailedRun() {
            SyncRun first = start(FULL_TRACKING);
            first.batchSave(arr("[{'id':'1'},{'id':'2'}]"), "Issue");
            first.finish(true);

            SyncRun failed = start(FULL_TRACKING);
            failed.batchSave(arr("[{'id':'1'}]"), "Issue");
            SyncSummary summary = failed.finish(false);

            assertThat(summary.total().deleted()).isZero();
            assertThat(lastAction("2")).isEqualTo("ADDED");
        }

        @Test
        void neverRunsForIncrementalSyncsOrWithoutTheFlag() {
            SyncRun first = start(INCREMENTAL);
            first.batchSave(arr("[{'id':'1'}]"), "Issue");
            first.finish(true);
            start(INCREMENTAL).finish(true);
            start(new SyncConfig("issues", List.of("Issue"), "full", false)).finish(true);

            assertThat(lastAction("1")).isEqualTo("ADDED");
        }
    }

    @Nested
    @DisplayName("lastSyncDate")
    class LastSyncDate {
        @Test
        void isTheStartOfTheLastSuccessfulRunAndFailuresDoNotAdvanceIt() {
            SyncRun first = start(INCREMENTAL);
            assertThat(first.lastSyncDate()).isEmpty();
            Instant firstStart = first.startedAt();
            clock.advance(Duration.ofMinutes(30));
            first.finish(true);

            SyncRun failed = start(INCREMENTAL);
            assertThat(failed.lastSyncDate()).contains(firstStart);
            failed.finish(false);

            SyncRun third = start(INCREMENTAL);
            assertThat(third.lastSyncDate()).contains(firstStart);
            third.finish(true);
            assertThat(start(INCREMENTAL).lastSyncDate()).contains(third.startedAt());
        }

        @Test
        void anOlderRunFinishingLateDoesNotMoveItBack() {
            SyncRun older = start(INCREMENTAL);
            SyncRun newer = start(INCREMENTAL);
            newer.finish(true);
            older.finish(true);

            assertThat(stores.syncState().lastSyncDate(new SyncKey("github", "conn-1", "issues", null)))
                    .contains(newer.startedAt());
        }

        @Test
        void isPerVariantAndGoneAfterAReset() {
            start(INCREMENTAL).finish(true);
            ExecutionInfo variant = new ExecutionInfo("conn-1", "github", "github", "issues", "sync", "v2");
            assertThat(SyncRun.start(stores, variant, INCREMENTAL, SyncOptions.defaults(), clock, logs::add)
                    .lastSyncDate()).isEmpty();

            stores.syncState().reset(new SyncKey("github", "conn-1", "issues", "base"));
            assertThat(start(INCREMENTAL).lastSyncDate()).isEmpty();
        }
    }

    @Test
    void runIdsIncreaseAcrossSyncsAndARunCanFinishOnlyOnce() {
        SyncRun a = start(INCREMENTAL);
        SyncRun b = start(FULL_TRACKING);
        assertThat(b.runId()).isGreaterThan(a.runId());

        a.finish(true);
        assertThatThrownBy(() -> a.finish(true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.batchSave(arr("[{'id':'1'}]"), "Issue")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void getRecordsByIdsKeysByTheJsStringOfEachId() {
        SyncRun run = start(INCREMENTAL);
        run.batchSave(arr("[{'id':1,'t':'one'},{'id':'b'}]"), "Issue");

        ObjectNode found = run.getRecordsByIds(arr("[1,'b','nope']"), "Issue");

        assertThat(found.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("1", "b");
        assertThat(found.get("1").get("t").asText()).isEqualTo("one");
    }

    private SyncRun start(SyncConfig config, SyncOptions options) {
        clock.advance(Duration.ofMinutes(1));
        return SyncRun.start(stores, INFO, config, options, clock, logs::add);
    }

    private List<String> storedIds() {
        return stores.records().list(RecordScope.of("github", "conn-1"), "Issue", RecordQuery.defaults().withLimit(RecordQuery.MAX_LIMIT))
                .records().stream().map(r -> r.get("id").asText()).toList();
    }

    private static ObjectNode page(int n) {
        return JsonNodeFactory.instance.objectNode().put("page", n);
    }

    @Nested
    @DisplayName("checkpoints commit the records saved before them")
    class UnitOfWork {
        @Test
        void beforeAnyCheckpointCallEveryBatchCommitsOnItsOwn() {
            SyncRun run = start(INCREMENTAL);
            run.batchSave(arr("[{'id':'1'}]"), "Issue");
            run.close(); // the process dies
            assertThat(storedIds()).containsExactly("1");
        }

        @Test
        void afterGetCheckpointBatchesStayInvisibleUntilTheNextCheckpointCommitsThem() {
            SyncRun run = start(INCREMENTAL);
            assertThat(run.getCheckpoint()).isEmpty();
            run.batchSave(arr("[{'id':'1'}]"), "Issue");
            assertThat(storedIds()).isEmpty();
            assertThat(run.getRecordsByIds(arr("['1']"), "Issue").has("1")).as("the run reads its own writes").isTrue();
            run.saveCheckpoint(page(2));
            assertThat(storedIds()).containsExactly("1");
            assertThat(lastAction("1")).isEqualTo("ADDED");
            run.finish(true);
        }

        @Test
        void aRunThatDiesLosesExactlyWhatItSavedAfterItsLastCheckpoint() {
            SyncRun run = start(INCREMENTAL);
            run.getCheckpoint();
            run.batchSave(arr("[{'id':'1'}]"), "Issue");
            run.saveCheckpoint(page(2));
            run.batchSave(arr("[{'id':'2'}]"), "Issue");
            run.close();

            assertThat(storedIds()).containsExactly("1");
            SyncRun resumed = start(INCREMENTAL);
            assertThat(resumed.getCheckpoint()).contains(page(2));
            assertThat(resumed.batchSave(arr("[{'id':'2'}]"), "Issue")).isEqualTo(new BatchResult(1, 0, 0, 0));
            resumed.finish(true);
            assertThat(storedIds()).containsExactly("1", "2");
        }

        @Test
        void aFailedRunKeepsWhatItSavedAsNangoDoes() {
            SyncRun run = start(INCREMENTAL);
            run.getCheckpoint();
            run.batchSave(arr("[{'id':'1'}]"), "Issue");
            run.finish(false);
            assertThat(storedIds()).containsExactly("1");
        }

        @Test
        void committedRecordsGetTheCommitTimestampSoCursorReadersMissNothing() {
            SyncRun run = start(INCREMENTAL);
            run.getCheckpoint();
            run.batchSave(arr("[{'id':'late'}]"), "Issue");
            // Another writer commits in between, with a later clock.
            clock.advance(Duration.ofSeconds(5));
            stores.records().batchSave(RecordScope.of("github", "conn-1"), "Issue", arr("[{'id':'other'}]"), 0, clock.instant(), l -> { });
            String after = stores.records().list(RecordScope.of("github", "conn-1"), "Issue", RecordQuery.defaults())
                    .records().getLast().get("_nango_metadata").get("cursor").asText();
            run.saveCheckpoint(page(2));

            List<ObjectNode> newer = stores.records().list(RecordScope.of("github", "conn-1"), "Issue",
                    RecordQuery.defaults().withCursor(after)).records();
            assertThat(newer).extracting(r -> r.get("id").asText()).containsExactly("late");
            ObjectNode meta = (ObjectNode) newer.getFirst().get("_nango_metadata");
            assertThat(meta.get("first_seen_at")).isEqualTo(meta.get("last_modified_at"));
        }
    }

    @Nested
    @DisplayName("listRecords, merging, delete tracking")
    class Members {
        @Test
        void listRecordsPagesByHundredOldestFirstDeletedIncluded() {
            SyncRun run = start(INCREMENTAL);
            ArrayNode many = JsonNodeFactory.instance.arrayNode();
            IntStream.range(0, 150).forEach(i -> many.addObject().put("id", "r" + i));
            run.batchSave(many, "Issue");
            run.batchDelete(arr("[{'id':'r0'}]"), "Issue");

            ObjectNode first = run.listRecords("Issue", null);
            assertThat(first.get("records")).hasSize(100);
            ObjectNode second = run.listRecords("Issue", first.get("nextCursor").asText());
            assertThat(second.get("records")).hasSize(50);
            assertThat(second.get("nextCursor").isNull()).isTrue();
            assertThat(second.get("records").get(49).get("id").asText()).isEqualTo("r0");
        }

        @Test
        void ignoreIfModifiedAfterLeavesRecordsAnotherRunChangedAlone() {
            SyncRun seed = start(INCREMENTAL);
            seed.batchSave(arr("[{'id':'1','v':'seed'},{'id':'2','v':'seed'}]"), "Issue");
            seed.finish(true);

            SyncRun run = start(INCREMENTAL);
            run.setMergingStrategy("ignore_if_modified_after", "Issue");
            run.setMergingStrategy("override", "Issue");
            SyncRun webhook = start(INCREMENTAL);
            webhook.batchSave(arr("[{'id':'1','v':'webhook'}]"), "Issue");
            webhook.finish(true);

            assertThat(run.batchSave(arr("[{'id':'1','v':'sync'},{'id':'2','v':'sync'},{'id':'3','v':'sync'}]"), "Issue"))
                    .isEqualTo(new BatchResult(1, 1, 0, 0));
            assertThat(run.batchSave(arr("[{'id':'2','v':'sync again'}]"), "Issue").updated()).as("its own changes go on").isOne();
            assertThat(stores.records().getRecordsByIds(RecordScope.of("github", "conn-1"), "Issue", List.of("1")).get("1").get("v").asText())
                    .isEqualTo("webhook");
            assertThat(logs).extracting(LogEntry::message).contains(
                    "Merging strategy set to 'ignore_if_modified_after' for model Issue.",
                    "Merging strategy for model Issue is already set. Skipping");
            assertThatThrownBy(() -> run.setMergingStrategy("newest", "Comment")).hasMessageContaining("'newest'");
        }

        @Test
        void trackDeletesMarkersSpanRunsAndEndDeletesWhatThePhaseDidNotSee() {
            SyncRun seed = start(INCREMENTAL);
            seed.batchSave(arr("[{'id':'1'},{'id':'2'},{'id':'3'}]"), "Issue");
            seed.finish(true);

            SyncRun first = start(INCREMENTAL);
            first.trackDeletesStart("Issue");
            first.batchSave(arr("[{'id':'1'}]"), "Issue");
            first.finish(false); // the phase goes on in the next run

            SyncRun second = start(INCREMENTAL);
            second.trackDeletesStart("Issue"); // keeps the first run's marker
            second.batchSave(arr("[{'id':'2'}]"), "Issue");
            ObjectNode result = second.trackDeletesEnd("Issue");
            assertThat(result.get("deletedKeys")).extracting(JsonNode::asText).containsExactly("3");
            SyncSummary summary = second.finish(true);
            assertThat(summary.byModel().get("Issue").deleted()).isOne();
            assertThat(lastAction("1")).isEqualTo("ADDED");

            SyncRun third = start(INCREMENTAL);
            assertThatThrownBy(() -> third.trackDeletesEnd("Issue"))
                    .hasMessage("No track deletes starting point found for model 'Issue'.");
        }

        @Test
        void deleteRecordsFromPreviousExecutionsDeletesWhatThisRunHasNotSeen() {
            SyncRun seed = start(INCREMENTAL);
            seed.batchSave(arr("[{'id':'1'},{'id':'2'}]"), "Issue");
            seed.finish(true);
            SyncRun run = start(INCREMENTAL);
            run.batchSave(arr("[{'id':'2'}]"), "Issue");
            assertThat(run.deleteRecordsFromPreviousExecutions("Issue").get("deletedKeys")).extracting(JsonNode::asText)
                    .containsExactly("1");
        }

        @Test
        void aFailureAfterTrackDeletesEndRollsTheDeletionsBackSoTheResumedRunEndsThePhase() {
            SyncRun seed = start(INCREMENTAL);
            seed.batchSave(arr("[{'id':'1'},{'id':'2'}]"), "Issue");
            seed.finish(true);

            SyncRun run = start(INCREMENTAL);
            run.getCheckpoint();
            run.trackDeletesStart("Issue");
            run.batchSave(arr("[{'id':'1'}]"), "Issue");
            run.saveCheckpoint(page(2));
            run.batchSave(arr("[{'id':'2'}]"), "Issue");
            run.trackDeletesEnd("Issue");
            run.finish(false); // failed before clearCheckpoint

            SyncRun resumed = start(INCREMENTAL);
            assertThat(resumed.getCheckpoint()).contains(page(2));
            resumed.trackDeletesStart("Issue");
            resumed.batchSave(arr("[{'id':'2'}]"), "Issue");
            assertThat(resumed.trackDeletesEnd("Issue").get("deletedKeys")).isEmpty();
            resumed.clearCheckpoint();
            resumed.finish(true);
            assertThat(lastAction("1")).isEqualTo("ADDED");
            assertThat(lastAction("2")).isEqualTo("ADDED");
        }
    }

    @Nested
    @DisplayName("record validation (dry runs)")
    class Validation {
        private final RecordValidator validator = RecordValidator.fromJsonText(Map.of("Issue", """
                {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
                 "properties":{"id":{"type":"string"},"title":{"type":"string"}},"required":["id","title"]}"""));

        @Test
        void withoutValidationAnInvalidRecordIsSavedWithOneWarning() {
            SyncRun run = start(INCREMENTAL, SyncOptions.defaults().withValidator(validator));
            assertThat(run.batchSave(arr("[{'id':'1'},{'id':'2','title':3}]"), "Issue").added()).isEqualTo(2);
            assertThat(logs).filteredOn(l -> l.level().equals("warn")).extracting(LogEntry::message)
                    .containsExactly("Invalid record payload. Use `--validation` option to see the details");
        }

        @Test
        void withValidationAnInvalidRecordFailsTheCallAndNothingIsSaved() {
            SyncRun run = start(INCREMENTAL, SyncOptions.defaults().withValidator(validator).withValidation(true));
            assertThatThrownBy(() -> run.batchSave(arr("[{'id':'1','title':'ok'},{'id':'2','title':3}]"), "Issue"))
                    .isInstanceOf(NangoException.class)
                    .hasMessageContaining("record '2'").hasMessageContaining("title")
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("invalid_sync_record");
            assertThat(storedIds()).isEmpty();
            assertThat(run.batchSave(arr("[{'id':'1','title':'ok'}]"), "Issue").added()).isOne();
        }
    }
}
