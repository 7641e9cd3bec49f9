package dev.nangojvm.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * JavaScript semantics over JSON values, as the mock's pagination code applies them to parsed
 * responses. {@code null} (Java) stands for {@code undefined}.
 */
public final class JsValues {
    private JsValues() { }

    /** ToBoolean. */
    public static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return false;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isNumber()) {
            double d = v.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        if (v.isTextual()) return !v.textValue().isEmpty();
        return true;
    }

    public static boolean isUndefined(JsonNode v) {
        return v == null || v.isMissingNode();
    }

    /**
     * {@code v[key]}, a plain property read. Reading from {@code undefined} or {@code null} throws
     * a {@link JsTypeError}, as in JavaScript.
     */
    public static JsonNode get(JsonNode v, String key) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            throw new JsTypeError("Cannot read properties of " + (v == null || v.isMissingNode() ? "undefined" : "null")
                    + " (reading '" + key + "')");
        }
        if (v.isObject()) return v.get(key);
        if (v.isArray()) {
            if ("length".equals(key)) return IntNode.valueOf(v.size());
            int i = arrayIndex(key);
            return i >= 0 && i < v.size() ? v.get(i) : null;
        }
        if (v.isTextual()) {
            String s = v.textValue();
            if ("length".equals(key)) return IntNode.valueOf(s.length());
            int i = arrayIndex(key);
            return i >= 0 && i < s.length() ? TextNode.valueOf(String.valueOf(s.charAt(i))) : null;
        }
        return null;
    }

    /** {@code v.length} (throws on undefined / null). */
    public static JsonNode length(JsonNode v) {
        return get(v, "length");
    }

    /** lodash {@code _.get(object, path)}: a key that exists wins, else the dotted / bracketed path; undefined when missing. */
    public static JsonNode lodashGet(JsonNode v, String path) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isObject() && v.has(path)) return v.get(path);
        JsonNode cur = v;
        for (String key : pathKeys(path)) {
            if (cur == null || cur.isNull() || cur.isMissingNode()) return null;
            cur = get(cur, key);
        }
        return cur;
    }

    /** lodash's stringToPath for the forms that appear in paginate configs: {@code a.b[0].c}, {@code a["b.c"]}. */
    static List<String> pathKeys(String path) {
        List<String> keys = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        if (path.startsWith(".")) keys.add("");
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                if (cur.length() > 0 || (i > 0 && path.charAt(i - 1) == '.')) keys.add(cur.toString());
                cur.setLength(0);
                i++;
            } else if (c == '[') {
                if (cur.length() > 0) keys.add(cur.toString());
                cur.setLength(0);
                int close = path.indexOf(']', i);
                if (close < 0) { cur.append(path.substring(i)); break; }
                String inner = path.substring(i + 1, close).trim();
                if (inner.length() >= 2 && (inner.charAt(0) == '"' || inner.charAt(0) == '\'') && inner.endsWith(String.valueOf(inner.charAt(0)))) {
                    inner = inner.substring(1, inner.length() - 1);
                }
                keys.add(inner);
                i = close + 1;
            } else {
                cur.append(c);
                i++;
            }
        }
        if (cur.length() > 0 || path.endsWith(".")) keys.add(cur.toString());
        return keys;
    }

    /** ToNumber for the values a paginate config holds; NaN when not numeric. */
    public static double toNumber(JsonNode v) {
        if (v == null || v.isMissingNode()) return Double.NaN;
        if (v.isNull()) return 0;
        if (v.isNumber()) return v.doubleValue();
        if (v.isBoolean()) return v.booleanValue() ? 1 : 0;
        if (v.isTextual()) {
            String s = v.textValue().strip();
            if (s.isEmpty()) return 0;
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** {@code String(v)} for a primitive. */
    public static String toJsString(JsonNode v) {
        if (v == null || v.isMissingNode()) return "undefined";
        if (v.isNull()) return "null";
        if (v.isTextual()) return v.textValue();
        if (v.isNumber()) return JsJson.numberToString(v.doubleValue());
        if (v.isBoolean()) return Boolean.toString(v.booleanValue());
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(e == null || e.isNull() ? "" : toJsString(e)));
            return String.join(",", parts);
        }
        return "[object Object]";
    }

    private static int arrayIndex(String key) {
        if (key.isEmpty() || key.length() > 9 || (key.length() > 1 && key.charAt(0) == '0')) return -1;
        for (int i = 0; i < key.length(); i++) if (!Character.isDigit(key.charAt(i))) return -1;
        return Integer.parseInt(key);
    }

    /** A TypeError the mock's JavaScript would have thrown; the script sees it as a rejected nango call. */
    public static final class JsTypeError extends dev.nangojvm.bindings.NangoException {
        public JsTypeError(String message) {
            super("mock_type_error", message);
        }
    }
}
