package dev.nangojvm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.toolchain.Diagnostic;
import java.io.PrintStream;
import java.util.List;

/**
 * How the validate, generate and compile verbs print {@link Diagnostic}s: Nango's layout for nango.yaml problems
 * (the path, then {@code error <message> [<code>]} or {@code <message> [<code>]}), tsc's layout for type errors
 * ({@code file(line,col): error TSnnnn: message}), one line per lint warning, or JSON with {@code --json}.
 */
final class Diagnostics {
    static final ObjectMapper JSON = new ObjectMapper();

    private Diagnostics() {}

    /** nango.yaml diagnostics as Nango prints them: errors only when there are errors, else the warnings. */
    static void printYaml(List<Diagnostic> diagnostics, PrintStream out) {
        boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
        for (Diagnostic d : diagnostics) {
            if (d.isError() != errors) {
                continue;
            }
            out.println(d.pathText().isEmpty() ? d.location() : d.pathText());
            String line = (d.isError() ? "  error " : "") + d.message() + " [" + d.code() + "]";
            out.println(d.detail() == null ? line : line + "\n  " + d.detail());
            if (d.file() != null && d.line() > 0) {
                out.println("  at " + d.location());
            }
            out.println();
        }
        if (errors) {
            out.println("Your nango.yaml contains some errors");
        }
    }

    /** A type error the way tsc / ts-node print it. */
    static String tsc(Diagnostic d) {
        return d.file() + "(" + d.line() + "," + d.column() + "): error " + d.code() + ": " + d.message();
    }

    /** A lint warning: {@code warning <code> <file:line:col>: <message>}. */
    static String lint(Diagnostic d) {
        return "warning " + d.code() + " " + d.location() + ": " + d.message();
    }

    static ObjectNode toJson(Diagnostic d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
        n.put("code", d.code());
        n.put("message", d.message());
        ArrayNode path = n.putArray("path");
        d.path().forEach(path::add);
        if (d.file() != null) {
            n.put("file", d.file());
        } else {
            n.putNull("file");
        }
        n.put("line", d.line());
        n.put("column", d.column());
        if (d.detail() != null) {
            n.put("detail", d.detail());
        }
        return n;
    }

    static ArrayNode toJson(List<Diagnostic> list) {
        ArrayNode a = JSON.createArrayNode();
        list.forEach(d -> a.add(toJson(d)));
        return a;
    }

    static void printJson(ObjectNode doc, PrintStream out) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
