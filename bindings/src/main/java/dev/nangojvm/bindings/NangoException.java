package dev.nangojvm.bindings;

/**
 * A failure the script can observe. {@link #code()} is stable snake_case and matches Nango's code
 * where Nango has one ({@code url_not_allowed}, {@code unknown_provider}, ...). Messages never
 * contain secrets.
 */
public class NangoException extends RuntimeException {
    private final String code;

    public NangoException(String code, String message) {
        super(message);
        this.code = code;
    }

    public NangoException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
