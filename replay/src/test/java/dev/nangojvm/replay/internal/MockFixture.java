package dev.nangojvm.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.Page;
import dev.nangojvm.replay.MockFiles;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes mock files into a temporary {@code mocks/} folder; identities are given literally, as Node would serialise them. */
final class MockFixture {
    static final ObjectMapper JSON = new ObjectMapper();
    /** acme (cursor defaults with a dotted cursor path), acme-sandbox (alias), bare (no proxy block). */
    static final ProviderCatalog PROVIDERS = ProviderCatalog.load(resource("/providers-unit.yaml"));

    static Path resource(String name) {
        try {
            return Path.of(MockFixture.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    final Path mocks;
    final String name;
    final List<String> reads = new ArrayList<>();

    MockFixture(Path mocks, String name) {
        this.mocks = mocks;
        this.name = name;
    }

    MockFiles files() {
        return new MockFiles(mocks, name);
    }

    /** A hashed response file named by the SHA-1 of {@code identityJson}. */
    MockFixture hashed(String method, String endpoint, String identityJson, String response, String headers) throws IOException {
        Path dir = mocks.resolve("nango").resolve(method).resolve("proxy").resolve(endpoint).resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RequestIdentity.sha1(identityJson) + ".json"),
                "{\"method\":\"" + method + "\",\"endpoint\":\"" + endpoint + "\",\"response\":" + response
                        + ",\"status\":200,\"headers\":" + headers + "}");
        return this;
    }

    /** A legacy body-only file. */
    MockFixture legacy(String method, String endpoint, String body) throws IOException {
        Path file = mocks.resolve("nango").resolve(method).resolve("proxy").resolve(endpoint).resolve(name + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, body);
        return this;
    }

    MockPaginator paginator(String integration, String config) throws IOException {
        MockFiles files = files();
        return new MockPaginator(ScriptRequest.from((ObjectNode) JSON.readTree(config)), r -> {
            MockFiles.Response resp = files.respond(r);
            reads.add(mocks.relativize(resp.file()).toString());
            return resp;
        }, PROVIDERS, integration);
    }

    static List<Page> drain(MockPaginator p) {
        List<Page> pages = new ArrayList<>();
        for (Page page = p.next(); page != null; page = p.next()) pages.add(page);
        return pages;
    }

    static JsonNode json(String s) throws IOException {
        return JSON.readTree(s);
    }
}
