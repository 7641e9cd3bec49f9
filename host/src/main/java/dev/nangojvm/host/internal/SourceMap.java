package dev.nangojvm.host.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decoded source map (v3). GraalJS has no source-map support of its own, so the host maps
 * bundle positions back to the {@code .ts} files itself: errors must point at what the author wrote.
 */
public final class SourceMap {
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** A position in an original source; line and column are 1-based. */
    public record Position(String source, int line, int column) {
        @Override
        public String toString() {
            return source + ":" + line + ":" + column;
        }
    }

    private record Segment(int generatedColumn, int source, int line, int column) { }

    private final List<String> sources;
    private final List<List<Segment>> lines;

    private SourceMap(List<String> sources, List<List<Segment>> lines) {
        this.sources = sources;
        this.lines = lines;
    }

    public static SourceMap parse(String json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            List<String> sources = new ArrayList<>();
            String sourceRoot = root.path("sourceRoot").asText("");
            root.path("sources").forEach(s -> sources.add(cleanPath(sourceRoot + s.asText())));
            return new SourceMap(sources, decode(root.path("mappings").asText("")));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a source map: " + e.getMessage(), e);
        }
    }

    /** The original position of a 1-based generated line and column, if mapped. */
    public Position find(int line, int column) {
        if (line < 1 || line > lines.size()) return null;
        Segment best = null;
        for (Segment s : lines.get(line - 1)) {
            if (s.generatedColumn() > column - 1) break;
            best = s;
        }
        if (best == null) {
            List<Segment> all = lines.get(line - 1);
            if (all.isEmpty()) return null;
            best = all.getFirst();
        }
        return new Position(sources.get(best.source()), best.line() + 1, best.column() + 1);
    }

    private static String cleanPath(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("../") || p.startsWith("./")) p = p.substring(p.indexOf('/') + 1);
        return p;
    }

    private static List<List<Segment>> decode(String mappings) {
        List<List<Segment>> out = new ArrayList<>();
        int source = 0, line = 0, column = 0;
        for (String lineText : mappings.split(";", -1)) {
            List<Segment> segments = new ArrayList<>();
            int generatedColumn = 0;
            for (String seg : lineText.split(",")) {
                if (seg.isEmpty()) continue;
                int[] v = vlq(seg);
                generatedColumn += v[0];
                if (v.length >= 4) {
                    source += v[1];
                    line += v[2];
                    column += v[3];
                    segments.add(new Segment(generatedColumn, source, line, column));
                }
            }
            segments.sort((a, b) -> Integer.compare(a.generatedColumn(), b.generatedColumn()));
            out.add(segments);
        }
        return out;
    }

    private static int[] vlq(String segment) {
        List<Integer> values = new ArrayList<>();
        int value = 0, shift = 0;
        for (int i = 0; i < segment.length(); i++) {
            int digit = BASE64.indexOf(segment.charAt(i));
            value += (digit & 31) << shift;
            if ((digit & 32) != 0) {
                shift += 5;
            } else {
                values.add((value & 1) == 1 ? -(value >>> 1) : value >>> 1);
                value = 0;
                shift = 0;
            }
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Rewrites every {@code bundleName:line:col} in a stack to its original position. */
    public static String mapStack(String stack, String bundleName, SourceMap map, int firstLineShift) {
        if (stack == null || map == null) return stack;
        Matcher m = Pattern.compile(Pattern.quote(bundleName) + ":(\\d+):(\\d+)").matcher(stack);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int line = Integer.parseInt(m.group(1));
            int col = Integer.parseInt(m.group(2)) - (line == 1 ? firstLineShift : 0);
            Position p = map.find(line, col);
            m.appendReplacement(sb, Matcher.quoteReplacement(p == null ? m.group() : p.toString()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
