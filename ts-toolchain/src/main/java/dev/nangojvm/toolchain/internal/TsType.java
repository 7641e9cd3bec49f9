package dev.nangojvm.toolchain.internal;

import dev.nangojvm.toolchain.ModelField;
import java.util.ArrayList;
import java.util.List;

/**
 * The TypeScript type Nango writes for a field into {@code .nango/schema.ts} ({@link ModelsTs}), as the tree the
 * TypeScript parser would read back from that text: what ts-to-zod sees. Kept separate from the zod conversion so
 * Nango's quirks (a non-model name stays a string literal even with {@code []}, {@code null[]} prints as
 * {@code null}, optional fields gain {@code | undefined}) live in one place.
 */
sealed interface TsType {
    record Keyword(String name) implements TsType {}

    record DateType() implements TsType {}

    /** {@code Record<string, any>}, Nango's {@code object}. */
    record RecordOfAny() implements TsType {}

    record Ref(String model) implements TsType {}

    record StringLiteral(String value) implements TsType {}

    /** A number or boolean literal, as printed. */
    record OtherLiteral(String text) implements TsType {}

    record NullLiteral() implements TsType {}

    record ArrayOf(TsType element) implements TsType {}

    /** {@code (T)}, around a YAML list's members before {@code []}. */
    record Paren(TsType inner) implements TsType {}

    /** A flat union: TypeScript reads {@code a | b | c} as one union of three members. */
    record Union(List<TsType> members) implements TsType {}

    /** {@code { ... }}: an inline object, fields in Nango's order. */
    record TypeLiteral(List<ModelField> fields) implements TsType {}

    /**
     * The field's type, with the {@code | undefined} Nango appends to optional fields when {@code undefinedInOptional}
     * (Nango before that change wrote {@code field?: T}).
     */
    static TsType of(ModelField f, boolean undefinedInOptional) {
        TsType bare = bare(f);
        if (!undefinedInOptional || !ModelsTs.appendsUndefined(f)) {
            return bare;
        }
        List<TsType> members = new ArrayList<>(bare instanceof Union u ? u.members() : List.of(bare));
        members.add(new Keyword("undefined"));
        return new Union(members);
    }

    private static TsType bare(ModelField f) {
        if (f.union() && f.array()) {
            return new ArrayOf(new Paren(union(f.children())));
        }
        if (f.union()) {
            return union(f.children());
        }
        if (f.isObject()) {
            return new TypeLiteral(f.children());
        }
        Object v = f.value();
        TsType t;
        if (f.model()) {
            t = new Ref((String) v);
        } else if (f.tsType() && v instanceof String s) {
            t = builtin(s);
        } else if (v == null) {
            return new NullLiteral();
        } else if (v instanceof String s) {
            return new StringLiteral(s + (f.array() ? "[]" : ""));
        } else {
            t = new OtherLiteral(JsValues.toJsString(v));
        }
        return f.array() ? new ArrayOf(t) : t;
    }

    private static TsType builtin(String s) {
        return switch (s) {
            case "Date" -> new DateType();
            case "Record<string, any>" -> new RecordOfAny();
            case "any[]" -> new ArrayOf(new Keyword("any"));
            default -> new Keyword(s);
        };
    }

    private static TsType union(List<ModelField> members) {
        List<TsType> flat = new ArrayList<>();
        for (ModelField m : members) {
            TsType t = bare(m);
            if (t instanceof Union u) {
                flat.addAll(u.members());
            } else {
                flat.add(t);
            }
        }
        return flat.size() == 1 ? flat.getFirst() : new Union(flat);
    }
}
