package dev.nangojvm.bindings;

import java.util.Objects;

/**
 * Identity of one execution, as the script sees it in {@code nango.connectionId} and friends.
 *
 * @param connectionId      the connection's user-facing id
 * @param providerConfigKey the integration's unique key
 * @param provider          the provider name in the catalog, e.g. {@code github}
 * @param scriptName        the sync or action name
 * @param scriptType        {@code sync}, {@code action}, {@code webhook} or {@code on-event}
 * @param variant           sync variant, {@code base} by default
 */
public record ExecutionInfo(String connectionId, String providerConfigKey, String provider,
                            String scriptName, String scriptType, String variant) {
    public ExecutionInfo {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(providerConfigKey, "providerConfigKey");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(scriptName, "scriptName");
        Objects.requireNonNull(scriptType, "scriptType");
        variant = variant == null ? "base" : variant;
    }
}
