package dev.nangojvm.bindings.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One record of a batch, validated and ready for a {@link RecordStore} to apply.
 *
 * @param externalId the record's id as Nango stores it: {@code String(id)} without NUL characters, 1-255 chars
 * @param payload    the record without {@code _nango_metadata}; the store must not modify it
 * @param json       {@code JSON.stringify(payload)}: the text to store (saves and deletes) and to hash
 * @param dataHash   lower-case hex MD5 of {@code json}
 * @param deletedAt  for deletes: the record's {@code deletedAt}, or {@code null} for "now"; always {@code null} otherwise
 */
public record RecordInput(String externalId, ObjectNode payload, String json, String dataHash, Instant deletedAt) {
    public RecordInput {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(dataHash, "dataHash");
    }
}
