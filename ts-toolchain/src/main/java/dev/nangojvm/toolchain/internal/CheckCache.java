package dev.nangojvm.toolchain.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The incremental type-check cache, like tsc's {@code .tsbuildinfo}: {@code <dir>/typecheck.json} keeps, per
 * script (entry file), the type errors found for it and the SHA-256 of every file they depend on (see
 * {@code dependencies} in nango-ts.js: the files reachable through imports, the files that can change the global
 * scope, and the places module resolution found nothing, stored as {@link TsRuntime#ABSENT}). A script's errors
 * are reused when the fingerprint (TypeScript version, the analyzer with its compiler options, the bundled zod)
 * matches and every dependency still hashes the same. The lint warnings of the whole project are kept under one
 * key over every script's dependencies and the scripts' nango.yaml facts (kind, input and output fields).
 * In-memory models.ts (generated from nango.yaml) is hashed by its generated text, so a model change invalidates.
 */
public final class CheckCache {
    /** The file inside the build cache folder. */
    public static final String FILE = "typecheck.json";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile String fingerprint;

    private final Path file;
    private final ObjectNode doc;
    private final Map<String, String> virtualFiles;
    private final Map<String, String> hashes = new HashMap<>();

    private CheckCache(Path file, ObjectNode doc, Map<String, String> virtualFiles) {
        this.file = file;
        this.doc = doc;
        this.virtualFiles = virtualFiles;
    }

    /** Opens the cache in {@code dir} (a missing, damaged or outdated one is empty). */
    public static CheckCache open(Path dir, Map<String, String> virtualFiles) {
        Path f = dir.resolve(FILE);
        ObjectNode doc = null;
        try {
            if (Files.isRegularFile(f)) {
                JsonNode n = JSON.readTree(f.toFile());
                if (n instanceof ObjectNode o && o.path("format").asInt() == FORMAT
                        && fingerprint().equals(o.path("fingerprint").asText())) {
                    doc = o;
                }
            }
        } catch (IOException | RuntimeException e) {
            doc = null; // a damaged cache is an empty one
        }
        if (doc == null) {
            doc = JSON.createObjectNode();
            doc.put("format", FORMAT);
            doc.put("fingerprint", fingerprint());
            doc.putObject("entries");
        }
        return new CheckCache(f, doc, virtualFiles);
    }

    /**
     * The cached type errors of the script in {@code entryFile} if all its dependencies are unchanged and it was
     * checked with the same {@code facts} (what the static checks read from nango.yaml: the script's kind and the
     * model names), else null.
     */
    public ArrayNode typeErrors(String entryFile, String facts) {
        JsonNode e = doc.path("entries").path(entryFile);
        return e.has("typeErrors") && facts.equals(e.path("facts").asText(null)) && unchanged(e.path("deps"))
                ? (ArrayNode) e.get("typeErrors") : null;
    }

    /** The cached lint warnings if {@code key} (see {@link #lintKey}) matches, else null. */
    public ArrayNode lint(String key) {
        JsonNode l = doc.path("lint");
        return key != null && key.equals(l.path("key").asText(null)) ? (ArrayNode) l.get("items") : null;
    }

    /**
     * The key of the project's lint result: the scripts' facts and the current hashes of every dependency of
     * every script; null when a script's dependencies are not known (never cached before).
     */
    public String lintKey(JsonNode entries) {
        StringBuilder sb = new StringBuilder(fingerprint()).append('\n').append(entries.toString()).append('\n');
        for (JsonNode e : entries) {
            JsonNode deps = doc.path("entries").path(e.path("file").asText()).path("deps");
            if (!deps.isObject() || !unchanged(deps)) {
                return null;
            }
            deps.fieldNames().forEachRemaining(p -> sb.append(p).append(' ').append(deps.get(p).asText()).append('\n'));
        }
        return BuildCache.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Records the type errors of a script just checked, with its dependencies ({@code deps} of the analyzer's
     * answer: files and absent paths). {@code reads} are the hashes of what the compiler actually read.
     */
    public void putTypeErrors(String entryFile, String facts, ArrayNode typeErrors, JsonNode deps, Map<String, String> reads) {
        ObjectNode e = ((ObjectNode) doc.get("entries")).putObject(entryFile);
        e.put("facts", facts);
        e.set("deps", hashesOf(deps, reads));
        e.set("typeErrors", typeErrors);
    }

    /** Records a script's dependencies only (lint run without a type check of it). */
    public void putDependencies(String entryFile, JsonNode deps, Map<String, String> reads) {
        ObjectNode entries = (ObjectNode) doc.get("entries");
        JsonNode old = entries.path(entryFile);
        ObjectNode fresh = hashesOf(deps, reads);
        if (old.has("typeErrors") && old.path("deps").equals(fresh)) {
            return;
        }
        entries.putObject(entryFile).set("deps", fresh);
    }

    public void putLint(String key, ArrayNode items) {
        if (key == null) {
            doc.remove("lint");
            return;
        }
        ObjectNode l = doc.putObject("lint");
        l.put("key", key);
        l.set("items", items);
    }

    /** Writes the cache (atomically); a failure to write is ignored: the next check just misses. */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".tmp", null);
            Files.writeString(tmp, JSON.writeValueAsString(doc), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    private ObjectNode hashesOf(JsonNode deps, Map<String, String> reads) {
        Map<String, String> sorted = new TreeMap<>();
        deps.path("files").forEach(f -> sorted.put(f.asText(), hashOf(f.asText(), reads)));
        deps.path("absent").forEach(f -> sorted.put(f.asText(), hashOf(f.asText(), reads)));
        ObjectNode out = JSON.createObjectNode();
        sorted.forEach(out::put);
        return out;
    }

    private String hashOf(String path, Map<String, String> reads) {
        if (virtualFiles.containsKey(path)) {
            return currentHash(path);
        }
        String read = reads.get(path);
        return read != null ? read : currentHash(path);
    }

    private boolean unchanged(JsonNode deps) {
        if (!deps.isObject() || deps.isEmpty()) {
            return false;
        }
        for (var it = deps.fields(); it.hasNext();) {
            var d = it.next();
            if (!d.getValue().asText().equals(currentHash(d.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 of a file's content now (in-memory files by their text), {@link TsRuntime#ABSENT} if missing. */
    private String currentHash(String path) {
        return hashes.computeIfAbsent(path, p -> {
            String v = virtualFiles.get(p);
            if (v != null) {
                return BuildCache.sha256(v.getBytes(StandardCharsets.UTF_8));
            }
            try {
                Path f = Path.of(p);
                return Files.isRegularFile(f) ? BuildCache.sha256(Files.readAllBytes(f)) : TsRuntime.ABSENT;
            } catch (IOException | RuntimeException e) {
                return TsRuntime.ABSENT;
            }
        });
    }

    /** What the cached results were computed with: format, TypeScript version, the analyzer, the fallback zod. */
    static String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            try {
                String analyzer = TsRuntime.resource("dev/nangojvm/toolchain/nango-ts.js")
                        + TsRuntime.resource("dev/nangojvm/toolchain/nango-checks.js");
                String zod;
                try {
                    zod = ClasspathTools.zodVersion();
                } catch (RuntimeException e) {
                    zod = "none";
                }
                f = BuildCache.sha256((FORMAT + "\n" + typescriptVersion() + "\n" + zod + "\n" + analyzer)
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                f = "unavailable";
            }
            fingerprint = f;
        }
        return f;
    }

    /** The {@code version} of the bundled typescript.js, read from its first lines. */
    static String typescriptVersion() throws IOException {
        try (InputStream in = TsRuntime.class.getClassLoader().getResourceAsStream(TsRuntime.TS_RESOURCES + "typescript.js")) {
            if (in == null) {
                return "missing";
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            for (int i = 0; i < 20_000 && (line = r.readLine()) != null; i++) {
                if (line.startsWith("var version = \"")) {
                    return line.substring("var version = \"".length(), line.lastIndexOf('"'));
                }
            }
            return "unknown";
        }
    }
}
