package dev.nangojvm.toolchain;

import java.util.List;
import java.util.Objects;

/**
 * One script bundled by esbuild into a self-contained CommonJS module.
 *
 * <p>Loading contract for the host: evaluate {@code code} inside
 * {@code (function (exports, module, require) { <code> \n})}, call it with a fresh {@code module = {exports: {}}},
 * then read {@code module.exports.default} (the sync's {@code fetchData} / the action's {@code runAction} /
 * the on-event function) and any other names in {@link #exports()} (e.g. {@code onWebhookPayloadReceived}).
 * {@code require} must serve the modules listed in {@link #requires()} (only ever host-provided externals such as
 * {@code crypto} or {@code url}); everything else, zod included, is inlined.
 *
 * @param integrationId provider config key
 * @param scriptName script name
 * @param scriptType sync, action or on-event
 * @param sourcePath the entry {@code .ts} file relative to the project root, e.g. {@code github/syncs/issues.ts}
 * @param code the CommonJS bundle (ES2022), ending with a newline; no {@code sourceMappingURL} comment
 * @param sourceMap source map v3 JSON; {@code sources} are relative to the project root with {@code /}
 *     separators ({@code github/syncs/issues.ts}); packages appear as {@code node_modules/<pkg>/...}
 * @param contentHash hex SHA-256 over esbuild's version and options and every input file of the bundle
 * @param exports export names of the entry module, e.g. {@code [default, onWebhookPayloadReceived]}
 * @param requires modules the bundle {@code require}s at run time, e.g. {@code [crypto]}
 * @param cached true when the bundle came from the build cache without running esbuild
 */
public record CompiledScript(String integrationId, String scriptName, ScriptType scriptType, String sourcePath,
        String code, String sourceMap, String contentHash, List<String> exports, List<String> requires,
        boolean cached) {

    public CompiledScript {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(scriptName, "scriptName");
        Objects.requireNonNull(scriptType, "scriptType");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(sourceMap, "sourceMap");
        Objects.requireNonNull(contentHash, "contentHash");
        exports = List.copyOf(exports);
        requires = List.copyOf(requires);
    }

    /** {@code <integration>/<syncs|actions|on-events>/<name>}, unique within a project. */
    public String bundleName() {
        return integrationId + "/" + scriptType.folder() + "/" + scriptName;
    }

    @Override
    public String toString() {
        return "CompiledScript[" + bundleName() + " from " + sourcePath + ", " + code.length() + " chars, hash "
                + contentHash.substring(0, Math.min(12, contentHash.length())) + (cached ? ", cached]" : "]");
    }
}
