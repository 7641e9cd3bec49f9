package dev.nangojvm.bindings.store;

import java.util.Objects;

/**
 * One sync of one connection: what {@code lastSyncDate} and run history belong to.
 *
 * @param providerConfigKey the integration's unique key
 * @param connectionId      the connection's user-facing id
 * @param syncName          the sync's name
 * @param variant           the sync variant; {@code null} means {@code base}
 */
public record SyncKey(String providerConfigKey, String connectionId, String syncName, String variant) {
    public SyncKey {
        Objects.requireNonNull(providerConfigKey, "providerConfigKey");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(syncName, "syncName");
        variant = variant == null || variant.isEmpty() ? RecordScope.BASE_VARIANT : variant;
    }

    /** The records scope of this sync's connection and variant. */
    public RecordScope recordScope() {
        return new RecordScope(providerConfigKey, connectionId, variant);
    }
}
