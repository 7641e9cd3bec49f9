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

    /**
     * nango.yaml diagnostics as Nango prints them: a load failure as its message alone; JSON-schema (stage 1)
     * errors under "nango.yaml validation failed" with AJV's keyword in brackets and its parameter line; parser
     * (stage 2) errors as {@code error <message> [<code>]}; warnings only when there is no error.
     */
    static void printYaml(List<Diagnostic> diagnostics, PrintStream out) {
        boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
        for (Diagnostic d : diagnostics) {
            if (d.code().equals("error_loading_nango_yaml")) {
                out.println(d.message());
                return;
            }
        }
        if (diagnostics.stream().anyMatch(Diagnostics::isSchemaError)) {
            out.println("nango.yaml validation failed");
            out.println();
        }
        for (Diagnostic d : diagnostics) {
            if (d.isError() != errors) {
                continue;
            }
            if (!d.pathText().isEmpty()) {
                out.println(d.pathText());
            }
            if (!d.isError()) {
                out.println(d.message() + " [" + d.code() + "]");
            } else if (isSchemaError(d)) {
                String keyword = keyword(d.detail());
                out.println("  error " + d.message() + (keyword == null ? "" : " [" + keyword + "]"));
                if (d.detail() != null) {
                    out.println("  " + d.detail());
                }
            } else {
                out.println("  error " + d.message() + " [" + d.code() + "]");
            }
            out.println();
        }
        if (errors) {
            out.println("Your nango.yaml contains some errors");
        }
    }

    /** Stage-1 (JSON schema) errors carry the raw YAML path, which starts at {@code integrations} or the root. */
    static boolean isSchemaError(Diagnostic d) {
        return d.isError() && (d.path().isEmpty() || d.path().getFirst().equals("integrations"));
    }

    /** AJV's keyword, from the parameter line Nango prints under the message (none for custom messages). */
    private static String keyword(String detail) {
        if (detail == null) {
            return null;
        }
        String param = detail.substring(0, Math.max(0, detail.indexOf(':')));
        return switch (param) {
            case "missingProperty" -> "required";
            case "additionalProperty" -> "additionalProperties";
            case "type" -> "type";
            case "pattern" -> "pattern";
            case "allowedValues" -> "enum";
            default -> param.isEmpty() ? null : param;
        };
    }

    /** A type error (or a finding of Nango's static checks) the way tsc / ts-node print it. */
    static String tsc(Diagnostic d) {
        return d.file() + "(" + d.line() + "," + d.column() + "): " + (d.isError() ? "error " : "warning ") + d.code()
                + ": " + d.message();
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
