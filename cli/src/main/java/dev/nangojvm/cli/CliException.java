package dev.nangojvm.cli;

/**
 * A failure the user can act on: a stable code, what was wrong, and how to fix it. The CLI
 * prints it as {@code nango-jvm: error <code>: <message>} and exits with {@link #exitCode()}.
 */
public final class CliException extends RuntimeException {
    private final String code;
    private final int exitCode;

    public CliException(String code, String message) {
        this(code, message, 1);
    }

    public CliException(String code, String message, int exitCode) {
        super(message);
        this.code = code;
        this.exitCode = exitCode;
    }

    public String code() {
        return code;
    }

    public int exitCode() {
        return exitCode;
    }
}
