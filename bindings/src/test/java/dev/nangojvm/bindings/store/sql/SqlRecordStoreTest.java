package dev.nangojvm.bindings.store.sql;

import static dev.nangojvm.bindings.store.Json.arr;
import static dev.nangojvm.bindings.store.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.store.RecordFilter;
import dev.nangojvm.bindings.store.RecordPage;
import dev.nangojvm.bindings.store.RecordQuery;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.TestClock;
import dev.nangojvm.bindings.store.internal.JsJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import dev.nangojvm.bindings.store.RecordStore;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class SqlRecordStoreTest {
    private static final RecordScope SCOPE = RecordScope.of("github", "conn-1");
    private static final String MODEL = "Issue";

    @Parameter
    StoreKind kind;

    private SqlStores stores;
    private RecordStore store;
    private final TestClock clock = TestClock.at("2024-01-01T00:00:00Z");

    @BeforeEach
    void open() {
        stores = kind.open(clock);
        store = stores.records();
    }
    private final List<LogEntry> logs = new ArrayList<>();
    private long runId = 1;

    @AfterEach
    void close() {
        stores.close();
    }

    private BatchResult save(String records) {
        return save(arr(records));
    }

    private BatchResult save(ArrayNode records) {
        return store.batchSave(SCOPE, MODEL, records, runId, clock.advance(Duration.ofSeconds(1)), logs::add);
    }

    private BatchResult update(String partials) {
        return store.batchUpdate(SCOPE, MODEL, arr(partials), runId, clock.advance(Duration.ofSeconds(1)), logs::add);
    }

    private BatchResult delete(String records) {
        return store.batchDelete(SCOPE, MODEL, arr(records), runId, clock.advance(Duration.ofSeconds(1)), logs::add);
    }

    private ObjectNode get(String id) {
        return store.getRecordsByIds(SCOPE, MODEL, List.of(id)).get(id);
    }

    private List<ObjectNode> all() {
        return store.list(SCOPE, MODEL, RecordQuery.defaults().withLimit(RecordQuery.MAX_LIMIT)).records();
    }

    private static ObjectNode meta(ObjectNode record) {
        return (ObjectNode) record.get("_nango_metadata");
    }

    private static ObjectNode payload(ObjectNode record) {
        ObjectNode copy = record.deepCopy();
        copy.remove("_nango_metadata");
        return copy;
    }

    @Nested
    @DisplayName("a record's state across runs")
    class StateTransitions {
        @Test
        void goesAddedUnchangedUpdatedDeletedAndAddedAgain() {
            assertThat(save("[{'id':'1','title':'a'}]")).isEqualTo(new BatchResult(1, 0, 0, 0));
            ObjectNode added = get("1");
            assertThat(meta(added).get("last_action").asText()).isEqualTo("ADDED");
            assertThat(meta(added).get("first_seen_at").asText()).isEqualTo("2024-01-01T00:00:01+00:00");
            assertThat(meta(added).get("last_modified_at").asText()).isEqualTo("2024-01-01T00:00:01+00:00");
            assertThat(meta(added).get("deleted_at").isNull()).isTrue();
            assertThat(meta(added).get("pruned_at").isNull()).isTrue();

            runId = 2;
            assertThat(save("[{'id':'1','title':'a'}]")).isEqualTo(new BatchResult(0, 0, 0, 1));
            assertThat(meta(get("1"))).isEqualTo(meta(added)); // no timestamp moves

            runId = 3;
            assertThat(save("[{'id':'1','title':'b'}]")).isEqualTo(new BatchResult(0, 1, 0, 0));
            ObjectNode updated = get("1");
            assertThat(meta(updated).get("last_action").asText()).isEqualTo("UPDATED");
            assertThat(meta(updated).get("first_seen_at").asText()).isEqualTo("2024-01-01T00:00:01+00:00");
            assertThat(meta(updated).get("last_modified_at").asText()).isEqualTo("2024-01-01T00:00:03+00:00");
            assertThat(updated.get("title").asText()).isEqualTo("b");

            runId = 4;
            assertThat(delete("[{'id':'1'}]")).isEqualTo(new BatchResult(0, 0, 1, 0));
            ObjectNode deleted = get("1");
            assertThat(meta(deleted).get("last_action").asText()).isEqualTo("DELETED");
            assertThat(meta(deleted).get("deleted_at").asText()).isEqualTo("2024-01-01T00:00:04+00:00");
            assertThat(meta(deleted).get("last_modified_at").asText()).isEqualTo("2024-01-01T00:00:04+00:00");

            runId = 5;
            assertThat(save("[{'id':'1','title':'b'}]")).isEqualTo(new BatchResult(1, 0, 0, 0));
            ObjectNode readded = get("1");
            assertThat(meta(readded).get("last_action").asText()).isEqualTo("ADDED");
            assertThat(meta(readded).get("first_seen_at").asText()).isEqualTo("2024-01-01T00:00:05+00:00");
            assertThat(meta(readded).get("last_modified_at").asText()).isEqualTo("2024-01-01T00:00:05+00:00");
            assertThat(meta(readded).get("deleted_at").isNull()).isTrue();
            assertThat(payload(readded)).isEqualTo(obj("{'id':'1','title':'b'}"));
        }

        @Test
        void aReorderedButEqualRecordCountsAsUpdatedBecauseTheHashIsKeyOrderSensitive() {
            save("[{'id':'1','a':1,'b':2}]");
            assertThat(save("[{'id':'1','b':2,'a':1}]")).isEqualTo(new BatchResult(0, 1, 0, 0));
        }

        @Test
        void numericIdsAreReturnedAsStringsWithThePayloadKeyOrderKept() {
            save("[{'title':'x','id':7}]");
            assertThat(JsJson.stringify(payload(get("7")))).isEqualTo("{\"title\":\"x\",\"id\":\"7\"}");
        }

        @Test
        void variantsAndConnectionsAreSeparateRecordSets() {
            save("[{'id':'1'}]");
            RecordScope variant = new RecordScope("github", "conn-1", "v2");
            RecordScope other = RecordScope.of("github", "conn-2");
            assertThat(store.batchSave(variant, MODEL, arr("[{'id':'1'}]"), 1, clock.instant(), logs::add).added()).isOne();
            assertThat(store.batchSave(other, MODEL, arr("[{'id':'1'}]"), 1, clock.instant(), logs::add).added()).isOne();
            assertThat(store.getRecordsByIds(variant, "Issue", List.of("1"))).containsKey("1");
            assertThat(store.list(SCOPE, MODEL, RecordQuery.defaults()).records()).hasSize(1);
            // Like Nango, the variant is part of the stored model name.
            assertThat(store.list(SCOPE, "Issue::v2", RecordQuery.defaults()).records()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("batchSave")
    class BatchSave {
        @Test
        void keepsTheFirstOfDuplicateIdsAndLogsTheOthers() {
            assertThat(save("[{'id':'1','v':'first'},{'id':'1','v':'second'}]")).isEqualTo(new BatchResult(1, 0, 0, 0));
            assertThat(get("1").get("v").asText()).isEqualTo("first");
            assertThat(logs).extracting(LogEntry::message)
                    .containsExactly("Found duplicate key '1' for model Issue. The record was ignored.");
        }

        @Test
        void savesMoreThan1000RecordsInOneTransactionWithOneTimestamp() {
            ArrayNode records = JsonNodeFactory.instance.arrayNode();
            IntStream.range(0, 2345).forEach(i -> records.addObject().put("id", "r" + i).put("n", i));

            assertThat(save(records)).isEqualTo(new BatchResult(2345, 0, 0, 0));

            List<ObjectNode> stored = all();
            assertThat(stored).hasSize(2345);
            assertThat(stored).extracting(r -> meta(r).get("last_modified_at").asText()).containsOnly("2024-01-01T00:00:01+00:00");
        }

        @Test
        void anInvalidRecordAnywhereWritesNothing() {
            ArrayNode records = JsonNodeFactory.instance.arrayNode();
            IntStream.range(0, 1500).forEach(i -> records.addObject().put("id", "r" + i));
            records.addObject().put("id", "");

            assertThatThrownBy(() -> save(records)).hasMessageContaining("index 1500");
            assertThat(all()).isEmpty();
        }

        @Test
        void timestampsStrictlyIncreaseEvenWhenTheClockStandsStill() {
            Instant frozen = clock.instant();
            store.batchSave(SCOPE, MODEL, arr("[{'id':'1'}]"), 1, frozen, logs::add);
            store.batchSave(SCOPE, MODEL, arr("[{'id':'2'}]"), 1, frozen, logs::add);
            store.batchSave(SCOPE, MODEL, arr("[{'id':'3'}]"), 1, frozen.minusSeconds(60), logs::add);

            assertThat(all()).extracting(r -> meta(r).get("last_modified_at").asText()).containsExactly(
                    "2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00.000001+00:00", "2024-01-01T00:00:00.000002+00:00");
        }
    }

    @Nested
    @DisplayName("batchUpdate")
    class BatchUpdate {
        @Test
        void deepMergesObjectsReplacesArraysAndIgnoresUnknownIds() {
            save("[{'id':'1','identity':{'name':'John','age':44},'tags':['a','b'],'n':1}]");

            assertThat(update("[{'id':'1','identity':{'name':'Jane'},'tags':['c']},{'id':'404','x':1}]"))
                    .isEqualTo(new BatchResult(0, 1, 0, 0));

            ObjectNode record = get("1");
            assertThat(JsJson.stringify(payload(record)))
                    .isEqualTo("{\"id\":\"1\",\"identity\":{\"name\":\"Jane\",\"age\":44},\"tags\":[\"c\"],\"n\":1}");
            assertThat(meta(record).get("last_action").asText()).isEqualTo("UPDATED");
            assertThat(get("404")).isNull();
        }

        @Test
        void bumpsLastModifiedEvenWhenTheMergeChangesNothing() {
            save("[{'id':'1','a':1}]");
            assertThat(update("[{'id':'1'}]").updated()).isOne();
            assertThat(meta(get("1")).get("last_modified_at").asText()).isEqualTo("2024-01-01T00:00:02+00:00");
        }

        @Test
        void skipsAPartialIdenticalToTheLastOneAndDeletedRecords() {
            save("[{'id':'1','a':1},{'id':'2'}]");
            update("[{'id':'1','a':2}]");
            delete("[{'id':'2'}]");

            assertThat(update("[{'id':'1','a':2},{'id':'2','b':1}]")).isEqualTo(BatchResult.EMPTY);
            assertThat(payload(get("2"))).isEqualTo(obj("{'id':'2'}"));
        }

        @Test
        void storesThePartialsHashSoTheNextFullSaveCountsAsUpdated() {
            save("[{'id':'1','a':1,'b':1}]");
            update("[{'id':'1','a':2}]");
            assertThat(save("[{'id':'1','a':2,'b':1}]")).isEqualTo(new BatchResult(0, 1, 0, 0));
        }
    }

    @Nested
    @DisplayName("batchDelete")
    class BatchDelete {
        @Test
        void insertsUnknownIdsAsUncountedTombstones() {
            assertThat(delete("[{'id':'ghost','reason':'gone'}]")).isEqualTo(BatchResult.EMPTY);
            ObjectNode tombstone = get("ghost");
            assertThat(meta(tombstone).get("last_action").asText()).isEqualTo("DELETED");
            assertThat(payload(tombstone)).isEqualTo(obj("{'id':'ghost','reason':'gone'}"));
        }

        @Test
        void honoursDeletedAtAndStoresThePassedPayload() {
            save("[{'id':'1','title':'full record'}]");
            assertThat(delete("[{'id':'1','deletedAt':'2023-06-01T12:00:00.5Z'}]").deleted()).isOne();

            ObjectNode record = get("1");
            assertThat(meta(record).get("deleted_at").asText()).isEqualTo("2023-06-01T12:00:00.5+00:00");
            assertThat(meta(record).get("last_modified_at").asText()).isEqualTo("2024-01-01T00:00:02+00:00");
            assertThat(payload(record)).isEqualTo(obj("{'id':'1','deletedAt':'2023-06-01T12:00:00.5Z'}"));
        }

        @Test
        void deletingTwiceCountsOnce() {
            save("[{'id':'1'}]");
            assertThat(delete("[{'id':'1'}]").deleted()).isOne();
            assertThat(delete("[{'id':'1'}]").deleted()).isZero();
        }
    }

    @Nested
    @DisplayName("deleteUnseen (track_deletes)")
    class DeleteUnseen {
        @Test
        void deletesLiveRecordsNotSeenByTheRunOrALaterOne() {
            runId = 10;
            save("[{'id':'kept'},{'id':'dropped'},{'id':'gone'}]");
            delete("[{'id':'gone'}]");
            runId = 11;
            save("[{'id':'kept'}]"); // unchanged, but seen

            assertThat(store.deleteUnseen(SCOPE, MODEL, 11, 11, clock.advance(Duration.ofSeconds(1)))).containsExactly("dropped");

            assertThat(meta(get("kept")).get("last_action").asText()).isEqualTo("ADDED");
            assertThat(meta(get("dropped")).get("last_action").asText()).isEqualTo("DELETED");
            assertThat(meta(get("dropped")).get("deleted_at")).isEqualTo(meta(get("dropped")).get("last_modified_at"));
        }

        @Test
        void recordsTouchedOnlyByBatchUpdateCountAsSeen() {
            runId = 1;
            save("[{'id':'1'}]");
            runId = 2;
            update("[{'id':'1','x':1}]");
            assertThat(store.deleteUnseen(SCOPE, MODEL, 2, 2, clock.instant())).isEmpty();
        }
    }

    @Nested
    @DisplayName("the records API")
    class ListApi {
        private void seed(int count) {
            for (int i = 0; i < count; i += 50) {
                ArrayNode page = JsonNodeFactory.instance.arrayNode();
                IntStream.range(i, Math.min(count, i + 50)).forEach(n -> page.addObject().put("id", "r" + n));
                save(page);
            }
        }

        @Test
        void pagesWithTheCursorWithoutGapsOrRepeats() {
            seed(250);
            Set<String> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                RecordPage page = store.list(SCOPE, MODEL, RecordQuery.defaults().withLimit(100).withCursor(cursor));
                page.records().forEach(r -> assertThat(seen.add(r.get("id").asText())).isTrue());
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(3);
            assertThat(seen).hasSize(250);
        }

        @Test
        void ordersByLastModifiedThenRowIdAndEachRecordsCursorContinuesAfterIt() {
            save("[{'id':'a'},{'id':'b'},{'id':'c'}]");
            save("[{'id':'a','v':2}]");

            List<ObjectNode> records = all();
            assertThat(records).extracting(r -> r.get("id").asText()).containsExactly("b", "c", "a");

            String afterB = meta(records.getFirst()).get("cursor").asText();
            RecordPage rest = store.list(SCOPE, MODEL, RecordQuery.defaults().withCursor(afterB));
            assertThat(rest.records()).extracting(r -> r.get("id").asText()).containsExactly("c", "a");
            assertThat(rest.nextCursor()).isNull();
        }

        @Test
        void aPageExactlyAtTheLimitHasNoNextCursor() {
            seed(100);
            assertThat(store.list(SCOPE, MODEL, RecordQuery.defaults()).nextCursor()).isNull();
            seed(101);
            assertThat(store.list(SCOPE, MODEL, RecordQuery.defaults()).nextCursor()).isNotNull();
        }

        @Test
        void modifiedAfterIsInclusive() {
            save("[{'id':'old'}]");
            Instant second = clock.advance(Duration.ofSeconds(1));
            store.batchSave(SCOPE, MODEL, arr("[{'id':'new'}]"), 1, second, logs::add);

            RecordPage page = store.list(SCOPE, MODEL, RecordQuery.defaults().withModifiedAfter(second));
            assertThat(page.records()).extracting(r -> r.get("id").asText()).containsExactly("new");
        }

        @Test
        void filtersByAnySetOfLastActions() {
            save("[{'id':'added'},{'id':'updated'},{'id':'deleted'}]");
            save("[{'id':'updated','v':2}]");
            delete("[{'id':'deleted'}]");

            assertThat(ids(Set.of(RecordFilter.ADDED))).containsExactly("added");
            assertThat(ids(Set.of(RecordFilter.UPDATED))).containsExactly("updated");
            assertThat(ids(Set.of(RecordFilter.DELETED))).containsExactly("deleted");
            assertThat(ids(RecordFilter.parse("Added,DELETED"))).containsExactly("added", "deleted");
            assertThat(ids(RecordFilter.parse("updated, deleted"))).containsExactly("updated", "deleted");
            assertThat(ids(Set.of())).containsExactly("added", "updated", "deleted");
        }

        private List<String> ids(Set<RecordFilter> filter) {
            return store.list(SCOPE, MODEL, RecordQuery.defaults().withFilter(filter)).records().stream()
                    .map(r -> r.get("id").asText()).toList();
        }

        @Test
        void rejectsALimitOutOfRangeAnUnknownFilterAndABadCursor() {
            assertThatThrownBy(() -> RecordQuery.defaults().withLimit(10_001))
                    .hasMessage("Records limit 10001 is out of range: it must be between 1 and 10000. Page with the cursor instead.");
            assertThatThrownBy(() -> RecordQuery.defaults().withLimit(0)).isInstanceOf(NangoException.class);
            assertThatThrownBy(() -> RecordFilter.parse("added,removed"))
                    .hasMessage("Records filter 'added,removed' is not valid: 'removed' is not one of added, updated, deleted. Use e.g. 'added,updated'.");
            assertThatThrownBy(() -> store.list(SCOPE, MODEL, RecordQuery.defaults().withCursor("bm9wZQ==")))
                    .isInstanceOf(NangoException.class)
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("invalid_cursor");
        }
    }

    @Nested
    @DisplayName("getRecordsByIds")
    class GetRecordsByIds {
        @Test
        void returnsStoredRecordsDeletedIncludedInTheOrderAsked() {
            save("[{'id':'1'},{'id':'2'},{'id':'3'}]");
            delete("[{'id':'2'}]");

            Map<String, ObjectNode> found = store.getRecordsByIds(SCOPE, MODEL, List.of("3", "missing", "2"));

            assertThat(found.keySet()).containsExactly("3", "2");
            assertThat(meta(found.get("2")).get("last_action").asText()).isEqualTo("DELETED");
        }
    }
}
