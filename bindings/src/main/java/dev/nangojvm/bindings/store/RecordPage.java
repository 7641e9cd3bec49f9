package dev.nangojvm.bindings.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of the records API.
 *
 * @param records    stored payloads with {@code id} set to the external id (a string) and
 *                   {@code _nango_metadata}: {@code first_seen_at}, {@code last_modified_at},
 *                   {@code last_action}, {@code deleted_at}, {@code pruned_at} (always null here), {@code cursor}
 * @param nextCursor the cursor of the last record when more records follow, else {@code null}
 */
public record RecordPage(List<ObjectNode> records, String nextCursor) {
    public RecordPage {
        records = List.copyOf(records);
    }
}
