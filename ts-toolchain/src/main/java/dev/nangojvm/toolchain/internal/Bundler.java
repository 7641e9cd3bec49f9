package dev.nangojvm.toolchain.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nangojvm.toolchain.CompileResult;
import dev.nangojvm.toolchain.CompiledScript;
import dev.nangojvm.toolchain.Diagnostic;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ScriptCompiler;
import dev.nangojvm.toolchain.ScriptSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One compile of one project: cache lookups, then a single esbuild process for every stale script, and on
 * failure one process per stale script so each error is attributed to the scripts it breaks.
 */
public final class Bundler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptCompiler config;
    private final NangoProject project;
    private final BuildCache cache;
    private final PathMapper paths;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private EsbuildProcess esbuild;
    private int runs;

    public Bundler(ScriptCompiler config, NangoProject project, Path cacheDir) {
        this.config = config;
        this.project = project;
        this.cache = new BuildCache(cacheDir);
        this.paths = new PathMapper(project.root());
    }

    public CompileResult run() {
        Map<ScriptSource, CompiledScript> done = new LinkedHashMap<>();
        List<ScriptSource> stale = new ArrayList<>();
        for (ScriptSource s : project.scripts()) {
            BuildCache.Entry hit = config.useBuildCache() ? cache.lookup(s.bundleName(), fingerprint(s)) : null;
            if (hit != null) {
                done.put(s, toScript(s, hit, true));
            } else {
                stale.add(s);
            }
        }
        if (!stale.isEmpty()) {
            build(stale, done);
        }
        List<CompiledScript> ordered = new ArrayList<>();
        for (ScriptSource s : project.scripts()) {
            if (done.containsKey(s)) {
                ordered.add(done.get(s));
            }
        }
        return new CompileResult(ordered, diagnostics, runs);
    }

    private void build(List<ScriptSource> stale, Map<ScriptSource, CompiledScript> done) {
        try {
            esbuild = new EsbuildProcess(config, paths.rootReal());
        } catch (RuntimeException e) {
            diagnostics.add(Diagnostic.error("esbuild_unavailable", "esbuild cannot be started: " + e.getMessage()
                    + ". Check that the org.mvnpm.at.esbuild:linux-x64 jar is on the class path and that "
                    + config.toolCacheDir() + " is writable.", List.of()));
            return;
        }
        EsbuildProcess.Outcome batch = runOnce(stale);
        if (batch != null && batch.success()) {
            collect(stale, batch, done);
            return;
        }
        if (stale.size() == 1) {
            report(stale.getFirst(), batch);
            return;
        }
        // The batch failed: each script is built alone to tell which ones fail; the batch's files are of no use.
        if (batch != null) batch.cleanUp();
        for (ScriptSource s : stale) {
            EsbuildProcess.Outcome one = runOnce(List.of(s));
            if (one != null && one.success()) {
                collect(List.of(s), one, done);
            } else {
                report(s, one);
            }
        }
    }

    private EsbuildProcess.Outcome runOnce(List<ScriptSource> scripts) {
        runs++;
        try {
            return esbuild.run(scripts);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error("esbuild_failed", "esbuild could not run for " + scripts.size()
                    + " script(s): " + e.getMessage(), List.of()));
            return null;
        }
    }

    private void collect(List<ScriptSource> scripts, EsbuildProcess.Outcome out, Map<ScriptSource, CompiledScript> done) {
        try {
            JsonNode meta = JSON.readTree(out.metafile().toFile());
            for (ScriptSource s : scripts) {
                Path js = out.outDir().resolve(s.bundleName() + ".js");
                String code = Files.readString(js, StandardCharsets.UTF_8);
                String map = SourceMaps.rewriteSources(Files.readString(out.outDir().resolve(s.bundleName() + ".js.map")),
                        js.getParent(), paths);
                JsonNode output = meta.path("outputs").path(js.toString());
                List<Path> inputs = Metafile.inputsOf(meta, output.path("entryPoint").asText());
                List<String> requires = Metafile.externalImports(output);
                List<String> exports = BundleExports.of(code);
                BuildCache.Entry entry = cache.store(s.bundleName(), fingerprint(s), inputs, code, map, exports,
                        requires, config.useBuildCache());
                done.put(s, toScript(s, entry, false));
                List<String> inputNames = inputs.stream().map(paths::display).toList();
                for (EsbuildLog.Message w : out.messages()) {
                    if (w.file() != null && inputNames.contains(paths.display(w.file()))) {
                        warn(s, w);
                    }
                }
                if (!exports.contains("default")) {
                    diagnostics.add(Diagnostic.warning("missing_default_export", "Script " + s.sourcePath()
                            + " has no default export; Nango calls the default export (fetchData, runAction or the"
                            + " on-event function). Add `export default async function ...`.", path(s))
                            .at(s.sourcePath(), 0, 0));
                }
            }
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error("esbuild_failed", "cannot read esbuild output in " + out.outDir() + ": "
                    + e.getMessage(), List.of()));
        } finally {
            out.cleanUp();
        }
    }

    private void warn(ScriptSource s, EsbuildLog.Message w) {
        if (w.error() || w.file() == null || paths.display(w.file()).startsWith("node_modules/")) {
            return;
        }
        diagnostics.add(Diagnostic.warning("compile_warning", w.text(), path(s))
                .at(paths.display(w.file()), w.line(), w.column()));
    }

    private void report(ScriptSource s, EsbuildProcess.Outcome out) {
        if (out == null) {
            return;
        }
        try {
            boolean any = false;
            for (EsbuildLog.Message m : out.messages()) {
                if (m.error()) {
                    diagnostics.add(CompileErrors.toDiagnostic(m, path(s), paths, config.externals()));
                    any = true;
                }
            }
            if (!any) {
                String log = out.log().isBlank() ? "(no output)" : out.log().strip();
                diagnostics.add(Diagnostic.error("esbuild_failed", "esbuild failed for " + s.sourcePath()
                        + " with exit code " + out.exitCode() + ": " + log, path(s)).at(s.sourcePath(), 0, 0));
            }
        } finally {
            out.cleanUp();
        }
    }

    private CompiledScript toScript(ScriptSource s, BuildCache.Entry e, boolean cached) {
        return new CompiledScript(s.integrationId(), s.name(), s.type(), s.sourcePath(), e.code(), e.sourceMap(),
                e.hash(), e.exports(), e.requires(), cached);
    }

    private String fingerprint(ScriptSource s) {
        return "esbuild " + ClasspathTools.esbuildVersion() + "; zod " + ClasspathTools.zodVersion() + "; "
                + String.join(" ", EsbuildProcess.options(config.externals())) + "; entry " + s.bundleName() + "="
                + s.sourcePath();
    }

    private static List<String> path(ScriptSource s) {
        return List.of(s.integrationId(), s.type().folder(), s.name());
    }
}
