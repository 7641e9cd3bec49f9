package dev.nangojvm.toolchain.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.toolchain.Model;
import dev.nangojvm.toolchain.ModelField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON Schema (draft-07) for models, shaped like the output of ts-json-schema-generator 2.4 on Nango's generated
 * interfaces (§2.4): objects with {@code additionalProperties: false}, optional fields left out of
 * {@code required}, {@code Date} as a date-time string, literal unions as {@code enum}, simple unions as a
 * {@code type} list and everything else as {@code anyOf}.
 */
public final class JsonSchemas {
    public static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Only these merge into a {@code type} list in a union; anything else (e.g. object) becomes anyOf. */
    private static final Set<String> PRIMITIVES = Set.of("string", "number", "boolean", "null", "integer");

    private JsonSchemas() {}

    /** {@code {"$schema", "definitions": {name: schema...}, "$comment"}} like {@code .nango/schema.json}. */
    public static ObjectNode document(Collection<Model> models, String comment) {
        ObjectNode doc = F.objectNode();
        doc.put("$schema", DRAFT_07);
        ObjectNode defs = doc.putObject("definitions");
        models.forEach(m -> defs.set(m.name(), definition(m)));
        if (comment != null) {
            doc.put("$comment", comment);
        }
        return doc;
    }

    /** The schema of one model. References point at {@code #/definitions/<Name>}. */
    public static ObjectNode definition(Model m) {
        if (m.anonymous()) {
            return m.fields().isEmpty() ? F.objectNode() : schemaOf(m.fields().getFirst());
        }
        return objectSchema(m.fields());
    }

    /** Names of the models {@code m} references, directly or not (not including {@code m} itself unless cyclic). */
    public static Set<String> references(Model m, java.util.Map<String, Model> all) {
        Set<String> out = new LinkedHashSet<>();
        List<Model> todo = new ArrayList<>(List.of(m));
        while (!todo.isEmpty()) {
            Model next = todo.removeLast();
            for (ModelField f : next.fields()) {
                collectRefs(f, ref -> {
                    if (out.add(ref) && all.containsKey(ref)) {
                        todo.add(all.get(ref));
                    }
                });
            }
        }
        return out;
    }

    private static void collectRefs(ModelField f, java.util.function.Consumer<String> sink) {
        if (f.model() && f.value() instanceof String s) {
            sink.accept(s);
        }
        f.children().forEach(c -> collectRefs(c, sink));
    }

    static String toJson(JsonNode node) {
        try {
            return JSON.writer(new TwoSpacePrinter()).writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode objectSchema(List<ModelField> fields) {
        ObjectNode props = F.objectNode();
        ArrayNode required = F.arrayNode();
        ModelField dynamic = null;
        for (ModelField f : fields) {
            if (f.dynamic()) {
                dynamic = f;
                continue;
            }
            if (isNever(f) && !f.optional()) {
                return notAnything();
            }
            List<ModelField> members = f.union() && !f.array() ? f.children() : List.of(f);
            List<ModelField> defined = members.stream().filter(c -> !isUndefined(c)).toList();
            boolean mayBeUndefined = defined.size() < members.size();
            ObjectNode schema;
            if (defined.isEmpty()) {
                schema = notAnything();
            } else if (f.union() && !f.array()) {
                schema = unionSchema(defined);
            } else {
                schema = schemaOf(f);
            }
            props.set(f.name(), schema);
            if (!f.optional() && !mayBeUndefined) {
                required.add(f.name());
            }
        }
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        if (!props.isEmpty()) {
            o.set("properties", props);
        }
        if (!required.isEmpty()) {
            o.set("required", required);
        }
        if (dynamic != null) {
            ObjectNode values = schemaOf(dynamic);
            if (!values.isEmpty()) { // an index signature of any is JSON Schema's default: nothing to say
                o.set("additionalProperties", values);
            }
        } else {
            o.put("additionalProperties", false);
        }
        return o;
    }

    private static ObjectNode schemaOf(ModelField f) {
        if (f.union() && f.array()) {
            ObjectNode a = F.objectNode().put("type", "array");
            a.set("items", unionSchema(f.children()));
            return a;
        }
        if (f.union()) {
            return unionSchema(f.children());
        }
        if (f.isObject()) {
            return objectSchema(f.children());
        }
        boolean stringLiteral = !f.tsType() && !f.model() && f.value() instanceof String;
        if (stringLiteral) {
            // Nango renders an array of a string literal as the literal 'value[]' (quirk), so no array here.
            return F.objectNode().put("type", "string").put("const", f.value() + (f.array() ? "[]" : ""));
        }
        ObjectNode base = scalar(f);
        if (!f.array()) {
            return base;
        }
        ObjectNode a = F.objectNode().put("type", "array");
        a.set("items", base);
        return a;
    }

    private static ObjectNode scalar(ModelField f) {
        Object v = f.value();
        if (f.model()) {
            return F.objectNode().put("$ref", "#/definitions/" + v);
        }
        if (v == null) {
            return F.objectNode().put("type", "null");
        }
        if (v instanceof Boolean b) {
            return F.objectNode().put("type", "boolean").put("const", b);
        }
        if (v instanceof Long n) {
            return F.objectNode().put("type", "number").put("const", n);
        }
        if (v instanceof Double d) {
            return F.objectNode().put("type", "number").put("const", d);
        }
        return switch ((String) v) {
            case "string" -> F.objectNode().put("type", "string");
            case "number", "bigint" -> F.objectNode().put("type", "number");
            case "boolean" -> F.objectNode().put("type", "boolean");
            case "Date" -> F.objectNode().put("type", "string").put("format", "date-time");
            case "Record<string, any>" -> F.objectNode().put("type", "object");
            case "any[]" -> {
                ObjectNode a = F.objectNode().put("type", "array");
                a.putObject("items");
                yield a;
            }
            case "void" -> F.objectNode().put("type", "null");
            case "undefined", "never" -> notAnything();
            default -> F.objectNode(); // any
        };
    }

    private static ObjectNode unionSchema(List<ModelField> members) {
        if (members.size() == 1) {
            return schemaOf(members.getFirst());
        }
        if (members.stream().allMatch(JsonSchemas::isLiteral)) {
            Set<String> types = new LinkedHashSet<>();
            ArrayNode values = F.arrayNode();
            for (ModelField m : members) {
                ObjectNode s = schemaOf(m);
                types.add(s.get("type").asText());
                values.add(s.has("const") ? s.get("const") : F.nullNode());
            }
            ObjectNode o = F.objectNode();
            setType(o, types);
            o.set("enum", values);
            return o;
        }
        List<ObjectNode> defs = new ArrayList<>();
        members.forEach(m -> defs.add(schemaOf(m)));
        boolean allString = defs.stream().allMatch(d -> "string".equals(d.path("type").asText(null)));
        if (allString && defs.stream().anyMatch(d -> !d.has("const") && !d.has("enum"))) {
            if (defs.stream().allMatch(d -> d.size() == 1 || d.has("const") || d.has("enum"))) {
                return F.objectNode().put("type", "string");
            }
        }
        if (defs.stream().allMatch(d -> d.size() == 1 && PRIMITIVES.contains(d.path("type").asText("")))) {
            Set<String> types = new LinkedHashSet<>();
            defs.forEach(d -> types.add(d.get("type").asText()));
            ObjectNode o = F.objectNode();
            setType(o, types);
            return o;
        }
        ArrayNode anyOf = F.arrayNode();
        for (ObjectNode d : defs) {
            if (d.size() == 1 && d.has("anyOf")) {
                d.get("anyOf").forEach(anyOf::add);
            } else {
                anyOf.add(d);
            }
        }
        ObjectNode o = F.objectNode();
        o.set("anyOf", anyOf);
        return o;
    }

    private static void setType(ObjectNode o, Set<String> types) {
        if (types.size() == 1) {
            o.put("type", types.iterator().next());
        } else {
            ArrayNode arr = o.putArray("type");
            types.forEach(arr::add);
        }
    }

    private static boolean isLiteral(ModelField f) {
        if (f.array() || f.union() || f.model() || f.isObject()) {
            return false;
        }
        Object v = f.value();
        return v == null || v instanceof Boolean || v instanceof Number || !f.tsType() && v instanceof String;
    }

    private static boolean isUndefined(ModelField f) {
        return f.tsType() && "undefined".equals(f.value()) && !f.array();
    }

    private static boolean isNever(ModelField f) {
        return f.tsType() && "never".equals(f.value()) && !f.array() && !f.union();
    }

    private static ObjectNode notAnything() {
        ObjectNode o = F.objectNode();
        o.putObject("not");
        return o;
    }
}
