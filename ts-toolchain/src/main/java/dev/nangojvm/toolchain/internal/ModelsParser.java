package dev.nangojvm.toolchain.internal;

import dev.nangojvm.toolchain.Model;
import dev.nangojvm.toolchain.ModelField;
import java.util.ArrayList;
import java.util.HashSet;
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
    static final String DOC_URL = "https://docs.nango.dev/reference/integration-configuration#model-types";

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
    private final Set<String> inProgress = new HashSet<>();
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
                parseModel(name, List.of());
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
    public Model anonymous(String modelName, String fieldName, Object type, List<String> path,
            List<String> yamlPath) {
        anonYamlPath = yamlPath;
        ModelField field = parseValue(fieldName, type, false, path, List.of(modelName));
        anonYamlPath = null;
        Model model = new Model(modelName, List.of(field), true, type);
        parsed.put(modelName, model);
        return model;
    }

    private void parseModel(String name, List<String> parents) {
        List<String> stack = new ArrayList<>(parents);
        stack.add(name);
        inProgress.add(name);
        Object body = raw.get(name);
        Map<String, Object> fieldsRaw = body instanceof Map<?, ?> m ? cast(m) : Map.of();
        List<ModelField> fields = parseFields(fieldsRaw, List.copyOf(stack), List.of("models", name), true);
        inProgress.remove(name);
        parsed.put(name, new Model(name, fields, false, body));
    }

    private List<ModelField> parseFields(Map<String, Object> fieldsRaw, List<String> modelStack,
            List<String> yamlPath, boolean topLevel) {
        LinkedHashMap<String, ModelField> fields = new LinkedHashMap<>();
        ModelField dynamic = null;
        for (Map.Entry<String, Object> e : fieldsRaw.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            List<String> fieldYaml = append(yamlPath, key);
            if (key.equals("__extends")) {
                dynamic = extend(fields, dynamic, value, modelStack, fieldYaml);
            } else if (key.equals("__string") || key.equals("__string?")) {
                ModelField f = parseValue("__string", value, key.endsWith("?"), append(modelStack, key), modelStack);
                dynamic = new ModelField(f.name(), f.value(), f.tsType(), f.model(), f.array(), f.union(),
                        f.optional(), true);
            } else {
                boolean optional = key.endsWith("?");
                String name = optional ? key.substring(0, key.length() - 1) : key;
                fields.put(name, parseValue(name, value, optional, append(modelStack, name), modelStack));
            }
        }
        List<ModelField> out = new ArrayList<>(fields.values());
        if (dynamic != null) {
            out.add(dynamic);
        }
        return out;
    }

    private ModelField extend(LinkedHashMap<String, ModelField> fields, ModelField dynamic, Object value,
            List<String> modelStack, List<String> yamlPath) {
        String list = value instanceof String s ? s : JsValues.toJsString(value);
        for (String part : list.split(",", -1)) {
            String parent = part.trim();
            if (!isModel(parent)) {
                diagnostics.error("model_extends_not_found", "Model \"" + modelStack.getLast() + "\" is extending \""
                        + parent + "\", but it does not exists", append(modelStack, "__extends"), yamlPath);
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

    /** Parses a referenced model if needed; returns null (after a cyclic warning) if it is being parsed. */
    private Model ensureParsed(String name, List<String> modelStack) {
        if (inProgress.contains(name)) {
            String first = modelStack.getFirst();
            String last = modelStack.size() > 1 ? modelStack.getLast() : "undefined";
            diagnostics.warning("cyclic_model", "Cyclic import " + first + "->" + last, modelStack,
                    append(List.of("models"), modelStack.getFirst()));
            return null;
        }
        if (!parsed.containsKey(name)) {
            parseModel(name, modelStack);
        }
        return parsed.get(name);
    }

    private ModelField parseValue(String name, Object value, boolean optional, List<String> path,
            List<String> modelStack) {
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
            List<ModelField> children = parseFields(cast(map), path, yamlPath, false);
            return new ModelField(name, children, false, false, false, false, optional, false);
        }
        String text = JsValues.toJsString(value);
        if (text.contains("|")) {
            List<ModelField> members = new ArrayList<>();
            for (String member : text.split("\\|", -1)) {
                members.add(parseString(name, member.trim(), false, path, modelStack));
            }
            return new ModelField(name, members, false, false, false, true, optional, false);
        }
        return parseString(name, text, optional, path, modelStack);
    }

    private ModelField parseString(String name, String text, boolean optional, List<String> path,
            List<String> modelStack) {
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
        diagnostics.warning("model_not_found_fallback", "Model \"" + v + "\" is not defined, using as string literal",
                append(path, v), yamlPathOf(path));
        return new ModelField(name, v, false, false, array, false, optional, false);
    }

    private ModelField syntaxError(String name, String text, boolean optional, List<String> path,
            List<String> modelStack) {
        diagnostics.error("type_syntax_error", "Type \"" + text + "\" contains some unsupported typescript syntax,"
                + " please use allowed syntax. Documentation: " + DOC_URL, path, yamlPathOf(path));
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
