package dev.nangojvm.toolchain;

/** nango.yaml grammar version, detected from the first integration (§1.1). */
public enum YamlVersion {
    /** Deprecated flat grammar: {@code integrations.<id>.<script>}. */
    V1,
    /** Current grammar: {@code integrations.<id>.syncs/actions/on-events}. */
    V2;

    /** {@code v1} or {@code v2}, as Nango writes it. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
