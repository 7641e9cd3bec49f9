package dev.nangojvm.toolchain.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads esbuild's {@code --metafile} (written with {@code --abs-paths=metafile}). */
final class Metafile {
    private Metafile() {}

    /** Every file reachable from {@code entry} through non-external imports: what the bundle depends on. */
    static List<Path> inputsOf(JsonNode meta, String entry) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(entry));
        JsonNode inputs = meta.path("inputs");
        while (!todo.isEmpty()) {
            String file = todo.pop();
            if (!seen.add(file)) {
                continue;
            }
            for (JsonNode imp : inputs.path(file).path("imports")) {
                if (!imp.path("external").asBoolean(false)) {
                    todo.push(imp.path("path").asText());
                }
            }
        }
        List<Path> out = new ArrayList<>();
        for (String f : seen) {
            Path p = Path.of(f);
            if (p.isAbsolute() && Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Modules an output still {@code require}s (externals), sorted. */
    static List<String> externalImports(JsonNode output) {
        Set<String> out = new TreeSet<>();
        for (JsonNode imp : output.path("imports")) {
            if (imp.path("external").asBoolean(false)) {
                out.add(imp.path("path").asText());
            }
        }
        return List.copyOf(out);
    }
}
