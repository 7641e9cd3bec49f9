package dev.nangojvm.toolchain.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bundle cache: per script {@code <dir>/<bundleName>.js}, {@code .js.map} and {@code .json} (a manifest of
 * the option fingerprint and the SHA-256 of every input file). A bundle is reused when the fingerprint matches
 * and every input still has the same content.
 */
public final class BuildCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A cached or freshly built bundle. */
    public record Entry(String code, String sourceMap, String hash, List<String> exports, List<String> requires) {}

    private final Path dir;

    public BuildCache(Path dir) {
        this.dir = dir;
    }

    /** The cached bundle if it is still valid for {@code fingerprint}, else null. */
    public Entry lookup(String bundleName, String fingerprint) {
        Path manifest = dir.resolve(bundleName + ".json");
        try {
            if (!Files.isRegularFile(manifest)) {
                return null;
            }
            JsonNode m = JSON.readTree(manifest.toFile());
            if (!fingerprint.equals(m.path("fingerprint").asText())) {
                return null;
            }
            Map<String, String> inputs = new TreeMap<>();
            for (var it = m.path("inputs").fields(); it.hasNext();) {
                var e = it.next();
                Path input = Path.of(e.getKey());
                if (!Files.isRegularFile(input) || !sha256(Files.readAllBytes(input)).equals(e.getValue().asText())) {
                    return null;
                }
                inputs.put(e.getKey(), e.getValue().asText());
            }
            String hash = contentHash(fingerprint, inputs);
            if (!hash.equals(m.path("hash").asText())) {
                return null;
            }
            String code = Files.readString(dir.resolve(bundleName + ".js"));
            String map = Files.readString(dir.resolve(bundleName + ".js.map"));
            return new Entry(code, map, hash, strings(m.path("exports")), strings(m.path("requires")));
        } catch (IOException | RuntimeException e) {
            return null; // a damaged cache entry is just a miss
        }
    }

    /** Hashes the inputs, stores the bundle and returns its entry. Inputs are absolute file paths. */
    public Entry store(String bundleName, String fingerprint, List<Path> inputFiles, String code, String map,
            List<String> exports, List<String> requires, boolean persist) throws IOException {
        Map<String, String> inputs = new TreeMap<>();
        for (Path p : inputFiles) {
            inputs.put(p.toString(), sha256(Files.readAllBytes(p)));
        }
        String hash = contentHash(fingerprint, inputs);
        Entry entry = new Entry(code, map, hash, exports, requires);
        if (!persist) {
            return entry;
        }
        ObjectNode m = JSON.createObjectNode();
        m.put("fingerprint", fingerprint);
        m.put("hash", hash);
        ObjectNode in = m.putObject("inputs");
        inputs.forEach(in::put);
        exports.forEach(m.putArray("exports")::add);
        requires.forEach(m.putArray("requires")::add);
        write(dir.resolve(bundleName + ".js"), code);
        write(dir.resolve(bundleName + ".js.map"), map);
        write(dir.resolve(bundleName + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
        return entry;
    }

    private static void write(Path target, String content) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".tmp", null);
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String contentHash(String fingerprint, Map<String, String> inputs) {
        StringBuilder sb = new StringBuilder(fingerprint).append('\n');
        // Only content hashes go in, so the same sources hash the same wherever the project lives.
        inputs.values().stream().sorted().forEach(h -> sb.append(h).append('\n'));
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }
}
