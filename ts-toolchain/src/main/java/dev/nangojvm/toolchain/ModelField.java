package dev.nangojvm.toolchain;

import java.util.List;
import java.util.Objects;

/**
 * One field of a {@link Model}, in Nango's own representation ({@code NangoModelField}, §1.6/§1.7).
 *
 * <p>{@code value} is one of:
 * <ul>
 *   <li>a {@code String}: a model name ({@code model}), a TypeScript builtin ({@code tsType}, e.g. {@code number},
 *       {@code Date}, {@code Record<string, any>}) or a string literal (neither flag);</li>
 *   <li>a {@code Long}, {@code Double} or {@code Boolean}, or {@code null}: a literal type ({@code tsType});</li>
 *   <li>a {@code List<ModelField>}: an inline object (no flags), a union ({@code union}) or, for a YAML list,
 *       an array of the union of its items ({@code union} and {@code array}).</li>
 * </ul>
 *
 * @param name field name (the {@code ?} suffix already stripped); {@code __string} for the dynamic key
 * @param value see above
 * @param tsType value is a TypeScript builtin or a literal number/boolean/null
 * @param model value is the name of a model
 * @param array the type is an array ({@code X[]})
 * @param union value is a list of union members
 * @param optional the key ended with {@code ?}
 * @param dynamic this is the {@code __string} index signature
 */
public record ModelField(String name, Object value, boolean tsType, boolean model, boolean array, boolean union,
        boolean optional, boolean dynamic) {

    public ModelField {
        Objects.requireNonNull(name, "name");
        if (value instanceof List<?> list) {
            value = List.copyOf(list);
        }
    }

    /** The nested fields of an inline object, a union or a YAML-list array; empty otherwise. */
    @SuppressWarnings("unchecked")
    public List<ModelField> children() {
        return value instanceof List<?> list ? (List<ModelField>) list : List.of();
    }

    /** True for an inline object type ({@code {...}}). */
    public boolean isObject() {
        return value instanceof List<?> && !union;
    }

    public ModelField withName(String newName) {
        return new ModelField(newName, value, tsType, model, array, union, optional, dynamic);
    }
}
