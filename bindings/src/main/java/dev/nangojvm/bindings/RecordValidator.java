package dev.nangojvm.bindings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks sync records against their model's JSON Schema, as Nango's CLI does in dry runs: one
 * standalone draft-07 schema per model (the model at the root, the models it references under
 * {@code definitions}), as {@code ModelArtifacts.jsonSchemas} of the toolchain produces them, with
 * formats checked and every error reported.
 *
 * <pre>{@code
 * RecordValidator validator = RecordValidator.fromJsonText(ModelArtifacts.jsonSchemas(project));
 * List<String> errors = validator.validate("Issue", record);   // empty when valid
 * }</pre>
 *
 * <p>Immutable and thread-safe; schemas are compiled once.
 */
public final class RecordValidator {
    /** Validates nothing: every record is valid. */
    public static final RecordValidator NONE = new RecordValidator(Map.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonSchema> schemas;

    private RecordValidator(Map<String, JsonSchema> schemas) {
        this.schemas = schemas;
    }

    /** A validator for these models (name → schema); records of other models are not checked. */
    public static RecordValidator of(Map<String, JsonNode> schemasByModel) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Map<String, JsonSchema> compiled = new LinkedHashMap<>();
        schemasByModel.forEach((model, schema) -> compiled.put(model, factory.getSchema(schema, config)));
        return new RecordValidator(Map.copyOf(compiled));
    }

    /** {@link #of} with each schema as JSON text; throws {@code IllegalArgumentException} naming a model whose text does not parse. */
    public static RecordValidator fromJsonText(Map<String, String> schemasByModel) {
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        schemasByModel.forEach((model, text) -> {
            try {
                parsed.put(model, JSON.readTree(text));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("JSON Schema of model '" + model + "' does not parse: "
                        + e.getOriginalMessage() + ". Pass the output of ModelArtifacts.jsonSchemas.", e);
            }
        });
        return of(parsed);
    }

    /** Whether records of {@code model} (base name, without {@code ::variant}) are checked. */
    public boolean checks(String model) {
        return schemas.containsKey(Objects.requireNonNull(model, "model"));
    }

    /**
     * The schema errors of {@code record}, in a stable order, each as {@code <path>: <message>};
     * empty when it is valid or its model has no schema.
     */
    public List<String> validate(String model, JsonNode record) {
        JsonSchema schema = schemas.get(model);
        if (schema == null) {
            return List.of();
        }
        return schema.validate(record).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .toList();
    }
}
