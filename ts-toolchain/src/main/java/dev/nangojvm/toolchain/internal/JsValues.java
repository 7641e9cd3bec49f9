package dev.nangojvm.toolchain.internal;

import java.util.List;
import java.util.Map;

/** JavaScript-flavoured helpers for values loaded from YAML: numbers behave like JS numbers, strings like String(). */
public final class JsValues {
    private JsValues() {}

    /** Normalises a number the way a JS number prints: integral doubles become {@code Long}. */
    public static Object number(Number n) {
        if (n instanceof Long || n instanceof Integer) {
            return n.longValue();
        }
        double d = n.doubleValue();
        if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15 && !(d == 0 && 1 / d < 0)) {
            return (long) d;
        }
        return d;
    }

    /** {@code String(value)} in JavaScript, for scalars. */
    public static String toJsString(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "NaN";
            }
            if (d.isInfinite()) {
                return d > 0 ? "Infinity" : "-Infinity";
            }
            String s = d.toString();
            if (s.contains("E")) {
                return s.replace("E", "e+").replace("e+-", "e-");
            }
            return s;
        }
        if (v instanceof Map || v instanceof List) {
            return "[object Object]";
        }
        return v.toString();
    }

    /** JavaScript's {@code parseInt(s)} (radix 10, or 16 with a 0x prefix); {@code null} for NaN. */
    public static Long parseInt(String s) {
        String t = s.stripLeading();
        int i = 0;
        boolean negative = false;
        if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (t.startsWith("0x", i) || t.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        }
        int start = i;
        while (i < t.length() && Character.digit(t.charAt(i), radix) >= 0 && t.charAt(i) < 128) {
            i++;
        }
        if (i == start) {
            return null;
        }
        String digits = t.substring(start, Math.min(i, start + 18));
        long n = Long.parseLong(digits, radix);
        return negative ? -n : n;
    }

    /** A deeply unmodifiable copy of a loaded YAML value (order and null elements kept). */
    public static Object freeze(Object v) {
        if (v instanceof Map<?, ?> m) {
            java.util.LinkedHashMap<Object, Object> copy = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(k, freeze(x)));
            return java.util.Collections.unmodifiableMap(copy);
        }
        if (v instanceof List<?> l) {
            java.util.ArrayList<Object> copy = new java.util.ArrayList<>();
            l.forEach(x -> copy.add(freeze(x)));
            return java.util.Collections.unmodifiableList(copy);
        }
        return v;
    }

    public static boolean isString(Object v) {
        return v instanceof String;
    }
}
