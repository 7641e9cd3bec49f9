package dev.nangojvm.toolchain.internal;

/** An unquoted YAML timestamp ({@code 2024-01-01}); js-yaml turns these into a JavaScript {@code Date}. */
public record YamlTimestamp(String text) {
    @Override
    public String toString() {
        return text;
    }
}
