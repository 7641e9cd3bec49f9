package dev.nangojvm.bindings.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A checkpoint row.
 *
 * @param checkpoint the saved object (the last one, even when soft-deleted); a copy
 * @param version    optimistic-locking version, incremented by every save and delete; starts at 1
 * @param deletedAt  when {@code clearCheckpoint} soft-deleted it, else {@code null}
 */
public record StoredCheckpoint(ObjectNode checkpoint, long version, Instant deletedAt) {
    public StoredCheckpoint {
        checkpoint = Objects.requireNonNull(checkpoint, "checkpoint").deepCopy();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
