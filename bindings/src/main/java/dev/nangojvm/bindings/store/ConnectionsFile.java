package dev.nangojvm.bindings.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a connections file, for the CLI and local runs:
 * <pre>{@code
 * {"connections": [
 *   {"connection_id": "conn-1", "provider_config_key": "github", "provider": "github",
 *    "credentials": {"type": "OAUTH2", "access_token": "..."},
 *    "connection_config": {}, "metadata": {"owner": "octo"}}
 * ]}
 * }</pre>
 * Field names are those of Nango's connection object; the camelCase spellings
 * ({@code connectionId}, {@code providerConfigKey}, {@code connectionConfig}) are accepted too.
 * {@code connection_config} and {@code metadata} are optional.
 */
public final class ConnectionsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectionsFile() {
    }

    /** Parses the file; throws {@code invalid_connections_file} naming the file, the entry and the problem. */
    public static List<StoredConnection> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw invalid(file, "cannot be read as JSON: " + e.getMessage());
        }
        JsonNode entries = root == null ? null : root.get("connections");
        if (entries == null || !entries.isArray()) {
            throw invalid(file, "must be an object with a 'connections' array, e.g. {\"connections\": [...]}.");
        }
        List<StoredConnection> result = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            result.add(toConnection(file, i, entries.get(i)));
        }
        return result;
    }

    /** Reads the file and {@link ConnectionStore#put puts} every connection; returns how many. */
    public static int load(Path file, ConnectionStore store) {
        List<StoredConnection> connections = read(file);
        connections.forEach(store::put);
        return connections.size();
    }

    private static StoredConnection toConnection(Path file, int index, JsonNode entry) {
        String where = "connections[" + index + "]";
        if (!(entry instanceof ObjectNode object)) {
            throw invalid(file, where + " must be an object.");
        }
        return new StoredConnection(
                text(file, where, object, "connection_id", "connectionId"),
                text(file, where, object, "provider_config_key", "providerConfigKey"),
                text(file, where, object, "provider", "provider"),
                object(file, where, object, "credentials", "credentials", true),
                object(file, where, object, "connection_config", "connectionConfig", false),
                object(file, where, object, "metadata", "metadata", false));
    }

    private static String text(Path file, String where, ObjectNode entry, String name, String alias) {
        JsonNode value = field(entry, name, alias);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw invalid(file, where + "." + name + " must be a non-empty string.");
        }
        return value.textValue();
    }

    private static ObjectNode object(Path file, String where, ObjectNode entry, String name, String alias, boolean required) {
        JsonNode value = field(entry, name, alias);
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid(file, where + "." + name + " is required: an object such as {\"type\": \"API_KEY\", \"apiKey\": \"...\"}.");
            }
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw invalid(file, where + "." + name + " must be an object.");
        }
        return object;
    }

    private static JsonNode field(ObjectNode entry, String name, String alias) {
        JsonNode value = entry.get(name);
        return value != null ? value : entry.get(alias);
    }

    private static NangoException invalid(Path file, String problem) {
        return new NangoException("invalid_connections_file", "Connections file " + file + ": " + problem);
    }
}
