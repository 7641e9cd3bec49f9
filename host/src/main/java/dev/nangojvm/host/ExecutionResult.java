package dev.nangojvm.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nangojvm.bindings.SyncSummary;
import java.time.Duration;

/**
 * The outcome of one execution. Exactly one of {@link #output()} (on success; JSON null for a
 * sync, whose output is its records) and {@link #error()} is meaningful.
 */
public record ExecutionResult(boolean succeeded, JsonNode output, ExecutionError error, SyncSummary syncSummary, Duration elapsed) {

    public ExecutionError errorOrThrow() {
        if (error == null) throw new IllegalStateException("the execution succeeded");
        return error;
    }
}
