package dev.nangojvm.bindings.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.NangoException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code nango.getCheckpoint / saveCheckpoint / clearCheckpoint} for one execution. It remembers
 * the version it last read or wrote and writes with it, so a checkpoint changed by another
 * execution in between makes this one fail ({@code checkpoint_conflict}) instead of silently
 * overwriting it. Not thread-safe: one call at a time, as the script makes them.
 *
 * <pre>{@code
 * Checkpointing cp = new Checkpointing(store, "github", "conn-1", Checkpointing.keyFor(info));
 * cp.saveCheckpoint(json.objectNode().put("since", "2024-01-01T00:00:00Z"));
 * }</pre>
 */
public final class Checkpointing {
    private final CheckpointStore store;
    private final String providerConfigKey;
    private final String connectionId;
    private final String key;
    private Long version; // null until read or written; a missing row counts as version 1, as in Nango

    public Checkpointing(CheckpointStore store, String providerConfigKey, String connectionId, String key) {
        this.store = Objects.requireNonNull(store, "store");
        this.providerConfigKey = Objects.requireNonNull(providerConfigKey, "providerConfigKey");
        this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
        this.key = checkKey(Objects.requireNonNull(key, "key"));
    }

    /** The checkpoint key of a sync: {@code sync:<name>:<variant>}. */
    public static String syncKey(String syncName, String variant) {
        return "sync:" + syncName + ":" + (variant == null ? RecordScope.BASE_VARIANT : variant);
    }

    /** The checkpoint key of an action: {@code action:<name>}. */
    public static String actionKey(String actionName) {
        return "action:" + actionName;
    }

    /** Nango's key for an execution: {@code sync:}, {@code webhook:} (both with variant), {@code action:} or {@code on-event:}. */
    public static String keyFor(ExecutionInfo info) {
        return switch (info.scriptType()) {
            case "sync" -> syncKey(info.scriptName(), info.variant());
            case "webhook" -> "webhook:" + info.scriptName() + ":" + info.variant();
            case "on-event" -> "on-event:" + info.scriptName();
            default -> actionKey(info.scriptName());
        };
    }

    /** The key this instance reads and writes. */
    public String key() {
        return key;
    }

    /** {@code nango.getCheckpoint()}: the saved object, or empty if none or cleared. */
    public Optional<ObjectNode> getCheckpoint() {
        Optional<StoredCheckpoint> row = store.get(providerConfigKey, connectionId, key);
        version = row.map(StoredCheckpoint::version).orElse(1L);
        return row.filter(r -> !r.isDeleted()).map(StoredCheckpoint::checkpoint);
    }

    /** {@code nango.saveCheckpoint(obj)}: validated ({@link CheckpointRules}), then written with the known version. */
    public void saveCheckpoint(ObjectNode checkpoint) {
        CheckpointRules.validate(checkpoint);
        try {
            version = store.put(providerConfigKey, connectionId, key, checkpoint, knownVersion()).version();
        } catch (NangoException e) {
            if ("checkpoint_conflict".equals(e.code())) {
                throw new NangoException(e.code(), "Error saving checkpoint: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** {@code nango.clearCheckpoint()}: soft delete with the known version; nothing to clear is fine. */
    public void clearCheckpoint() {
        try {
            store.delete(providerConfigKey, connectionId, key, knownVersion());
        } catch (NangoException e) {
            if ("checkpoint_conflict".equals(e.code())) {
                throw new NangoException(e.code(), "Error deleting checkpoint: " + e.getMessage(), e);
            }
            throw e;
        }
        version = null; // re-read before the next write, as Nango does
    }

    private long knownVersion() {
        if (version == null) {
            getCheckpoint();
        }
        return version;
    }

    private static String checkKey(String key) {
        if (key.length() > CheckpointRules.MAX_CHECKPOINT_KEY_LENGTH) {
            throw new NangoException("invalid_checkpoint", "Checkpoint key '" + key.substring(0, 40) + "...' has "
                    + key.length() + " characters, but at most " + CheckpointRules.MAX_CHECKPOINT_KEY_LENGTH
                    + " are allowed. Use a shorter sync or action name.");
        }
        return key;
    }
}
