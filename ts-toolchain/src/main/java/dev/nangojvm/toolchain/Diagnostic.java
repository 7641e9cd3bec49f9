package dev.nangojvm.toolchain;

import java.util.List;
import java.util.Objects;

/**
 * One problem found while loading, validating or compiling a Nango project.
 *
 * <p>The toolchain collects diagnostics instead of throwing at the first problem. {@code code} is a stable
 * snake_case identifier (Nango's own code where one exists, e.g. {@code duplicate_model}); {@code message} is
 * Nango's text where the format spec gives one, so tests and users can match it verbatim.
 *
 * @param severity error or warning
 * @param code stable snake_case code
 * @param message human-readable text
 * @param path logical location, e.g. {@code [github, syncs, issues]}; rendered by {@link #pathText()}
 * @param file file the problem is in, relative to the project root when possible; {@code null} if unknown
 * @param line 1-based line in {@code file}, or 0 if unknown
 * @param column 1-based column in {@code file}, or 0 if unknown
 * @param detail an extra line Nango prints under the message (a JSON-schema parameter such as
 *     {@code additionalProperty: provider} or {@code missingProperty: runs}), or {@code null}
 */
public record Diagnostic(Severity severity, String code, String message, List<String> path, String file, int line,
        int column, String detail) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        path = List.copyOf(path);
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0, got " + line + ":" + column);
        }
    }

    public static Diagnostic error(String code, String message, List<String> path) {
        return new Diagnostic(Severity.ERROR, code, message, path, null, 0, 0, null);
    }

    public static Diagnostic warning(String code, String message, List<String> path) {
        return new Diagnostic(Severity.WARNING, code, message, path, null, 0, 0, null);
    }

    /** A copy of this diagnostic pointing at {@code file:line:column}. */
    public Diagnostic at(String file, int line, int column) {
        return new Diagnostic(severity, code, message, path, file, line, column, detail);
    }

    /** A copy of this diagnostic with {@code detail}. */
    public Diagnostic withDetail(String newDetail) {
        return new Diagnostic(severity, code, message, path, file, line, column, newDetail);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The path as Nango prints it: {@code integrations > github > syncs > issues}-style, joined by {@code " > "}. */
    public String pathText() {
        return String.join(" > ", path);
    }

    /** {@code file:line:col}, {@code file:line}, {@code file} or empty. */
    public String location() {
        if (file == null) {
            return "";
        }
        if (line == 0) {
            return file;
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    /** One line: {@code error duplicate_model github > syncs > a: Model "X" is used ... (nango.yaml:12:7)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(severity.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(code);
        if (!path.isEmpty()) {
            sb.append(' ').append(pathText());
        }
        sb.append(": ").append(message);
        if (detail != null) {
            sb.append(" [").append(detail).append(']');
        }
        String loc = location();
        if (!loc.isEmpty()) {
            sb.append(" (").append(loc).append(')');
        }
        return sb.toString();
    }
}
