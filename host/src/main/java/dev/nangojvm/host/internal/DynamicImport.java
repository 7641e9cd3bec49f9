package dev.nangojvm.host.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code import(...)} in a bundle's text. GraalJS evaluates {@code import('data:text/javascript,...')}
 * without asking {@code js.allow-eval}, so a dynamic import compiles a string to code even when
 * code generation is off. The strict policy refuses such bundles before they run.
 *
 * <p>The scan is deliberately conservative: it looks at the raw text (strings and comments
 * included), so it can refuse a bundle that only mentions {@code import(} in a comment, but it
 * cannot miss a real one: in a script, {@code import} is a reserved word that may not contain
 * escapes, and only whitespace or comments may stand between it and the parenthesis. A property
 * named {@code import} ({@code obj.import(x)}) is not a dynamic import and is allowed. Stateless.
 */
final class DynamicImport {
    private static final Pattern CALL = Pattern.compile("import(?:\\s|/\\*[\\s\\S]*?\\*/|//[^\\n\\r\\u2028\\u2029]*)*\\(");

    private DynamicImport() {
    }

    /** The offset of the first dynamic import in {@code code}, or -1. */
    static int find(String code) {
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            int before = m.start() - 1;
            if (before >= 0 && isIdentifierPart(code.charAt(before))) continue; // reimport(, $import(
            if (before >= 0 && code.charAt(before) == '.' && !(before >= 2 && code.startsWith("..", before - 2))) continue; // obj.import(
            return m.start();
        }
        return -1;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isJavaIdentifierPart(c) || c == '\\';
    }
}
