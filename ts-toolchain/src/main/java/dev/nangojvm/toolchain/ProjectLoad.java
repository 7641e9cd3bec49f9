package dev.nangojvm.toolchain;

import java.util.List;

/**
 * The result of {@link NangoProject#load}: the project (best effort) and every diagnostic found.
 *
 * @param project the parsed project; {@code null} only when no nango.yaml could be read at all
 * @param diagnostics errors and warnings in the order they were found
 */
public record ProjectLoad(NangoProject project, List<Diagnostic> diagnostics) {
    public ProjectLoad {
        diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** True when a project was read and no error was found. */
    public boolean ok() {
        return project != null && !hasErrors();
    }
}
