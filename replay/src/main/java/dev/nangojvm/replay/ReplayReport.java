package dev.nangojvm.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every script's verdict, in project order, and the counts.
 *
 * @param scripts  the verdicts
 * @param warnings problems of the run itself (no provider catalog, unreadable tests, ...), one line each
 */
public record ReplayReport(List<ScriptResult> scripts, List<String> warnings) {
    public ReplayReport {
        scripts = List.copyOf(scripts);
        warnings = List.copyOf(warnings);
    }

    public Map<Status, Integer> summary() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) counts.put(s, 0);
        scripts.forEach(s -> counts.merge(s.status(), 1, Integer::sum));
        return counts;
    }

    public int count(Status status) {
        return summary().get(status);
    }

    /** True when no script failed or errored (skipped scripts do not count). */
    public boolean passed() {
        return count(Status.FAIL) == 0 && count(Status.ERROR) == 0;
    }

    /** {@code {"summary":{"pass","fail","error","skipped"},"scripts":[{"integration","script","type","status","detail"}]}}. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode summary = root.putObject("summary");
        for (Status s : List.of(Status.PASS, Status.FAIL, Status.ERROR, Status.SKIPPED)) summary.put(s.label(), count(s));
        ArrayNode list = root.putArray("scripts");
        for (ScriptResult s : scripts) {
            list.addObject().put("integration", s.integration()).put("script", s.script()).put("type", s.type().label())
                    .put("status", s.status().label()).put("detail", s.detail());
        }
        return root;
    }

    public void writeJson(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson()) + "\n");
    }

    /** A table, one script per line ({@code skipped} ones only when {@code withSkipped}), then the counts. */
    public void print(PrintStream out, boolean withSkipped) {
        List<ScriptResult> shown = scripts.stream().filter(s -> withSkipped || s.status() != Status.SKIPPED).toList();
        int wi = Math.max(11, shown.stream().mapToInt(s -> s.integration().length()).max().orElse(0));
        int ws = Math.max(6, shown.stream().mapToInt(s -> s.script().length()).max().orElse(0));
        String format = "%-" + wi + "s  %-" + ws + "s  %-6s  %-7s  %s";
        out.println(String.format(format, "integration", "script", "type", "status", "detail").stripTrailing());
        for (ScriptResult s : shown) {
            out.println(String.format(format, s.integration(), s.script(), s.type().label(), s.status().label(), s.detail()).stripTrailing());
        }
        warnings.forEach(w -> out.println("warning: " + w));
        out.println(summaryLine());
    }

    public String summaryLine() {
        int judged = count(Status.PASS) + count(Status.FAIL) + count(Status.ERROR);
        return judged + " script(s) replayed: " + count(Status.PASS) + " pass, " + count(Status.FAIL) + " fail, "
                + count(Status.ERROR) + " error; " + count(Status.SKIPPED) + " skipped (no generated test)";
    }
}
