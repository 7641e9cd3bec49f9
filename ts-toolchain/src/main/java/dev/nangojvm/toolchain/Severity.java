package dev.nangojvm.toolchain;

/** How bad a {@link Diagnostic} is. Warnings never stop a load or a compile. */
public enum Severity {
    ERROR,
    WARNING
}
