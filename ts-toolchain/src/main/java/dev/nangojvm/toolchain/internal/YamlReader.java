package dev.nangojvm.toolchain.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Loads YAML with the scalar rules of js-yaml 4's default schema, which is what Nango uses (§1.1): YAML 1.2 core
 * booleans ({@code yes}/{@code on} stay strings), {@code ~}/{@code null} nulls, decimal/hex/octal/binary integers
 * with {@code _} separators, floats (an integral float such as {@code 1.0} becomes a {@code Long}, like a JS number
 * prints), timestamps, and merge keys ({@code <<}).
 *
 * <p>snakeyaml-engine only composes the node graph; scalar resolution is done here so the rules are explicit.
 */
public final class YamlReader {

    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(?:[0-9][0-9_]*)(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
                    + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
            + "(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?");
    private static final String MERGE_KEY = "<<";

    private final Map<List<String>, int[]> positions = new HashMap<>();
    private final IdentityHashMap<Node, Object> converted = new IdentityHashMap<>();

    private YamlReader() {}

    /**
     * Parses {@code text}. Throws {@link YamlException} on syntax errors and duplicate keys (js-yaml rejects both).
     */
    public static YamlTree read(String text, String label) {
        LoadSettings settings = LoadSettings.builder().setLabel(label).setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(1000).build();
        Optional<Node> node;
        try {
            node = new Compose(settings).composeString(text);
        } catch (RuntimeException e) {
            throw new YamlException(e.getMessage(), e);
        }
        YamlReader reader = new YamlReader();
        Object root = node.map(n -> reader.convert(n, List.of())).orElse(null);
        return new YamlTree(root, Map.copyOf(reader.positions));
    }

    private Object convert(Node node, List<String> path) {
        node.getStartMark().ifPresent(m -> positions.putIfAbsent(path, position(m)));
        return switch (node) {
            case ScalarNode scalar -> resolveScalar(scalar);
            case SequenceNode seq -> convertSequence(seq, path);
            case MappingNode map -> convertMapping(map, path);
            default -> throw new YamlException("unsupported YAML node " + node.getNodeType(), null);
        };
    }

    private List<Object> convertSequence(SequenceNode seq, List<String> path) {
        Object done = converted.get(seq);
        if (done != null) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) done;
            return list;
        }
        List<Object> list = new ArrayList<>();
        converted.put(seq, list);
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            list.add(convert(items.get(i), append(path, Integer.toString(i))));
        }
        return list;
    }

    private Map<String, Object> convertMapping(MappingNode mapping, List<String> path) {
        Object done = converted.get(mapping);
        if (done != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) done;
            return map;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        converted.put(mapping, map);
        List<Map<String, Object>> merges = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Object keyValue = keyNode instanceof ScalarNode s ? resolveScalar(s) : convert(keyNode, path);
            String key = keyToString(keyValue);
            if (MERGE_KEY.equals(key) && keyNode instanceof ScalarNode s && s.isPlain()) {
                collectMerges(tuple.getValueNode(), path, merges);
                continue;
            }
            if (map.containsKey(key)) {
                String at = keyNode.getStartMark().map(m -> " at line " + (m.getLine() + 1)).orElse("");
                throw new YamlException("duplicated mapping key \"" + key + "\"" + at, null);
            }
            List<String> childPath = append(path, key);
            keyNode.getStartMark().ifPresent(m -> positions.put(childPath, position(m)));
            map.put(key, convert(tuple.getValueNode(), childPath));
        }
        for (Map<String, Object> merge : merges) {
            merge.forEach(map::putIfAbsent);
        }
        return map;
    }

    private void collectMerges(Node value, List<String> path, List<Map<String, Object>> out) {
        if (value instanceof MappingNode m) {
            out.add(convertMapping(m, path));
        } else if (value instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode m)) {
                    throw new YamlException("cannot merge mappings; the provided source object is unacceptable", null);
                }
                out.add(convertMapping(m, path));
            }
        } else {
            throw new YamlException("cannot merge mappings; the provided source object is unacceptable", null);
        }
    }

    private static String keyToString(Object key) {
        if (key == null) {
            return "null";
        }
        return key instanceof Map || key instanceof List ? "[object Object]" : JsValues.toJsString(key);
    }

    /** Resolves a scalar like js-yaml's default schema does. Quoted and block scalars are always strings. */
    static Object resolveScalar(ScalarNode scalar) {
        String v = scalar.getValue();
        if (!scalar.isPlain()) {
            return v;
        }
        String tag = scalar.getTag().getValue();
        if (!tag.startsWith("tag:yaml.org,2002:")) {
            return v;
        }
        return resolvePlain(v);
    }

    static Object resolvePlain(String v) {
        if (NULL.matcher(v).matches()) {
            return null;
        }
        if (BOOL.matcher(v).matches()) {
            return Boolean.valueOf(v.toLowerCase(java.util.Locale.ROOT));
        }
        Object integer = parseInteger(v);
        if (integer != null) {
            return integer;
        }
        if (FLOAT.matcher(v).matches() && !v.endsWith("_")) {
            return parseFloat(v);
        }
        if (TIMESTAMP.matcher(v).matches()) {
            return new YamlTimestamp(v);
        }
        return v;
    }

    private static Object parseInteger(String v) {
        if (v.isEmpty()) {
            return null;
        }
        int i = 0;
        boolean negative = false;
        if (v.charAt(0) == '-' || v.charAt(0) == '+') {
            negative = v.charAt(0) == '-';
            i = 1;
        }
        String body = v.substring(i);
        int radix = 10;
        if (body.length() > 2 && body.charAt(0) == '0') {
            char p = body.charAt(1);
            if (p == 'b') {
                radix = 2;
            } else if (p == 'x') {
                radix = 16;
            } else if (p == 'o') {
                radix = 8;
            }
            if (radix != 10) {
                body = body.substring(2);
            }
        }
        if (body.isEmpty() || body.charAt(0) == '_' || body.endsWith("_")) {
            return null;
        }
        String digits = body.replace("_", "");
        if (digits.isEmpty()) {
            return null;
        }
        for (char c : digits.toCharArray()) {
            if (Character.digit(c, radix) < 0) {
                return null;
            }
        }
        java.math.BigInteger n = new java.math.BigInteger(digits, radix);
        if (negative) {
            n = n.negate();
        }
        return JsValues.number(n.bitLength() < 63 ? n.longValue() : n.doubleValue());
    }

    private static Object parseFloat(String v) {
        String s = v.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        double d;
        if (s.endsWith(".inf")) {
            d = s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else if (s.equals(".nan")) {
            d = Double.NaN;
        } else {
            d = Double.parseDouble(s);
        }
        return JsValues.number(d);
    }

    private static int[] position(Mark m) {
        return new int[] {m.getLine() + 1, m.getColumn() + 1};
    }

    private static List<String> append(List<String> path, String key) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(key);
        return List.copyOf(out);
    }

    /** A YAML syntax error, or a document js-yaml would refuse (duplicate keys, bad merge). */
    public static final class YamlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        YamlException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
