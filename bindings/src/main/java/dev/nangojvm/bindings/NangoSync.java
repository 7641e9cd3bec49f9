package dev.nangojvm.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.Optional;

/** The {@code nango} object of one sync execution: everything an action has, plus records. */
public interface NangoSync extends NangoAction {

    /** {@code nango.lastSyncDate}: the start of the last successful run of this sync, if any. */
    Optional<Instant> lastSyncDate();

    /** {@code nango.batchSave(records, model)}; strips {@code _nango_metadata}, chunks by 1,000. */
    BatchResult batchSave(ArrayNode records, String model);

    /** {@code nango.batchUpdate(partials, model)}: deep merge into existing records, unknown ids ignored. */
    BatchResult batchUpdate(ArrayNode partials, String model);

    /** {@code nango.batchDelete(records, model)}: soft delete. */
    BatchResult batchDelete(ArrayNode records, String model);

    // Members added after the first release. Their defaults refuse, so that an implementation that
    // predates them (a test double, a decorator) still compiles; the host turns the refusal into a
    // script error. Decorators must delegate them explicitly.

    /**
     * One page of {@code nango.listRecords(model, {cursor})}, which the host turns into an async
     * generator of records: {@code {records: [...], nextCursor: string|null}}, 100 records of the
     * model (deleted included) after {@code cursor} (null from the start), oldest first.
     */
    default JsonNode listRecords(String model, String cursor) {
        throw unsupported("listRecords");
    }

    /** {@code nango.setMergingStrategy({strategy}, model)}: {@code override} or {@code ignore_if_modified_after}. */
    default void setMergingStrategy(String strategy, String model) {
        throw unsupported("setMergingStrategy");
    }

    /** {@code nango.deleteRecordsFromPreviousExecutions(model)}: {@code {deletedKeys: [...]}}. */
    default JsonNode deleteRecordsFromPreviousExecutions(String model) {
        throw unsupported("deleteRecordsFromPreviousExecutions");
    }

    /** {@code nango.trackDeletesStart(model)}: starts (or continues) a delete-tracking phase. */
    default void trackDeletesStart(String model) {
        throw unsupported("trackDeletesStart");
    }

    /** {@code nango.trackDeletesEnd(model)}: deletes what the phase has not seen; {@code {deletedKeys: [...]}}. */
    default JsonNode trackDeletesEnd(String model) {
        throw unsupported("trackDeletesEnd");
    }

    private static NangoException unsupported(String member) {
        return new NangoException("unknown_method", "nango." + member + " is not available in this runtime");
    }
}
