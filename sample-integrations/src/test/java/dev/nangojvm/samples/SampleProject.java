package dev.nangojvm.samples;

import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.toolchain.CompileResult;
import dev.nangojvm.toolchain.CompiledScript;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectLoad;
import dev.nangojvm.toolchain.ScriptCompiler;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compiles a sample project once per test class, the way the CLI does. */
final class SampleProject {
    private final CompileResult compiled;

    private SampleProject(CompileResult compiled) {
        this.compiled = compiled;
    }

    /** The repository's own sample: {@code sample-integrations/nango-integrations}. */
    static SampleProject samples() {
        return compile(Path.of("nango-integrations"));
    }

    static SampleProject compile(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalStateException("no project at " + dir.toAbsolutePath());
        ProjectLoad load = NangoProject.load(dir);
        if (load.hasErrors()) throw new IllegalStateException("invalid project " + dir + ": " + load.errors());
        CompileResult result = ScriptCompiler.defaults().compile(load);
        if (result.hasErrors()) throw new IllegalStateException("compile errors in " + dir + ": " + result.errors());
        return new SampleProject(result);
    }

    ScriptBundle bundle(String integration, String script) {
        CompiledScript s = compiled.script(integration, script)
                .orElseThrow(() -> new IllegalArgumentException("no script " + integration + "/" + script));
        return new ScriptBundle(s.bundleName(), s.code(), s.sourceMap(), s.contentHash());
    }
}
