package dev.nangojvm.cli.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.toolchain.ModelArtifacts;
import dev.nangojvm.toolchain.NangoProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dry run's model validation, as Nango does it with AJV ({@code allErrors}, formats) over the
 * model's JSON Schema from nango.yaml: every error, with AJV's message, keyword, instance path and
 * schema path. Covers the keywords the schema generator emits: {@code type}, {@code properties},
 * {@code required}, {@code additionalProperties}, {@code items}, {@code const}, {@code enum},
 * {@code anyOf}, {@code not}, {@code $ref} to {@code #/definitions} and the {@code date-time} format.
 */
public final class ModelValidator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[tT ]([01]\\d|2[0-3]):([0-5]\\d):([0-5]\\d|60)(\\.\\d+)?([zZ]|[+-]([01]\\d|2[0-3]):?([0-5]\\d))");

    /** One AJV error. {@code instancePath} is JSON-pointer-like ({@code /labels/0}), empty for the root. */
    public record Error(String instancePath, String schemaPath, String keyword, String message) {
        /** {@code labels > 0}, or {@code root}. */
        public String displayPath() {
            return instancePath.isEmpty() ? "root" : String.join(" > ", instancePath.substring(1).split("/", -1));
        }
    }

    private final NangoProject project;
    private final Map<String, Optional<ObjectNode>> schemas = new ConcurrentHashMap<>();

    public ModelValidator(NangoProject project) {
        this.project = project;
    }

    /** Whether nango.yaml defines the model. */
    public boolean knows(String model) {
        return schema(model).isPresent();
    }

    /** The errors of {@code data} against the model; empty when it is valid or the model is unknown. */
    public List<Error> validate(String model, JsonNode data) {
        return schema(model).map(s -> validate(s, data)).orElse(List.of());
    }

    /** Validates against a standalone schema document (its {@code $ref}s resolve in its own {@code definitions}). */
    public static List<Error> validate(ObjectNode document, JsonNode data) {
        List<Error> errors = new ArrayList<>();
        new Run(document, errors).check(document, data, "", "#");
        return errors;
    }

    private Optional<ObjectNode> schema(String model) {
        return schemas.computeIfAbsent(model, m -> ModelArtifacts.jsonSchema(project, m).map(text -> {
            try {
                return (ObjectNode) JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    private record Run(ObjectNode document, List<Error> errors) {

        void check(JsonNode schema, JsonNode data, String path, String schemaPath) {
            if (schema == null || schema.isBoolean() && schema.booleanValue()) return;
            if (schema.isBoolean()) {
                errors.add(new Error(path, schemaPath + "/false schema", "false schema", "boolean schema is false"));
                return;
            }
            JsonNode ref = schema.get("$ref");
            if (ref != null && ref.isTextual()) {
                check(resolve(ref.textValue()), data, path, ref.textValue());
            }
            JsonNode type = schema.get("type");
            if (type != null && !typeMatches(type, data)) {
                String names = type.isArray() ? join(type) : type.asText();
                errors.add(new Error(path, schemaPath + "/type", "type", "must be " + names));
            }
            if (schema.has("const") && !equal(schema.get("const"), data)) {
                errors.add(new Error(path, schemaPath + "/const", "const", "must be equal to constant"));
            }
            JsonNode enumValues = schema.get("enum");
            if (enumValues != null && enumValues.isArray() && !contains(enumValues, data)) {
                errors.add(new Error(path, schemaPath + "/enum", "enum", "must be equal to one of the allowed values"));
            }
            JsonNode format = schema.get("format");
            if (format != null && "date-time".equals(format.asText()) && data != null && data.isTextual() && !isDateTime(data.textValue())) {
                errors.add(new Error(path, schemaPath + "/format", "format", "must match format \"date-time\""));
            }
            if (data != null && data.isObject()) object(schema, (ObjectNode) data, path, schemaPath);
            if (data != null && data.isArray() && schema.has("items")) {
                for (int i = 0; i < data.size(); i++) {
                    check(schema.get("items"), data.get(i), path + "/" + i, schemaPath + "/items");
                }
            }
            JsonNode anyOf = schema.get("anyOf");
            if (anyOf != null && anyOf.isArray()) {
                List<Error> branches = new ArrayList<>();
                boolean matched = false;
                for (int i = 0; i < anyOf.size() && !matched; i++) {
                    List<Error> own = new ArrayList<>();
                    new Run(document, own).check(anyOf.get(i), data, path, schemaPath + "/anyOf/" + i);
                    matched = own.isEmpty();
                    branches.addAll(own);
                }
                if (!matched) {
                    errors.addAll(branches);
                    errors.add(new Error(path, schemaPath + "/anyOf", "anyOf", "must match a schema in anyOf"));
                }
            }
            JsonNode not = schema.get("not");
            if (not != null) {
                List<Error> own = new ArrayList<>();
                new Run(document, own).check(not, data, path, schemaPath + "/not");
                if (own.isEmpty()) errors.add(new Error(path, schemaPath + "/not", "not", "must NOT be valid"));
            }
        }

        private void object(JsonNode schema, ObjectNode data, String path, String schemaPath) {
            JsonNode required = schema.get("required");
            if (required != null && required.isArray()) {
                for (JsonNode name : required) {
                    if (!data.has(name.asText())) {
                        errors.add(new Error(path, schemaPath + "/required", "required", "must have required property '" + name.asText() + "'"));
                    }
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                if (properties.has(e.getKey())) {
                    check(properties.get(e.getKey()), e.getValue(), child, schemaPath + "/properties/" + e.getKey());
                } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                    errors.add(new Error(path, schemaPath + "/additionalProperties", "additionalProperties", "must NOT have additional properties"));
                } else if (additional != null && additional.isObject()) {
                    check(additional, e.getValue(), child, schemaPath + "/additionalProperties");
                }
            }
        }

        private JsonNode resolve(String ref) {
            if (!ref.startsWith("#")) return null;
            JsonNode at = document.at(ref.substring(1));
            return at.isMissingNode() ? null : at;
        }

        private static boolean typeMatches(JsonNode type, JsonNode data) {
            if (type.isArray()) {
                for (JsonNode t : type) if (isType(t.asText(), data)) return true;
                return false;
            }
            return isType(type.asText(), data);
        }

        private static boolean isType(String type, JsonNode d) {
            if (d == null) return false;
            return switch (type) {
                case "string" -> d.isTextual();
                case "number" -> d.isNumber();
                case "integer" -> d.isNumber() && d.doubleValue() == Math.rint(d.doubleValue());
                case "boolean" -> d.isBoolean();
                case "null" -> d.isNull();
                case "array" -> d.isArray();
                case "object" -> d.isObject();
                default -> true;
            };
        }

        private static String join(JsonNode array) {
            List<String> names = new ArrayList<>();
            array.forEach(n -> names.add(n.asText()));
            return String.join(",", names);
        }

        private static boolean contains(JsonNode values, JsonNode data) {
            for (JsonNode v : values) if (equal(v, data)) return true;
            return false;
        }

        /** AJV's deep equality: numbers by value (1 equals 1.0), objects regardless of key order. */
        private static boolean equal(JsonNode a, JsonNode b) {
            if (a == null || b == null) return a == b;
            if (a.isNumber() && b.isNumber()) return a.doubleValue() == b.doubleValue();
            if (a.isObject() && b.isObject()) {
                if (a.size() != b.size()) return false;
                for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!b.has(k) || !equal(a.get(k), b.get(k))) return false;
                }
                return true;
            }
            if (a.isArray() && b.isArray()) {
                if (a.size() != b.size()) return false;
                for (int i = 0; i < a.size(); i++) if (!equal(a.get(i), b.get(i))) return false;
                return true;
            }
            return a.equals(b);
        }

        /** ajv-formats' full date-time: RFC 3339 with a real calendar date. */
        private static boolean isDateTime(String s) {
            Matcher m = DATE_TIME.matcher(s);
            if (!m.matches()) return false;
            try {
                LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                return false;
            }
            return !m.group(6).equals("60") || m.group(4).equals("23") && m.group(5).equals("59");
        }
    }
}
