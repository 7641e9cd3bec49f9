package dev.nangojvm.toolchain.internal;

/**
 * ts-to-zod's schema names: {@code camel(typeName) + "Schema"}, where camel is the {@code case} package's
 * ({@code User} → {@code userSchema}, {@code Anonymous_x_action_y_output} → {@code anonymousXActionYOutputSchema},
 * {@code HTTPResponse} → {@code hTTPResponseSchema}, {@code URL} → {@code urlSchema}). Scripts import these names,
 * so they must be the same as the ones integration-templates committed.
 */
public final class SchemaNames {
    private SchemaNames() {}

    /** The exported constant holding the zod schema of model {@code modelName}. */
    public static String schemaName(String modelName) {
        return camel(modelName) + "Schema";
    }

    /** {@code case}'s camel: pascal, then the first character lower-cased. */
    static String camel(String s) {
        String p = pascal(s);
        return p.isEmpty() ? p : Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }

    private static String pascal(String s) {
        // prep: an all-uppercase word is lower-cased first; symbols become word breaks when that creates one
        if (s.chars().noneMatch(SchemaNames::isLower)) {
            s = s.toLowerCase(java.util.Locale.ROOT);
        }
        if (!hasHole(s)) {
            String holey = fill(s, " ");
            if (hasHole(holey)) {
                s = holey;
            }
        }
        // every letter after the start or a run of symbols is upper-cased, the symbols dropped
        StringBuilder sb = new StringBuilder();
        boolean border = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSymbol(c)) {
                int j = i;
                while (j < s.length() && isSymbol(s.charAt(j))) {
                    j++;
                }
                if (j < s.length() && isLetter(s.charAt(j))) {
                    sb.append(Character.toUpperCase(s.charAt(j)));
                    i = j;
                    border = false;
                } else {
                    sb.append(s, i, j);
                    i = j - 1;
                    border = false;
                }
                continue;
            }
            sb.append(border && isLetter(c) ? Character.toUpperCase(c) : c);
            border = false;
        }
        return fill(sb.toString(), "").replace("'", "");
    }

    /** {@code case}'s fill: each run of symbols is replaced by {@code fill} before the next character, or dropped. */
    private static String fill(String s, String fill) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSymbol(c)) {
                sb.append(c);
                continue;
            }
            int j = i;
            while (j < s.length() && isSymbol(s.charAt(j))) {
                j++;
            }
            if (j < s.length()) {
                sb.append(fill).append(s.charAt(j));
            }
            i = j;
        }
        return sb.toString();
    }

    private static boolean hasHole(String s) {
        for (int i = 1; i + 1 < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) && !Character.isWhitespace(s.charAt(i - 1))
                    && !Character.isWhitespace(s.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** {@code case}'s symbol set: ASCII punctuation and space except the apostrophe, plus U+00A0–U+00BF, ×, ÷. */
    private static boolean isSymbol(int c) {
        return c >= 0x20 && c <= 0x26 || c >= 0x28 && c <= 0x2F || c >= 0x3A && c <= 0x40 || c >= 0x5B && c <= 0x60
                || c >= 0x7B && c <= 0x7E || c >= 0xA0 && c <= 0xBF || c == 0xD7 || c == 0xF7;
    }

    private static boolean isLower(int c) {
        return c >= 'a' && c <= 'z' || c >= 0xDF && c <= 0xFF && c != 0xF7;
    }

    private static boolean isLetter(int c) {
        return isLower(c) || c >= 'A' && c <= 'Z' || c >= 0xC0 && c <= 0xDE && c != 0xD7;
    }
}
