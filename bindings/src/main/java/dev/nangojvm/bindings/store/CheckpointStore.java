package dev.nangojvm.bindings.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Checkpoint rows per (integration, connection, key), with optimistic locking: the SPI, with
 * {@code H2CheckpointStore} as the default. Keys look like {@code sync:<name>:<variant>} or
 * {@code action:<name>} ({@link Checkpointing}). The store does not validate the checkpoint
 * object; {@link Checkpointing} does. Implementations are thread-safe.
 */
public interface CheckpointStore {

    /** The row, soft-deleted or not; empty if there never was one (or after {@link #deleteAll}). */
    Optional<StoredCheckpoint> get(String providerConfigKey, String connectionId, String key);

    /**
     * Saves {@code checkpoint}. Without a row: creates it at version 1. With a row (even
     * soft-deleted): replaces it and increments the version, but only if the version is
     * {@code expectedVersion}; otherwise throws {@code NangoException} {@code checkpoint_conflict}.
     *
     * @return the row as now stored
     */
    StoredCheckpoint put(String providerConfigKey, String connectionId, String key, ObjectNode checkpoint,
                         long expectedVersion);

    /**
     * Soft-deletes the row if its version is {@code expectedVersion}, incrementing the version;
     * throws {@code checkpoint_conflict} if it is another. No row, or already deleted: nothing happens.
     */
    void delete(String providerConfigKey, String connectionId, String key, long expectedVersion);

    /** Hard-deletes every row of the connection whose key starts with {@code keyPrefix} (sync reset); returns the count. */
    int deleteAll(String providerConfigKey, String connectionId, String keyPrefix);
}
