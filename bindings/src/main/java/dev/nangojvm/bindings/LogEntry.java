package dev.nangojvm.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One activity-log entry. {@code source} is {@code user} for {@code nango.log} and
 * {@code internal} for what the runtime itself reports (retries, duplicate ids, ...).
 *
 * @param level   {@code debug}, {@code info}, {@code warn} or {@code error}
 * @param message the rendered message
 * @param meta    the optional payload object, or {@code null}
 */
public record LogEntry(String level, String source, String message, JsonNode meta, Instant createdAt) {
    public static LogEntry internal(String level, String message) {
        return new LogEntry(level, "internal", message, null, Instant.now());
    }
}
