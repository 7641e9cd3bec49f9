package dev.nangojvm.toolchain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model from the {@code models} section, or an anonymous model created for an inline input/output type.
 *
 * @param name model name, e.g. {@code GithubIssue} or {@code Anonymous_github_action_x_output}
 * @param fields fields in declaration order ({@code __extends} parents merged in place); an anonymous model has
 *     exactly one field named {@code input} or {@code output}
 * @param anonymous created from an inline type
 * @param raw the YAML value the model was parsed from (a map, or the inline type string)
 */
public record Model(String name, List<ModelField> fields, boolean anonymous, Object raw) {
    public Model {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        raw = dev.nangojvm.toolchain.internal.JsValues.freeze(raw);
    }

    public Optional<ModelField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName) && !f.dynamic()).findFirst();
    }
}
