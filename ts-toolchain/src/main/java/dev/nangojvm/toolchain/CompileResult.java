package dev.nangojvm.toolchain;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ScriptCompiler#compile} produced.
 *
 * @param scripts every script that compiled, in project order (failed scripts are absent)
 * @param diagnostics compile errors and warnings, each naming its script in {@code path} and its file:line
 * @param esbuildRuns how many esbuild processes were started (0 when everything came from the cache)
 */
public record CompileResult(List<CompiledScript> scripts, List<Diagnostic> diagnostics, int esbuildRuns) {
    public CompileResult {
        scripts = List.copyOf(scripts);
        diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public Optional<CompiledScript> script(String integrationId, String scriptName) {
        return scripts.stream()
                .filter(s -> s.integrationId().equals(integrationId) && s.scriptName().equals(scriptName))
                .findFirst();
    }
}
