package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The few JavaScript value semantics Nango's proxy and paginator depend on, applied to Jackson
 * trees: truthiness, {@code String(v)}, {@code Number(v)} and lodash {@code get}.
 *
 * <p>Java {@code null} stands for JavaScript {@code undefined}; a JSON {@code null} node for
 * {@code null}. Stateless and thread-safe.
 */
public final class JsValues {

    private JsValues() {
    }

    /** JavaScript truthiness; {@code undefined} (Java null) and JSON null are falsy. */
    public static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        return true;
    }

    /** JavaScript {@code String(v)}. */
    public static String string(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "undefined";
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? v.bigIntegerValue().toString() : numberToString(v.doubleValue());
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(e == null || e.isNull() ? "" : string(e)));
            return String.join(",", parts);
        }
        if (v.isObject()) {
            return "[object Object]";
        }
        return v.asText();
    }

    /** JavaScript {@code Number(v)}: NaN when it does not convert. */
    public static double number(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1 : 0;
        }
        if (v.isNull()) {
            return 0;
        }
        if (v.isTextual()) {
            return number(v.textValue());
        }
        return Double.NaN;
    }

    /** JavaScript {@code Number(string)}: trims, accepts hex/octal/binary prefixes and {@code Infinity}. */
    public static double number(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            if (t.length() > 2 && t.charAt(0) == '0') {
                char p = Character.toLowerCase(t.charAt(1));
                int radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
                if (radix != 0) {
                    return new java.math.BigInteger(t.substring(2), radix).doubleValue();
                }
            }
            return switch (t) {
                case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?") ? Double.parseDouble(t) : Double.NaN;
            };
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** JavaScript's number-to-string: integers without a fraction, exponents only beyond 1e21 / 1e-7. */
    public static String numberToString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent >= 21 || exponent < -6) {
            String digits = exact.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d < 0 ? "-" : "") + mantissa + "e" + (exponent > 0 ? "+" : "") + exponent;
        }
        return exact.toPlainString();
    }

    /**
     * lodash {@code get(object, path)}: dotted and bracketed paths ({@code a.b[0]['c.d']}), with a
     * literal key equal to the whole path winning, and {@code length} of arrays and strings.
     *
     * @return the value, or Java null for {@code undefined}
     */
    public static JsonNode get(JsonNode object, String path) {
        if (object == null || path == null) {
            return null;
        }
        if (object.isObject() && object.has(path)) {
            return object.get(path);
        }
        JsonNode current = object;
        for (String key : toPath(path)) {
            current = member(current, key);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static JsonNode member(JsonNode node, String key) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return node.get(key);
        }
        if (node.isArray()) {
            if (key.equals("length")) {
                return IntNode.valueOf(node.size());
            }
            return key.matches("0|[1-9]\\d{0,8}") ? node.get(Integer.parseInt(key)) : null;
        }
        if (node.isTextual() && key.equals("length")) {
            return IntNode.valueOf(node.textValue().length());
        }
        return null;
    }

    /** lodash {@code stringToPath}: {@code a.b[0]['c.d']} to {@code [a, b, 0, c.d]}. */
    public static List<String> toPath(String path) {
        List<String> keys = new ArrayList<>();
        if (path.startsWith(".")) {
            keys.add("");
        }
        int i = 0;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
                if (i == n || path.charAt(i) == '.' || path.startsWith("[]", i)) {
                    keys.add("");
                }
            } else if (c == '[') {
                int close = bracketEnd(path, i);
                if (close < 0) {
                    keys.add(path.substring(i));
                    break;
                }
                keys.add(unquote(path.substring(i + 1, close)));
                i = close + 1;
            } else {
                int end = i;
                while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                keys.add(path.substring(i, end));
                i = end;
            }
        }
        return keys;
    }

    private static int bracketEnd(String path, int open) {
        if (open + 1 < path.length() && (path.charAt(open + 1) == '"' || path.charAt(open + 1) == '\'')) {
            char q = path.charAt(open + 1);
            for (int j = open + 2; j < path.length(); j++) {
                if (path.charAt(j) == '\\') {
                    j++;
                } else if (path.charAt(j) == q) {
                    return j + 1 < path.length() && path.charAt(j + 1) == ']' ? j + 1 : -1;
                }
            }
            return -1;
        }
        return path.indexOf(']', open);
    }

    private static String unquote(String inner) {
        if (inner.length() >= 2 && (inner.charAt(0) == '"' || inner.charAt(0) == '\'')) {
            return inner.substring(1, inner.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return inner;
    }

    /** A JSON text node, or Java null for a Java null string. */
    static JsonNode text(String s) {
        return s == null ? null : JsonNodeFactory.instance.textNode(s);
    }
}
