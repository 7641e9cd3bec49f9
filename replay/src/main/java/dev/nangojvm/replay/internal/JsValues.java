package dev.nangojvm.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nangojvm.bindings.NangoException;

/**
 * The JavaScript semantics the mock's pagination code applies to parsed responses, on top of
 * {@link dev.nangojvm.bindings.proxy.JsValues} (truthiness, {@code String(v)}, {@code Number(v)},
 * lodash {@code get}): plain property reads that throw on {@code undefined} / {@code null}, as
 * {@code data[response_path]} does. Java {@code null} stands for {@code undefined}.
 */
public final class JsValues {
    private JsValues() { }

    public static boolean truthy(JsonNode v) {
        return dev.nangojvm.bindings.proxy.JsValues.truthy(v);
    }

    /** {@code String(v)}. */
    public static String string(JsonNode v) {
        return dev.nangojvm.bindings.proxy.JsValues.string(v);
    }

    /** {@code Number(v)}. */
    public static double number(JsonNode v) {
        return dev.nangojvm.bindings.proxy.JsValues.number(v);
    }

    /** lodash {@code _.get(v, path)}; undefined when missing. */
    public static JsonNode lodashGet(JsonNode v, String path) {
        return dev.nangojvm.bindings.proxy.JsValues.get(v, path);
    }

    /** {@code v[key]}, a plain property read; reading from {@code undefined} or {@code null} throws a {@link JsTypeError}. */
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

    private static int arrayIndex(String key) {
        return key.matches("0|[1-9]\\d{0,8}") ? Integer.parseInt(key) : -1;
    }

    /** A TypeError the mock's JavaScript would have thrown; the script sees it as a rejected nango call. */
    public static final class JsTypeError extends NangoException {
        public JsTypeError(String message) {
            super("mock_type_error", message);
        }
    }
}
