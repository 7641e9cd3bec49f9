package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.ProxyConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small builders for test data; JSON written with single quotes for readability. */
final class Fixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final ExecutionInfo INFO = new ExecutionInfo("conn-1", "my-integration", "fake", "issues", "sync", null);

    private Fixtures() {
    }

    static JsonNode json(String singleQuoted) {
        try {
            return MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode obj(String singleQuoted) {
        return (ObjectNode) json(singleQuoted);
    }

    static ProxyConfiguration cfg(String singleQuoted) {
        return new ProxyConfiguration(obj(singleQuoted));
    }

    static Provider provider(String singleQuoted) {
        return new Provider("fake", obj(singleQuoted));
    }

    static Connection connection(String credentials) {
        return connection(credentials, "{}");
    }

    static Connection connection(String credentials, String connectionConfig) {
        return new Connection("conn-1", "my-integration", "fake", obj(credentials), obj(connectionConfig), null);
    }
}
