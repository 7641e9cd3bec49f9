package dev.nangojvm.toolchain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ProjectChecker} found in a project's scripts.
 *
 * @param typeErrors errors as {@code nango compile} reports them: TypeScript diagnostics (code {@code TSnnnn},
 *     {@code file:line:column} of the error, the script that imports the file in {@code path}) and Nango's
 *     import checks ({@code import_not_allowed}, {@code import_outside_project}) and static checks
 *     ({@code nango_call_not_awaited}, {@code invalid_model_name}, ...; {@code deprecated_method} is a warning);
 *     empty when not requested
 * @param lint the seed's best-practice warnings ({@link LintRule}); empty when not requested
 * @param elapsed wall time of the check (program creation, type check and lint)
 * @param cachedScripts how many scripts' type errors came from the incremental cache (not checked again)
 */
public record CheckResult(List<Diagnostic> typeErrors, List<Diagnostic> lint, Duration elapsed, int cachedScripts) {
    public CheckResult {
        typeErrors = List.copyOf(typeErrors);
        lint = List.copyOf(lint);
    }

    public CheckResult(List<Diagnostic> typeErrors, List<Diagnostic> lint, Duration elapsed) {
        this(typeErrors, lint, elapsed, 0);
    }

    /** Type errors first, then lint warnings. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(typeErrors);
        all.addAll(lint);
        return List.copyOf(all);
    }

    public boolean hasErrors() {
        return typeErrors.stream().anyMatch(Diagnostic::isError);
    }
}
