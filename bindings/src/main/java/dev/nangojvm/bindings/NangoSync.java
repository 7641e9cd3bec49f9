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

}
