package dev.nangojvm.bindings.store;

import java.util.Objects;

/**
 * Whose records: one connection of one integration, and the sync variant. Records of the same
 * model in different variants are distinct, exactly as Nango stores them under {@code Model::variant}.
 *
 * @param providerConfigKey the integration's unique key
 * @param connectionId      the connection's user-facing id
 * @param variant           the sync variant; {@code null} means {@link #BASE_VARIANT}
 */
public record RecordScope(String providerConfigKey, String connectionId, String variant) {
    /** The default variant; its records are stored under the bare model name. */
    public static final String BASE_VARIANT = "base";

    public RecordScope {
        Objects.requireNonNull(providerConfigKey, "providerConfigKey");
        Objects.requireNonNull(connectionId, "connectionId");
        variant = variant == null || variant.isEmpty() ? BASE_VARIANT : variant;
    }

    /** The scope of the base variant. */
    public static RecordScope of(String providerConfigKey, String connectionId) {
        return new RecordScope(providerConfigKey, connectionId, BASE_VARIANT);
    }

    /** The stored model name, as Nango puts it on the wire: {@code model} for the base variant, else {@code model::variant}. */
    public String modelKey(String model) {
        Objects.requireNonNull(model, "model");
        return BASE_VARIANT.equals(variant) ? model : model + "::" + variant;
    }
}
