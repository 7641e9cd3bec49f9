package dev.nangojvm.toolchain.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Rewrites esbuild's source maps so {@code sources} are project-relative ({@code github/syncs/issues.ts}). */
final class SourceMaps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceMaps() {}

    /** {@code mapDir} is the folder esbuild wrote the map into; its {@code sources} are relative to it. */
    static String rewriteSources(String map, Path mapDir, PathMapper paths) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(map);
            ArrayNode sources = (ArrayNode) root.path("sources");
            ArrayNode rewritten = JSON.createArrayNode();
            sources.forEach(s -> rewritten.add(paths.display(mapDir.resolve(s.asText()).normalize())));
            root.set("sources", rewritten);
            root.remove("sourceRoot");
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("esbuild wrote an unreadable source map", e);
        }
    }
}
