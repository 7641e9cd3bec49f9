package dev.nangojvm.host;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Why an execution failed, classified as Nango's runner classifies it.
 *
 * @param code     stable snake_case: {@code action_script_runtime_error}, {@code script_http_error},
 *                 {@code script_network_error}, {@code script_internal_error}, or a budget code:
 *                 {@code execution_timeout}, {@code statement_limit}, {@code output_too_large}, ...
 * @param message  human-readable, never containing secrets
 * @param payload  the structured payload (ActionError payload, upstream response body, ...), or null
 * @param location where the script failed, as {@code file.ts:line:column}, or {@code null}
 * @param stack    the guest stack with frames mapped to {@code .ts} sources where a source map exists
 */
public record ExecutionError(String code, String message, JsonNode payload, String location, String stack) {

    @Override
    public String toString() {
        return code + ": " + message + (location == null ? "" : " (at " + location + ")");
    }
}
