package dev.nangojvm.bindings.store.sql;

import static dev.nangojvm.bindings.store.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.store.Checkpointing;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.nangojvm.bindings.store.StoreKind;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.BeforeEach;
import dev.nangojvm.bindings.store.CheckpointStore;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class SqlCheckpointStoreTest {
    private static final String KEY = Checkpointing.syncKey("issues", "base");

    @Parameter
    StoreKind kind;

    private SqlStores stores;
    private CheckpointStore store;

    @BeforeEach
    void open() {
        stores = kind.open(java.time.Clock.systemUTC());
        store = stores.checkpoints();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    private Checkpointing checkpointing() {
        return new Checkpointing(store, "github", "conn-1", KEY);
    }

    @Nested
    @DisplayName("validation")
    class Validation {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "{'a':null}         | Error saving checkpoint: field 'a' is null, which is not allowed. Values must be strings, numbers or booleans; store nested data as a JSON string. Leave the field out instead.",
                "{'a':[1]}          | Error saving checkpoint: field 'a' is an array, which is not allowed. Values must be strings, numbers or booleans; store nested data as a JSON string.",
                "{'a':{'b':1}}      | Error saving checkpoint: field 'a' is a nested object, which is not allowed. Values must be strings, numbers or booleans; store nested data as a JSON string."})
        void rejectsNullArraysAndNestedObjects(String checkpoint, String message) {
            assertThatThrownBy(() -> checkpointing().saveCheckpoint(obj(checkpoint)))
                    .isInstanceOf(NangoException.class)
                    .hasMessage(message)
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("invalid_checkpoint");
        }

        @Test
        void allowsSixteenFieldsButNotSeventeen() {
            ObjectNode sixteen = JsonNodeFactory.instance.objectNode();
            IntStream.range(0, 16).forEach(i -> sixteen.put("f" + i, i));
            checkpointing().saveCheckpoint(sixteen);

            sixteen.put("f16", true);
            assertThatThrownBy(() -> checkpointing().saveCheckpoint(sixteen))
                    .hasMessage("Error saving checkpoint: a checkpoint may have at most 16 fields, but it has 17. Keep only what is needed to resume.");
        }

        @Test
        void allowsStringsOf4000CharactersButNotLonger() {
            checkpointing().saveCheckpoint(JsonNodeFactory.instance.objectNode().put("cursor", "x".repeat(4000)));
            assertThatThrownBy(() -> checkpointing().saveCheckpoint(JsonNodeFactory.instance.objectNode().put("cursor", "x".repeat(4001))))
                    .hasMessage("Error saving checkpoint: field 'cursor' is a string of 4001 characters, but strings may have at most 4000. "
                            + "Store a shorter value, such as an id or a timestamp.");
        }

        @Test
        void rejectsFieldNamesLongerThan255Characters() {
            ObjectNode checkpoint = JsonNodeFactory.instance.objectNode().put("k".repeat(256), 1);
            assertThatThrownBy(() -> checkpointing().saveCheckpoint(checkpoint))
                    .hasMessageStartingWith("Error saving checkpoint: field names may have at most 255 characters, but '")
                    .hasMessageEndingWith("' has 256. Use a shorter name.");
        }

        @Test
        void acceptsStringsNumbersAndBooleans() {
            Checkpointing cp = checkpointing();
            cp.saveCheckpoint(obj("{'since':'2024-01-01T00:00:00.000Z','page':3,'ratio':0.5,'done':false}"));
            assertThat(cp.getCheckpoint()).contains(obj("{'since':'2024-01-01T00:00:00.000Z','page':3,'ratio':0.5,'done':false}"));
        }
    }

    @Nested
    @DisplayName("lifecycle")
    class Lifecycle {
        @Test
        void isEmptyUntilSavedAndAfterClearing() {
            Checkpointing cp = checkpointing();
            assertThat(cp.getCheckpoint()).isEmpty();
            cp.saveCheckpoint(obj("{'page':1}"));
            cp.saveCheckpoint(obj("{'page':2}"));
            assertThat(checkpointing().getCheckpoint()).contains(obj("{'page':2}"));

            cp.clearCheckpoint();
            assertThat(checkpointing().getCheckpoint()).isEmpty();
            cp.saveCheckpoint(obj("{'page':3}"));
            assertThat(checkpointing().getCheckpoint()).contains(obj("{'page':3}"));
        }

        @Test
        void clearingWhenThereIsNothingIsFine() {
            checkpointing().clearCheckpoint();
            assertThat(checkpointing().getCheckpoint()).isEmpty();
        }

        @Test
        void aConcurrentWriterMakesTheStaleOneFail() {
            Checkpointing first = checkpointing();
            first.saveCheckpoint(obj("{'page':1}"));
            Checkpointing second = checkpointing();
            second.getCheckpoint();
            second.saveCheckpoint(obj("{'page':2}"));

            assertThatThrownBy(() -> first.saveCheckpoint(obj("{'page':9}")))
                    .isInstanceOf(NangoException.class)
                    .hasMessage("Error saving checkpoint: checkpoint 'sync:issues:base' was changed by another execution "
                            + "(expected version 1, found 2). Read it again with getCheckpoint() before saving.")
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("checkpoint_conflict");
            assertThat(first.getCheckpoint()).contains(obj("{'page':2}"));
            first.saveCheckpoint(obj("{'page':3}"));
        }

        @Test
        void versionsCountEverySaveAndDelete() {
            Checkpointing cp = checkpointing();
            cp.saveCheckpoint(obj("{'page':1}"));
            cp.saveCheckpoint(obj("{'page':2}"));
            cp.clearCheckpoint();
            assertThat(store.get("github", "conn-1", KEY)).hasValueSatisfying(row -> {
                assertThat(row.version()).isEqualTo(3);
                assertThat(row.isDeleted()).isTrue();
            });
        }

        @Test
        void aResetDeletesEveryKeyWithThePrefixOnly() {
            new Checkpointing(store, "github", "conn-1", "sync:issues:base").saveCheckpoint(obj("{'a':1}"));
            new Checkpointing(store, "github", "conn-1", "sync:issues:base:trackDeletes:Issue").saveCheckpoint(obj("{'a':1}"));
            new Checkpointing(store, "github", "conn-1", "sync:issues_2:base").saveCheckpoint(obj("{'a':1}"));

            assertThat(store.deleteAll("github", "conn-1", "sync:issues:")).isEqualTo(2);
            assertThat(store.get("github", "conn-1", "sync:issues_2:base")).isPresent();
        }
    }

    @Test
    void keysFollowNangosNamingPerScriptType() {
        assertThat(Checkpointing.keyFor(new ExecutionInfo("c", "p", "github", "issues", "sync", null))).isEqualTo("sync:issues:base");
        assertThat(Checkpointing.keyFor(new ExecutionInfo("c", "p", "github", "issues", "webhook", "v2"))).isEqualTo("webhook:issues:v2");
        assertThat(Checkpointing.keyFor(new ExecutionInfo("c", "p", "github", "create-issue", "action", null))).isEqualTo("action:create-issue");
        assertThat(Checkpointing.keyFor(new ExecutionInfo("c", "p", "github", "setup", "on-event", null))).isEqualTo("on-event:setup");
    }
}
