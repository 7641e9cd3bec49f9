package dev.nangojvm.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.replay.internal.RequestIdentity;
import dev.nangojvm.replay.internal.ScriptRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The recorded mocks of one test: the {@code mocks/} folder next to the test's folder, read by the
 * test's mock {@code name} (never by the script's file name). Files are read and parsed on every
 * call, as the yaml-era harness does.
 *
 * @param mocksDir the {@code mocks} folder (absolute, normalised)
 * @param name     the mock name the test passes
 */
public record MockFiles(Path mocksDir, String name) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public MockFiles {
        mocksDir = mocksDir.toAbsolutePath().normalize();
    }

    /** A recorded response: {@code data} is the body; {@code headers} / {@code status} are null when the file did not have them. */
    public record Response(JsonNode data, JsonNode headers, JsonNode status, Path file) {
        /** Legacy (body-only) files and hashed files without headers: the mock's pagination stops after them. */
        public boolean hasHeaders() {
            return dev.nangojvm.bindings.proxy.JsValues.truthy(headers);
        }
    }

    /** {@code mocks/<name>/input.json}; empty when missing or unparsable (the action then gets {@code undefined}). */
    public Optional<JsonNode> input() {
        try {
            return Optional.of(read(mocksDir.resolve(name).resolve("input.json")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code mocks/<name>/output.json}. */
    public JsonNode output() throws IOException {
        return read(mocksDir.resolve(name).resolve("output.json"));
    }

    /** {@code mocks/<name>/<model>/batchSave.json}. */
    public JsonNode batchSave(String model) throws IOException {
        return read(mocksDir.resolve(name).resolve(model).resolve("batchSave.json"));
    }

    /** {@code mocks/<name>/<model>/batchDelete.json}. */
    public JsonNode batchDelete(String model) throws IOException {
        return read(mocksDir.resolve(name).resolve(model).resolve("batchDelete.json"));
    }

    /** {@code mocks/nango/getConnection.json} or {@code getMetadata.json}; missing → the nango call rejects. */
    public JsonNode nangoCall(String member) {
        Path file = mocksDir.resolve("nango").resolve(member + ".json");
        try {
            return read(file);
        } catch (IOException e) {
            throw failedToLoad(file, e, null);
        }
    }

    /**
     * The recorded response for a proxy call: {@code nango/<method>/proxy/<endpoint>/<name>/<hash>.json}
     * when that folder exists (no fallback), else the legacy body-only file
     * {@code nango/<method>/proxy/<endpoint>/<name>.json}. Paths resolve like Node's
     * {@code path.resolve}: {@code //} collapses, {@code ..} climbs, {@code ?} and {@code %xx} stay literal.
     */
    public Response respond(ScriptRequest request) {
        RequestIdentity id = RequestIdentity.of(request);
        String base = mocksDir + "/nango/" + id.method() + "/proxy/" + id.endpoint() + "/" + name;
        Path dir = resolve(base, id);
        if (Files.exists(dir)) {
            Path file = dir.resolve(id.hash() + ".json");
            JsonNode recorded = readOrFail(file, id);
            return new Response(recorded.get("response"), recorded.get("headers"), recorded.get("status"), file);
        }
        Path legacy = resolve(base + ".json", id);
        return new Response(readOrFail(legacy, id), null, null, legacy);
    }

    private static Path resolve(String path, RequestIdentity id) {
        try {
            return Path.of(path).normalize();
        } catch (InvalidPathException e) {
            throw new NangoException("mock_not_found", "Failed to load mock data from " + path + ": invalid path " + id.json());
        }
    }

    private static JsonNode readOrFail(Path file, RequestIdentity id) {
        try {
            return read(file);
        } catch (IOException e) {
            throw failedToLoad(file, e, id);
        }
    }

    private static NangoException failedToLoad(Path file, IOException e, RequestIdentity id) {
        String reason = e instanceof NoSuchFileException ? "ENOENT: no such file" : e.getMessage();
        return new NangoException("mock_not_found", "Failed to load mock data from " + file + ": " + reason
                + (id == null ? "" : " " + id.json()));
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }
}
