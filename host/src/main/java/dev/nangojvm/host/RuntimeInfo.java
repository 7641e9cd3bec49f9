package dev.nangojvm.host;

/**
 * Which GraalJS runtime executes scripts.
 *
 * @param optimizing         true when the Graal JIT compiles hot script code
 * @param implementationName what GraalVM reports, e.g. {@code GraalVM CE} or {@code Interpreted}
 * @param reason             why the optimizing runtime is not active, or {@code null}
 */
public record RuntimeInfo(boolean optimizing, String implementationName, String reason) {

    /** One line for start-up logs. */
    public String describe() {
        return optimizing
                ? "GraalJS runtime: optimizing (Graal JIT, " + implementationName + ")"
                : "GraalJS runtime: interpreter only (" + implementationName + "); long CPU-heavy scripts run slower than with the Graal JIT. Reason: " + reason;
    }
}
