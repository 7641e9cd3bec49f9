package dev.nangojvm.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code nango} object of one action execution, in Java. Member names are Nango's, verbatim.
 *
 * <p>Every method is blocking and may be called from any thread, one call at a time per
 * execution; the host runs them off the script's thread and resolves the script's promises with
 * the results. Failures are {@link NangoException}s whose {@link NangoException#code() code} the
 * host turns into the error object the script sees.
 */
public interface NangoAction {

    /** Who runs: connection, integration, provider, script. */
    ExecutionInfo info();

    /** {@code nango.proxy(config)}; the verb helpers ({@code get}, {@code post}, ...) call it with the method set. */
    ProxyResponse proxy(ProxyConfiguration config);

    /** {@code nango.paginate(config)}: a lazy cursor over pages; the next request happens only on {@link Paginator#next()}. */
    Paginator paginate(ProxyConfiguration config);

    /** {@code nango.getConnection()}: the public connection object, credentials included. */
    JsonNode getConnection(String providerConfigKeyOverride, String connectionIdOverride);

    /** {@code nango.getMetadata()}: the connection's metadata object, or JSON null. */
    JsonNode getMetadata();

    /** {@code nango.setMetadata(obj)}: replaces the whole metadata. */
    void setMetadata(ObjectNode metadata);

    /** {@code nango.updateMetadata(obj)}: shallow merge into the metadata. */
    void updateMetadata(ObjectNode metadata);

    /** {@code nango.getCheckpoint()}: the stored checkpoint, or JSON null. */
    JsonNode getCheckpoint();

    /** {@code nango.saveCheckpoint(obj)}. */
    void saveCheckpoint(ObjectNode checkpoint);

    /** {@code nango.clearCheckpoint()}. */
    void clearCheckpoint();

    /** {@code nango.getEnvironmentVariables()}: {@code [{name, value}]}. */
    JsonNode getEnvironmentVariables();

    /**
     * {@code nango.getRecordsByIds(ids, model)}: this connection's stored records (with
     * {@code _nango_metadata}, deleted ones included) keyed by {@code String(id)}. Actions have it
     * too, beyond Nango's runner, for the seed's "action leveraging sync responses" pattern.
     */
    default JsonNode getRecordsByIds(com.fasterxml.jackson.databind.node.ArrayNode ids, String model) {
        throw new NangoException("unsupported_member", "nango.getRecordsByIds is not available in this runtime");
    }

    /** {@code nango.log(...)} after the script-side argument parsing; never throws. */
    void log(LogEntry entry);
}
