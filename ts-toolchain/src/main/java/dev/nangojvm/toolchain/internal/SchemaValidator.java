package dev.nangojvm.toolchain.internal;

/** Stage-1 validation: the checks Nango's JSON schema makes on the raw YAML (§1.8). */
final class SchemaValidator {
    private SchemaValidator() {}

    static void validate(Object root, Diagnostics diagnostics) {
        // Filled in by the validation step.
    }
}
