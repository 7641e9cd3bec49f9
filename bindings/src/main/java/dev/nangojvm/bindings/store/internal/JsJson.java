package dev.nangojvm.bindings.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON text exactly as JavaScript's {@code JSON.stringify} would for the same value, and
 * hashes it the way Nango does ({@code md5(JSON.stringify(record))}).
 *
 * <p>Why not Jackson's writer: record change detection compares hashes across runs, so the text
 * must not depend on how the host happened to represent a JS number ({@code 5} vs {@code 5.0},
 * {@code 1e21} vs {@code 1.0E21}) or on escaping details. Key order is kept as given, except that
 * array-index keys come first in ascending order, as in every JS object.
 *
 * <p>Not API: used by the stores of this package tree.
 */
public final class JsJson {
    private static final HexFormat HEX = HexFormat.of();

    private JsJson() {
    }

    /** The {@code JSON.stringify} text of {@code node}; a missing node gives {@code "null"}. */
    public static String stringify(JsonNode node) {
        StringBuilder out = new StringBuilder(128);
        write(node, out);
        return out.toString();
    }

    /** Lower-case hex MD5 of the UTF-8 bytes of {@code text}, like the {@code md5} npm package. */
    public static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HEX.formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships MD5", e);
        }
    }

    /** {@code String(value)} for a JSON scalar: numbers as JS prints them, strings unquoted. */
    public static String jsString(JsonNode scalar) {
        if (scalar.isTextual()) {
            return scalar.textValue();
        }
        return scalar.isNumber() ? number(scalar) : stringify(scalar);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> writeArray(node, out);
            case STRING -> quote(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue());
            case BINARY -> quote(node.asText(), out);
            case POJO -> out.append(node);
            default -> out.append("null");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> field : jsOrder(node)) {
            if (field.getValue().isMissingNode()) {
                continue; // like undefined: JSON.stringify drops the key
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(field.getKey(), out);
            out.append(':');
            write(field.getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(node.get(i), out);
        }
        out.append(']');
    }

    /** JS objects enumerate integer-index keys first (ascending), then the others by insertion. */
    private static List<Map.Entry<String, JsonNode>> jsOrder(JsonNode node) {
        List<Map.Entry<String, JsonNode>> indices = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> others = new ArrayList<>(node.size());
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            (isArrayIndex(field.getKey()) ? indices : others).add(field);
        }
        if (indices.isEmpty()) {
            return others;
        }
        indices.sort((a, b) -> Long.compare(Long.parseLong(a.getKey()), Long.parseLong(b.getKey())));
        indices.addAll(others);
        return indices;
    }

    private static boolean isArrayIndex(String key) {
        int n = key.length();
        if (n == 0 || n > 10 || (n > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(key) < 0xFFFF_FFFFL;
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Long.toString(node.longValue());
        }
        return numberToString(node.doubleValue());
    }

    /** JavaScript's {@code Number.prototype.toString()} (radix 10); non-finite values give {@code null} as in JSON. */
    public static String numberToString(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == 0) {
            return "0"; // also -0
        }
        // Since JDK 19 Double.toString yields the shortest digits that round-trip, as JS requires.
        BigDecimal exact = shortest(Math.abs(value));
        String digits = exact.unscaledValue().toString();
        int k = digits.length();
        int n = k - exact.scale(); // value = digits * 10^(n - k), the n of the ECMAScript algorithm
        String body = layout(digits, k, n);
        return value < 0 ? "-" + body : body;
    }

    /**
     * The shortest decimal that reads back as {@code positive}. Double.toString is shortest except
     * that it prefers a closer two-digit form when one digit would do (4.9E-324 where JS says
     * 5e-324), so one-digit candidates are tried on two-digit results.
     */
    private static BigDecimal shortest(double positive) {
        BigDecimal java = new BigDecimal(Double.toString(positive)).stripTrailingZeros();
        if (java.precision() != 2) {
            return java;
        }
        BigDecimal target = new BigDecimal(positive);
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal candidate = java.round(new MathContext(1, mode));
            boolean roundTrips = candidate.doubleValue() == positive;
            if (roundTrips && (best == null
                    || candidate.subtract(target).abs().compareTo(best.subtract(target).abs()) < 0)) {
                best = candidate;
            }
        }
        return best == null ? java : best.stripTrailingZeros();
    }

    private static String layout(String digits, int k, int n) {
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        String exponent = (n - 1 >= 0 ? "e+" : "e-") + Math.abs(n - 1);
        return k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Well-formed JSON.stringify (ES2019) escapes unpaired surrogates instead of emitting them. */
    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
