package dev.nangojvm.toolchain.internal;

import dev.nangojvm.toolchain.Model;
import dev.nangojvm.toolchain.ModelField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Renders models as Nango's generated TypeScript (§2.2): interfaces, anonymous type aliases, field types. */
public final class ModelsTs {
    private static final Pattern PLAIN_NAME = Pattern.compile("^[a-zA-Z0-9_]+$");

    private ModelsTs() {}

    /** Declarations of all models, joined by a blank line (no trailing newline). */
    public static String declarations(Collection<Model> models) {
        List<String> out = new ArrayList<>();
        models.forEach(m -> out.add(declaration(m)));
        return String.join("\n\n", out);
    }

    /** {@code export interface X {...};} or, for an anonymous model, {@code export type X = T}. */
    public static String declaration(Model m) {
        if (m.anonymous()) {
            return "export type " + m.name() + " = " + (m.fields().isEmpty() ? "any" : type(m.fields().getFirst()));
        }
        StringBuilder sb = new StringBuilder("export interface ").append(m.name()).append(" {\n");
        for (String line : fieldLines(m.fields())) {
            sb.append(line).append('\n');
        }
        return sb.append("};").toString();
    }

    /** One line per field, dynamic key first, each indented two spaces and ending with {@code ;}. */
    static List<String> fieldLines(List<ModelField> fields) {
        List<String> lines = new ArrayList<>();
        fields.stream().filter(ModelField::dynamic).forEach(f -> lines.add("  [key: string]: " + type(f) + ";"));
        for (ModelField f : fields) {
            if (!f.dynamic()) {
                String name = PLAIN_NAME.matcher(f.name()).matches() ? f.name() : "\"" + f.name() + "\"";
                lines.add("  " + name + (f.optional() ? "?" : "") + ": " + type(f) + ";");
            }
        }
        return lines;
    }

    /** The TypeScript type of a field, with {@code | undefined} appended for optional fields. */
    static String type(ModelField f) {
        String t = bareType(f);
        return appendsUndefined(f) ? t + " | undefined" : t;
    }

    /** Nango appends {@code | undefined} to an optional field's type unless the text already mentions it. */
    static boolean appendsUndefined(ModelField f) {
        return f.optional() && !bareType(f).contains("undefined");
    }

    private static String bareType(ModelField f) {
        if (f.union() && f.array()) {
            return "(" + members(f) + ")[]";
        }
        if (f.union()) {
            return members(f);
        }
        if (f.isObject()) {
            return "{" + String.join("\n", fieldLines(f.children())) + "}";
        }
        String suffix = f.array() ? "[]" : "";
        Object v = f.value();
        if (f.model() || f.tsType() && v instanceof String) {
            return v + suffix;
        }
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "'" + s + suffix + "'";
        }
        return JsValues.toJsString(v) + suffix;
    }

    private static String members(ModelField f) {
        List<String> parts = new ArrayList<>();
        f.children().forEach(c -> parts.add(bareType(c)));
        return String.join(" | ", parts);
    }
}
