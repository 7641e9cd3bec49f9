package dev.nangojvm.bindings.store;

import static dev.nangojvm.bindings.store.Json.arr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.store.RecordBatches.Operation;
import dev.nangojvm.bindings.store.internal.JsJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordBatchesTest {
    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private final List<LogEntry> logs = new ArrayList<>();

    private RecordBatch prepare(Operation op, ArrayNode records) {
        return RecordBatches.prepare(op, "Issue", records, logs::add, NOW);
    }

    @Nested
    @DisplayName("ids")
    class Ids {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "[{'id':'a'},{'title':'x'}]         | batchSave: invalid record at index 1 for model 'Issue': 'id' must be a non-empty string of at most 255 characters or a non-zero number, but it is missing. Give every record a unique 'id'.",
                "[{'id':''}]                        | batchSave: invalid record at index 0 for model 'Issue': 'id' must be a non-empty string of at most 255 characters or a non-zero number, but it is an empty string. Give every record a unique 'id'.",
                "[{'id':1},{'id':2},{'id':0}]       | batchSave: invalid record at index 2 for model 'Issue': 'id' must be a non-empty string of at most 255 characters or a non-zero number, but it is 0. Give every record a unique 'id'.",
                "[{'id':true}]                      | batchSave: invalid record at index 0 for model 'Issue': 'id' must be a non-empty string of at most 255 characters or a non-zero number, but it is the boolean true. Give every record a unique 'id'.",
                "[{'id':null}]                      | batchSave: invalid record at index 0 for model 'Issue': 'id' must be a non-empty string of at most 255 characters or a non-zero number, but it is null. Give every record a unique 'id'.",
                "[{'id':{'a':1}}]                   | batchSave: invalid record at index 0 for model 'Issue': 'id' must be a non-empty string of at most 255 characters or a non-zero number, but it is an object. Give every record a unique 'id'.",
                "[{'id':'a'},'text']                | batchSave: invalid record at index 1 for model 'Issue': a record must be an object, but it is the string 'text'. Pass an array of record objects."})
        void badIdsAreRejectedNamingTheIndexAndTheRule(String records, String message) {
            assertThatThrownBy(() -> prepare(Operation.SAVE, arr(records)))
                    .isInstanceOf(NangoException.class)
                    .hasMessage(message)
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("invalid_sync_record");
        }

        @Test
        void aStringIdOf255CharactersIsFineAnd256IsNot() {
            ArrayNode ok = JsonNodeFactory.instance.arrayNode();
            ok.addObject().put("id", "x".repeat(255));
            assertThat(prepare(Operation.SAVE, ok).size()).isOne();

            ArrayNode tooLong = JsonNodeFactory.instance.arrayNode();
            tooLong.addObject().put("id", "x".repeat(256));
            assertThatThrownBy(() -> prepare(Operation.SAVE, tooLong))
                    .hasMessageContaining("but it is a string of 256 characters");
        }

        @Test
        void numericIdsAreStoredAsTheirJsString() {
            RecordBatch batch = prepare(Operation.SAVE, arr("[{'id':42},{'id':-1.5},{'id':7.0}]"));
            assertThat(batch.chunks().getFirst()).extracting(RecordInput::externalId).containsExactly("42", "-1.5", "7");
        }

        @Test
        void nulCharactersAreRemovedFromTheExternalId() {
            ArrayNode records = JsonNodeFactory.instance.arrayNode();
            records.addObject().put("id", "a\u0000b");
            assertThat(prepare(Operation.SAVE, records).chunks().getFirst().getFirst().externalId()).isEqualTo("ab");
        }
    }

    @Test
    void nangoMetadataIsStrippedFromTheCallersRecordsBeforeHashing() {
        ArrayNode records = arr("[{'id':'1','_nango_metadata':{'cursor':'x'},'t':'a'},{'id':'2','_nango_metadata':null}]");
        RecordInput first = prepare(Operation.SAVE, records).chunks().getFirst().getFirst();

        assertThat(records.get(0).has("_nango_metadata")).isFalse();
        assertThat(records.get(1).has("_nango_metadata")).isFalse();
        assertThat(first.json()).isEqualTo("{\"id\":\"1\",\"t\":\"a\"}");
        assertThat(first.dataHash()).isEqualTo(JsJson.md5Hex("{\"id\":\"1\",\"t\":\"a\"}"));
    }

    @Test
    void theHashDependsOnKeyOrder() {
        RecordBatch batch = prepare(Operation.SAVE, arr("[{'id':'1','a':1,'b':2}]"));
        RecordBatch reordered = prepare(Operation.SAVE, arr("[{'id':'1','b':2,'a':1}]"));
        assertThat(batch.chunks().getFirst().getFirst().dataHash())
                .isNotEqualTo(reordered.chunks().getFirst().getFirst().dataHash());
    }

    @Nested
    @DisplayName("duplicates and chunks")
    class DuplicatesAndChunks {
        @Test
        void withinABatchTheFirstOccurrenceWinsAndEachDuplicateKeyIsLoggedAsAnError() {
            RecordBatch batch = prepare(Operation.SAVE, arr("[{'id':'a','v':1},{'id':'b'},{'id':'a','v':2},{'id':'a','v':3}]"));

            assertThat(batch.chunks().getFirst()).extracting(RecordInput::json)
                    .containsExactly("{\"id\":\"a\",\"v\":1}", "{\"id\":\"b\"}");
            assertThat(logs).singleElement().satisfies(log -> {
                assertThat(log.level()).isEqualTo("error");
                assertThat(log.source()).isEqualTo("internal");
                assertThat(log.message()).isEqualTo("Found duplicate key 'a' for model Issue. The record was ignored.");
                assertThat(log.createdAt()).isEqualTo(NOW);
            });
        }

        @Test
        void aNumberAndItsStringAreTheSameKey() {
            RecordBatch batch = prepare(Operation.SAVE, arr("[{'id':1},{'id':'1'}]"));
            assertThat(batch.size()).isOne();
            assertThat(logs).extracting(LogEntry::message).containsExactly("Found duplicate key '1' for model Issue. The record was ignored.");
        }

        @Test
        void recordsAreSplitInChunksOf1000AndDuplicatesAcrossChunksAreKept() {
            ArrayNode records = JsonNodeFactory.instance.arrayNode();
            IntStream.range(0, 2500).forEach(i -> records.addObject().put("id", "r" + (i % 700)));

            RecordBatch batch = prepare(Operation.SAVE, records);

            // chunk 1: r0..r699 then r0..r299 again; chunk 2: r300..r699 then r0..r599; chunk 3: r600..r699, r0..r399
            assertThat(batch.chunks()).extracting(List::size).containsExactly(700, 700, 500);
            assertThat(logs).hasSize(300 + 300);
        }

        @Test
        void anEmptyOrNullArrayIsAnEmptyBatch() {
            assertThat(prepare(Operation.SAVE, JsonNodeFactory.instance.arrayNode()).isEmpty()).isTrue();
            assertThat(prepare(Operation.SAVE, null).isEmpty()).isTrue();
        }
    }

    @Nested
    @DisplayName("deletedAt")
    class DeletedAt {
        @Test
        void isReadForDeletesOnlyAndFalsyMeansNow() {
            ArrayNode records = arr("[{'id':'1','deletedAt':'2024-02-03T04:05:06Z'},{'id':'2','deletedAt':null},{'id':'3','deletedAt':''},{'id':'4'}]");
            assertThat(prepare(Operation.DELETE, records).chunks().getFirst()).extracting(RecordInput::deletedAt)
                    .containsExactly(Instant.parse("2024-02-03T04:05:06Z"), null, null, null);
            assertThat(prepare(Operation.SAVE, records.deepCopy()).chunks().getFirst()).extracting(RecordInput::deletedAt)
                    .containsOnlyNulls();
        }

        @Test
        void anUnparseableDeletedAtIsAnInvalidRecord() {
            assertThatThrownBy(() -> prepare(Operation.DELETE, arr("[{'id':'1','deletedAt':'last tuesday'}]")))
                    .hasMessage("batchDelete: invalid record at index 0 for model 'Issue': 'deletedAt' must be an ISO date-time "
                            + "or epoch milliseconds, but it is the string 'last tuesday'. Pass a Date or an ISO string, "
                            + "or leave it out to use the deletion time.");
        }
    }
}
