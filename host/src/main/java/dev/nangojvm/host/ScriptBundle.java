package dev.nangojvm.host;

import java.util.Objects;

/**
 * A compiled script as the host runs it: one CommonJS bundle whose {@code module.exports.default}
 * is the sync's {@code fetchData}, the action's {@code runAction}, or a {@code createSync} /
 * {@code createAction} object. The host never links the toolchain; any compiler that produces
 * this shape will do.
 *
 * @param name        a stable name such as {@code github/syncs/pull-requests}; also the cache key
 *                    together with {@code contentHash}
 * @param code        the bundle's JavaScript
 * @param sourceMap   the source map JSON (v3), or {@code null}; used to report errors at the
 *                    {@code .ts} file and line
 * @param contentHash identifies this exact code; equal hashes share parsed code across executions
 */
public record ScriptBundle(String name, String code, String sourceMap, String contentHash) {
    public ScriptBundle {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** A bundle whose hash is derived from its code. */
    public static ScriptBundle of(String name, String code, String sourceMap) {
        return new ScriptBundle(name, code, sourceMap, Integer.toHexString(code.hashCode()) + "-" + code.length());
    }
}
