package dev.nangojvm.toolchain.internal;

import dev.nangojvm.toolchain.Diagnostic;
import dev.nangojvm.toolchain.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects diagnostics for one nango.yaml, attaching the file and the YAML position of the closest node on the
 * diagnostic's {@code positionPath} (a path of raw YAML keys, which may differ from the display path).
 */
public final class Diagnostics {
    private final List<Diagnostic> list = new ArrayList<>();
    private final String file;
    private final YamlTree tree;

    public Diagnostics(String file, YamlTree tree) {
        this.file = file;
        this.tree = tree;
    }

    public void error(String code, String message, List<String> path, List<String> positionPath) {
        add(Severity.ERROR, code, message, path, positionPath);
    }

    public void warning(String code, String message, List<String> path, List<String> positionPath) {
        add(Severity.WARNING, code, message, path, positionPath);
    }

    private void add(Severity severity, String code, String message, List<String> path, List<String> positionPath) {
        int[] pos = tree == null ? new int[] {0, 0} : tree.positionOf(positionPath);
        list.add(new Diagnostic(severity, code, message, path, file, pos[0], pos[1], null));
    }

    /** Adds an error with a detail line; the position is that of {@code positionPath} in the YAML. */
    public void error(String code, String message, String detail, List<String> path, List<String> positionPath) {
        int[] pos = tree == null ? new int[] {0, 0} : tree.positionOf(positionPath);
        list.add(new Diagnostic(Severity.ERROR, code, message, path, file, pos[0], pos[1], detail));
    }

    public void add(Diagnostic d) {
        list.add(d);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> all() {
        return List.copyOf(list);
    }
}
