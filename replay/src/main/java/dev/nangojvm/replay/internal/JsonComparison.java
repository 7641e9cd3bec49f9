package dev.nangojvm.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nangojvm.replay.Difference;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two equalities of the generated tests, reporting the first difference (depth first, the
 * expected keys in file order, then unexpected keys).
 *
 * <ul>
 *   <li>{@link #strict}: {@code toStrictEqual} between two JSON values (the sync template
 *       JSON-normalises the spied records first, so plain JSON equality is exact).</li>
 *   <li>{@link #toEqual}: {@code toEqual} between the expected JSON and the script's value in the
 *       guest's tagged form, where a tag ({@code Date}, {@code undefined} in an array, {@code NaN},
 *       {@code -0}, a function, ...) never equals anything a JSON file holds.</li>
 * </ul>
 */
public final class JsonComparison {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final int MAX_RENDER = 160;

    private JsonComparison() { }

    public static Optional<Difference> strict(JsonNode expected, JsonNode actual) {
        return Optional.ofNullable(compare(expected, actual, "$"));
    }

    public static Optional<Difference> toEqual(JsonNode expected, JsonNode taggedActual) {
        return Optional.ofNullable(compare(expected, taggedActual, "$"));
    }

    private static Difference compare(JsonNode e, JsonNode a, String path) {
        if (isTag(a) || isTag(e)) return new Difference(path, render(e), render(a));
        if (e.isNumber() && a.isNumber()) {
            return e.doubleValue() == a.doubleValue() ? null : new Difference(path, render(e), render(a));
        }
        if (e.getNodeType() != a.getNodeType()) return new Difference(path, render(e), render(a));
        if (e.isArray()) {
            int n = Math.min(e.size(), a.size());
            for (int i = 0; i < n; i++) {
                Difference d = compare(e.get(i), a.get(i), path + "[" + i + "]");
                if (d != null) return d;
            }
            if (e.size() != a.size()) {
                return new Difference(path + ".length", e.size() + " items", a.size() + " items"
                        + (a.size() > e.size() ? " (first extra: " + render(a.get(n)) + ")" : ""));
            }
            return null;
        }
        if (e.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode av = a.get(f.getKey());
                String p = path + key(f.getKey());
                if (av == null) return new Difference(p, render(f.getValue()), "(absent)");
                Difference d = compare(f.getValue(), av, p);
                if (d != null) return d;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!e.has(f.getKey())) return new Difference(path + key(f.getKey()), "(absent)", render(f.getValue()));
            }
            return null;
        }
        return e.equals(a) ? null : new Difference(path, render(e), render(a));
    }

    /** Whether {@code a} equals {@code e} under the rules of {@link #toEqual}. */
    public static boolean equal(JsonNode e, JsonNode a) {
        return compare(e, a, "$") == null;
    }

    static boolean isTag(JsonNode n) {
        return n != null && n.isObject() && n.has(ScriptRequest.TAG);
    }

    private static String key(String k) {
        return IDENTIFIER.matcher(k).matches() ? "." + k : "[" + JsJson.quote(k) + "]";
    }

    /** A compact rendering for messages; tagged values read as JavaScript ({@code undefined}, {@code Date(...)}). */
    public static String render(JsonNode n) {
        String s;
        if (n == null || n.isMissingNode()) {
            s = "undefined";
        } else if (isTag(n)) {
            String kind = n.get(ScriptRequest.TAG).asText();
            JsonNode v = n.get("value");
            s = switch (kind) {
                case "undefined" -> "undefined";
                case "number" -> v.asText();
                case "bigint" -> v.asText() + "n";
                case "Date" -> "Date(" + v.asText() + ")";
                default -> kind + (v == null || v.isNull() ? "" : "(" + render(v) + ")");
            };
        } else {
            s = JsJson.stringify(n);
        }
        return s.length() > MAX_RENDER ? s.substring(0, MAX_RENDER - 1) + "…" : s;
    }
}
