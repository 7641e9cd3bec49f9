package dev.nangojvm.bindings;

import java.util.List;

/**
 * The deployed configuration of a sync that the runtime needs (from nango.yaml).
 *
 * @param name         sync name
 * @param models       declared output models; batchSave rejects any other
 * @param syncType     {@code full} or {@code incremental}
 * @param trackDeletes legacy {@code track_deletes}: after a successful full run, delete unseen records
 */
public record SyncConfig(String name, List<String> models, String syncType, boolean trackDeletes) {
    public SyncConfig {
        models = List.copyOf(models);
    }
}
