package dev.nangojvm.toolchain.internal;

import dev.nangojvm.toolchain.Model;
import dev.nangojvm.toolchain.ModelField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the {@code models} section following Nango's resolution order (§1.6 of the format spec): YAML lists,
 * scalars, maps, unions, {@code []} arrays, builtin aliases, numeric/boolean/null literals, rejected generics,
 * model references, and finally string literals (with a warning).
 *
 * <p>Models are parsed in key order, and a referenced model is parsed on first reference, so dependencies come
 * before their dependants in {@link #models()}.
 */
public final class ModelsParser {
    public static final Pattern MODEL_NAME = Pattern.compile("^[a-zA-Z0-9_]+$");
    /** The documentation link of Nango's 0.69.x messages (0.65 and older said docs.nango.dev/reference/...). */
    static final String DOC_URL = "https://nango.dev/docs/reference/integration-configuration#model-types";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("integer", "number"), Map.entry("int", "number"), Map.entry("float", "number"),
            Map.entry("number", "number"), Map.entry("char", "string"), Map.entry("varchar", "string"),
            Map.entry("string", "string"), Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
            Map.entry("bigint", "bigint"), Map.entry("never", "never"), Map.entry("void", "void"),
            Map.entry("undefined", "undefined"), Map.entry("date", "Date"),
            Map.entry("object", "Record<string, any>"), Map.entry("any", "any"), Map.entry("array", "any[]"));
    private static final List<String> GENERICS = List.of("Object", "Array", "Function", "Date", "RegExp", "Map",
            "Set", "WeakMap", "WeakSet", "Promise", "Symbol", "Error", "Record", "Partial", "Readonly", "Pick", "Omit",
            "Awaited", "Required", "Exclude", "Extract", "Uppercase", "Lowercase");

    private final Map<String, Object> raw;
    private final Diagnostics diagnostics;
    private final Map<String, Model> parsed = new LinkedHashMap<>();
    private List<String> anonYamlPath;

    public ModelsParser(Map<String, Object> raw, Diagnostics diagnostics) {
        this.raw = raw;
        this.diagnostics = diagnostics;
    }

    /** Parses every model; errors and warnings go to the diagnostics. */
    public ModelsParser parseAll() {
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String name = e.getKey();
            if (!MODEL_NAME.matcher(name).matches()) {
                diagnostics.error("invalid_model_name", "Model \"" + name + "\" contains invalid characters",
                        List.of(name), List.of("models", name));
                continue;
            }
            if (!parsed.containsKey(name)) {
                // Nango's stack: every model entered during this top-level parse, in order, never popped
                LinkedHashSet<String> stack = new LinkedHashSet<>();
                stack.add(name);
                parseModel(name, stack);
            }
        }
        return this;
    }

    /** The parsed models, dependencies first; anonymous models are appended by {@link #anonymous}. */
    public Map<String, Model> models() {
        return parsed;
    }

    public boolean isModel(String name) {
        return raw.containsKey(name) && MODEL_NAME.matcher(name).matches();
    }

    /**
     * Parses an inline input/output type as a single field named {@code fieldName} and registers it as the
     * anonymous model {@code modelName}.
     */
    public Model anonymous(String modelName, String scriptName, String fieldName, Object type, List<String> path,
            List<String> yamlPath) {
        anonYamlPath = yamlPath;
        LinkedHashSet<String> stack = new LinkedHashSet<>();
        stack.add(scriptName);
        ModelField field = parseValue(fieldName, type, false, path, stack);
        anonYamlPath = null;
        Model model = new Model(modelName, List.of(field), true, type);
        parsed.put(modelName, model);
        return model;
    }

    private void parseModel(String name, LinkedHashSet<String> stack) {
        Object body = raw.get(name);
        Map<String, Object> fieldsRaw = body instanceof Map<?, ?> m ? cast(m) : Map.of();
        List<ModelField> fields = parseFields(fieldsRaw, stack, List.of("models", name), List.of(name));
        parsed.put(name, new Model(name, fields, false, body));
    }

    private List<ModelField> parseFields(Map<String, Object> fieldsRaw, LinkedHashSet<String> modelStack,
            List<String> yamlPath, List<String> path) {
        LinkedHashMap<String, ModelField> fields = new LinkedHashMap<>();
        ModelField dynamic = null;
        for (Map.Entry<String, Object> e : fieldsRaw.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            List<String> fieldYaml = append(yamlPath, key);
            if (key.equals("__extends")) {
                dynamic = extend(fields, dynamic, value, modelStack, fieldYaml);
            } else if (key.equals("__string") || key.equals("__string?")) {
                ModelField f = parseValue("tmp", value, key.endsWith("?"), append(path, key), modelStack).withName("__string");
                dynamic = new ModelField(f.name(), f.value(), f.tsType(), f.model(), f.array(), f.union(),
                        f.optional(), true);
            } else {
                boolean optional = key.endsWith("?");
                String name = optional ? key.substring(0, key.length() - 1) : key;
                fields.put(name, parseValue(name, value, optional, append(path, name), modelStack));
            }
        }
        List<ModelField> out = new ArrayList<>(fields.values());
        if (dynamic != null) {
            out.add(dynamic);
        }
        return out;
    }

    private ModelField extend(LinkedHashMap<String, ModelField> fields, ModelField dynamic, Object value,
            LinkedHashSet<String> modelStack, List<String> yamlPath) {
        String list = value instanceof String s ? s : JsValues.toJsString(value);
        for (String part : list.split(",", -1)) {
            String parent = part.trim();
            if (!isModel(parent)) {
                fallbackWarning(parent, modelStack, yamlPath);
                diagnostics.error("model_extends_not_found", "Model \"" + modelStack.getLast() + "\" is extending \""
                        + parent + "\", but it does not exists", append(List.copyOf(modelStack), "__extends"), yamlPath);
                continue;
            }
            Model parentModel = ensureParsed(parent, modelStack);
            if (parentModel == null) {
                continue;
            }
            for (ModelField f : parentModel.fields()) {
                if (f.dynamic()) {
                    dynamic = f;
                } else {
                    fields.putIfAbsent(f.name(), f);
                }
            }
        }
        return dynamic;
    }

    /**
     * Nango's {@code ifModelParse}: a model already on the stack (entered earlier in this top-level parse, even
     * if it is finished, so a model referenced twice in one tree counts too) gives the cyclic warning and null;
     * otherwise the model is parsed on first reference.
     */
    private Model ensureParsed(String name, LinkedHashSet<String> modelStack) {
        if (modelStack.contains(name)) {
            List<String> stack = List.copyOf(modelStack);
            String first = stack.getFirst();
            String last = stack.size() > 1 ? stack.getLast() : "undefined";
            diagnostics.warning("cyclic_model", "Cyclic import " + first + "->" + last, stack,
                    append(List.of("models"), first));
            return parsed.get(name);
        }
        if (!parsed.containsKey(name)) {
            modelStack.add(name);
            parseModel(name, modelStack);
        }
        return parsed.get(name);
    }

    private void fallbackWarning(String value, LinkedHashSet<String> modelStack, List<String> yamlPath) {
        diagnostics.warning("model_not_found_fallback", "Model \"" + value + "\" is not defined, using as string literal",
                append(List.copyOf(modelStack), value), yamlPath);
    }

    private ModelField parseValue(String name, Object value, boolean optional, List<String> path,
            LinkedHashSet<String> modelStack) {
        if (value instanceof List<?> items) {
            List<ModelField> members = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String idx = Integer.toString(i);
                members.add(parseValue(idx, items.get(i), false, append(path, idx), modelStack));
            }
            return new ModelField(name, members, false, false, true, true, optional, false);
        }
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return new ModelField(name, value, true, false, false, false, false, false);
        }
        if (value instanceof Map<?, ?> map) {
            List<String> yamlPath = new ArrayList<>(List.of("models"));
            yamlPath.addAll(path);
            List<ModelField> children = parseFields(cast(map), modelStack, yamlPath, path);
            return new ModelField(name, children, false, false, false, false, optional, false);
        }
        String text = JsValues.toJsString(value);
        if (text.contains("|")) {
            List<ModelField> members = new ArrayList<>();
            String[] parts = text.split("\\|", -1);
            for (int i = 0; i < parts.length; i++) {
                // Nango feeds the members back as a list, so each one is named by its index
                members.add(parseString(Integer.toString(i), parts[i].trim(), false, path, modelStack).withName(name));
            }
            return new ModelField(name, members, false, false, false, true, optional, false);
        }
        return parseString(name, text, optional, path, modelStack);
    }

    private ModelField parseString(String name, String text, boolean optional, List<String> path,
            LinkedHashSet<String> modelStack) {
        boolean array = false;
        String v = text;
        if (v.endsWith("[]")) {
            array = true;
            v = v.substring(0, v.length() - 2);
        }
        if (v.isEmpty()) {
            return syntaxError(name, text, optional, path, modelStack);
        }
        String alias = ALIASES.get(v.toLowerCase(Locale.ROOT));
        if (alias != null) {
            return new ModelField(name, alias, true, false, array, false, optional, false);
        }
        Long number = JsValues.parseInt(v);
        if (number != null) {
            return new ModelField(name, number, true, false, array, false, optional, false);
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return new ModelField(name, Boolean.valueOf(lower), true, false, array, false, optional, false);
        }
        if (lower.equals("null")) {
            return new ModelField(name, null, true, false, array, false, optional, false);
        }
        String generic = v;
        if (GENERICS.stream().anyMatch(g -> generic.startsWith(g + "<"))) {
            return syntaxError(name, text, optional, path, modelStack);
        }
        if (isModel(v)) {
            ensureParsed(v, modelStack);
            return new ModelField(name, v, false, true, array, false, optional, false);
        }
        fallbackWarning(v, modelStack, yamlPathOf(path));
        return new ModelField(name, v, false, false, array, false, optional, false);
    }

    private ModelField syntaxError(String name, String text, boolean optional, List<String> path,
            LinkedHashSet<String> modelStack) {
        diagnostics.error("type_syntax_error", "Type \"" + text + "\" contains some unsupported typescript syntax,"
                + " please use allowed syntax. Documentation: " + DOC_URL, List.of(modelStack.getLast(), name),
                yamlPathOf(path));
        return new ModelField(name, "any", true, false, false, false, optional, false);
    }

    private List<String> yamlPathOf(List<String> path) {
        return anonYamlPath != null ? anonYamlPath : append(List.of("models"), path);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    static List<String> append(List<String> path, String... more) {
        List<String> out = new ArrayList<>(path);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }

    static List<String> append(List<String> path, List<String> more) {
        List<String> out = new ArrayList<>(path);
        out.addAll(more);
        return List.copyOf(out);
    }
}
