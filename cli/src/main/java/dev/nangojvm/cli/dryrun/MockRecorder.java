package dev.nangojvm.cli.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.replay.MockFiles;
import dev.nangojvm.replay.internal.RequestIdentity;
import dev.nangojvm.replay.internal.ScriptRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code dryrun --save-responses}: writes the yaml-era mock layout under
 * {@code <integration>/mocks/} that {@code ./nango-jvm test} (and Nango's yaml-era vitest setup)
 * replays, plus the generated {@code tests/<integration>-<name>.test.ts}.
 *
 * <p>Proxy responses are named by the request identity of the configuration the script built
 * ({@link RequestIdentity}, the same hash the replay computes), and land exactly where
 * {@link MockFiles#respond} looks for them. Files that would resolve outside {@code mocks/} (an
 * endpoint with {@code ..}) are not written. Credentials are never written: the connection mock
 * holds only {@code metadata} and {@code connection_config}.
 */
public final class MockRecorder {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path integrationDir;
    private final Path mocksDir;
    private final String integrationId;
    private final String sub;
    private final ObjectNode connectionConfig;
    private final boolean metadataStubbed;
    private final Consumer<String> warn;
    private final Set<Path> written = new LinkedHashSet<>();

    /**
     * @param integrationDir  {@code <project>/<integration>}
     * @param sub             the mock name: the script name, or {@code <name>/<variant>} for a non-base variant
     * @param metadataStubbed whether {@code --metadata} was given (then getMetadata.json is written from it after success)
     */
    public MockRecorder(Path integrationDir, String integrationId, String sub, ObjectNode connectionConfig, boolean metadataStubbed,
                        Consumer<String> warn) {
        this.integrationDir = integrationDir.toAbsolutePath().normalize();
        this.mocksDir = this.integrationDir.resolve("mocks");
        this.integrationId = integrationId;
        this.sub = sub;
        this.connectionConfig = connectionConfig == null ? F.objectNode() : connectionConfig.deepCopy();
        this.metadataStubbed = metadataStubbed;
        this.warn = warn;
    }

    public Path mocksDir() {
        return mocksDir;
    }

    /** Every file written so far, in order. */
    public synchronized List<Path> written() {
        return List.copyOf(written);
    }

    /** A proxied response, success or HTTP error: {@code nango/<method>/proxy/<endpoint>/<sub>/<hash>.json}, at once. */
    public synchronized void response(ProxyConfiguration config, ProxyResponse response) {
        RequestIdentity id = RequestIdentity.of(ScriptRequest.plain(config.json()));
        Path dir;
        try {
            dir = Path.of(mocksDir + "/nango/" + id.method() + "/proxy/" + id.endpoint() + "/" + sub).normalize();
        } catch (InvalidPathException e) {
            warn.accept("--save-responses: not saved, the endpoint is not a valid file name: " + id.endpoint());
            return;
        }
        if (!dir.startsWith(mocksDir.resolve("nango"))) {
            warn.accept("--save-responses: not saved, the endpoint would write outside " + mocksDir + ": " + id.endpoint());
            return;
        }
        ObjectNode file = F.objectNode();
        file.put("method", id.method());
        file.put("endpoint", id.endpoint());
        file.put("requestIdentityHash", id.hash());
        file.set("requestIdentity", parse(id.json()));
        file.set("response", response.data() == null ? NullNode.instance : response.data());
        file.put("status", response.status());
        file.set("headers", headers(response.headers()));
        write(dir.resolve(id.hash() + ".json"), file);
    }

    /**
     * The script read its connection or metadata: {@code nango/getConnection.json} ({@code metadata}
     * and {@code connection_config} only) and, unless {@code --metadata} stubs it, {@code nango/getMetadata.json}.
     */
    public synchronized void connectionRead(JsonNode metadata) {
        JsonNode m = metadata == null ? NullNode.instance : metadata;
        ObjectNode connection = F.objectNode();
        connection.set("metadata", m);
        connection.set("connection_config", connectionConfig);
        write(mocksDir.resolve("nango/getConnection.json"), connection);
        if (!metadataStubbed) write(mocksDir.resolve("nango/getMetadata.json"), m);
    }

    /** After a successful run: the {@code --metadata} stub, and {@code <sub>/input.json} when there was an input. */
    public synchronized void succeeded(JsonNode metadataStub, JsonNode input) {
        if (metadataStubbed && metadataStub != null) write(mocksDir.resolve("nango/getMetadata.json"), metadataStub);
        if (input != null) write(mocksDir.resolve(sub).resolve("input.json"), input);
    }

    /** After a successful action: {@code <sub>/output.json}. */
    public synchronized void actionOutput(JsonNode output) {
        write(mocksDir.resolve(sub).resolve("output.json"), output);
    }

    /** After a successful sync that made batch calls: {@code <sub>/<Model>/batchSave.json} and {@code batchDelete.json} per declared model. */
    public synchronized void syncRecords(List<String> models, Map<String, ArrayNode> saved, Map<String, ArrayNode> deleted) {
        for (String model : models) {
            write(mocksDir.resolve(sub).resolve(model).resolve("batchSave.json"), saved.getOrDefault(model, F.arrayNode()));
            write(mocksDir.resolve(sub).resolve(model).resolve("batchDelete.json"), deleted.getOrDefault(model, F.arrayNode()));
        }
    }

    /**
     * {@code tests/<integration>-<name>[-<variant>].test.ts}, the generated vitest file that
     * {@code ./nango-jvm test} discovers; an existing file is left as it is.
     *
     * @return the file, and whether it was written now
     */
    public synchronized TestFile testFile(String scriptName, String variant, boolean sync, List<String> models) {
        String fileName = integrationId + "-" + scriptName + (variant == null || variant.equals("base") ? "" : "-" + variant) + ".test.ts";
        Path file = integrationDir.resolve("tests").resolve(fileName);
        if (Files.exists(file)) return new TestFile(file, false);
        String text = sync ? syncTest(scriptName, String.join(",", models)) : actionTest(scriptName, models.isEmpty() ? "" : models.getFirst());
        writeText(file, text);
        return new TestFile(file, true);
    }

    public record TestFile(Path path, boolean created) { }

    private String syncTest(String script, String models) {
        return """
                import { vi, expect, it, describe } from 'vitest';

                import fetchData from '../syncs/%1$s.js';

                // Generated by ./nango-jvm dryrun --save-responses: replays the sync against mocks/%2$s.
                describe('%3$s %1$s tests', () => {
                    const nangoMock = new global.vitest.NangoSyncMock({
                        dirname: __dirname,
                        name: '%2$s',
                        Model: '%4$s'
                    });

                    const models = '%4$s'.split(',');
                    const batchSave = vi.spyOn(nangoMock, 'batchSave');

                    it('saves the recorded records of every model', async () => {
                        await fetchData(nangoMock);
                        for (const model of models) {
                            const expected = await nangoMock.getBatchSaveData(model);
                            const saved = batchSave.mock.calls.flatMap(([records, savedModel]) => (savedModel === model ? records : []));
                            expect(JSON.parse(JSON.stringify(saved))).toStrictEqual(expected);
                        }
                    });

                    it('deletes the recorded records of every model', async () => {
                        await fetchData(nangoMock);
                        for (const model of models) {
                            const expected = await nangoMock.getBatchDeleteData(model);
                            if (expected && expected.length > 0) {
                                expect(nangoMock.batchDelete).toHaveBeenCalledWith(expected, model);
                            }
                        }
                    });
                });
                """.formatted(script, sub, integrationId, models);
    }

    private String actionTest(String script, String model) {
        return """
                import { expect, it, describe } from 'vitest';

                import runAction from '../actions/%1$s.js';

                // Generated by ./nango-jvm dryrun --save-responses: replays the action against mocks/%2$s.
                describe('%3$s %1$s tests', () => {
                    const nangoMock = new global.vitest.NangoActionMock({
                        dirname: __dirname,
                        name: '%2$s',
                        Model: '%4$s'
                    });

                    it('returns the recorded output', async () => {
                        const input = await nangoMock.getInput();
                        const output = await runAction(nangoMock, input);
                        expect(output).toEqual(await nangoMock.getOutput());
                    });
                });
                """.formatted(script, sub, integrationId, model);
    }

    /** Axios-shaped response headers: {@code set-cookie} keeps an array, other repeated headers are joined with {@code ", "}. */
    static ObjectNode headers(Map<String, List<String>> headers) {
        ObjectNode o = F.objectNode();
        if (headers == null) return o;
        headers.forEach((name, values) -> {
            if (name.equals("set-cookie")) {
                ArrayNode all = o.putArray(name);
                values.forEach(all::add);
            } else {
                o.put(name, String.join(", ", values));
            }
        });
        return o;
    }

    private void write(Path file, JsonNode value) {
        writeText(file, JsPretty.stringify(value));
    }

    private void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            written.add(file);
        } catch (IOException e) {
            throw new UncheckedIOException("--save-responses: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For reports: the written files relative to the integration folder. */
    public List<String> relativeWritten() {
        List<String> out = new ArrayList<>();
        for (Path p : written()) out.add(integrationDir.relativize(p).toString());
        return out;
    }
}
