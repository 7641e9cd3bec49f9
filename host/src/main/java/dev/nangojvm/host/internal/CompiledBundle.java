package dev.nangojvm.host.internal;

import dev.nangojvm.host.ScriptBundle;
import org.graalvm.polyglot.Source;

/**
 * A bundle ready to evaluate: the CommonJS code wrapped in the runner's module function, as one
 * cached {@link Source} (so every context on the shared engine reuses the parsed code), plus its
 * decoded source map.
 */
public record CompiledBundle(Source source, SourceMap sourceMap, String fileName, int firstLineShift) {
    private static final String PREFIX = "(function (module, exports, require) {";

    public static CompiledBundle of(ScriptBundle bundle) {
        String fileName = bundle.name() + ".cjs";
        // The prefix shares line 1 with the bundle so that every later line keeps its number.
        Source source = Source.newBuilder("js", PREFIX + bundle.code() + "\n})", fileName).cached(true).buildLiteral();
        SourceMap map = bundle.sourceMap() == null ? null : SourceMap.parse(bundle.sourceMap());
        return new CompiledBundle(source, map, fileName, PREFIX.length());
    }
}
