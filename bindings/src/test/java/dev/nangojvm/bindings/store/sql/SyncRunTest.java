package dev.nangojvm.bindings.store.sql;

import static dev.nangojvm.bindings.store.Json.arr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.SyncConfig;
import dev.nangojvm.bindings.SyncOptions;
import dev.nangojvm.bindings.SyncSummary;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.SyncKey;
import dev.nangojvm.bindings.store.SyncRun;
import dev.nangojvm.bindings.store.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    @Parameter
    StoreKind kind;

    private SqlStores stores;

    @BeforeEach
    void open() {
        stores = kind.open(clock);
    }
    private final List<LogEntry> logs = new ArrayList<>();

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
}
