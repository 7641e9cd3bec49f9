package dev.nangojvm.toolchain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.toolchain.internal.CheckCache;
import dev.nangojvm.toolchain.internal.PathMapper;
import dev.nangojvm.toolchain.internal.TsRuntime;
import dev.nangojvm.toolchain.internal.YamlLint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Type-checks and lints the scripts of a {@link NangoProject} with the real TypeScript compiler (5.8.3, the one
 * Nango's CLI uses), run in GraalJS: the front door for {@code nango compile}'s type errors and for the seed's
 * best-practice warnings.
 *
 * <p>Type check: one program over every script with the compiler options of Nango's CLI (commonjs, esnext, node
 * resolution, strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, noUnused*, ...). Like
 * {@code nango compile}, each script's imported local files are checked first, depth first, and a script stops at
 * its first file with errors; the same error reached from several scripts is reported once. Before its imports and
 * its types, each file goes through Nango's yaml-era static checks ({@code nango-checks.js}: unawaited
 * {@code nango.*} calls, batch calls in actions, unknown model names, {@code retryOn} without {@code retries}, syncs
 * returning a value, the setMergingStrategy / deleteRecordsFromPreviousExecutions / trackDeletes ordering rules),
 * whose errors fail the script like type errors and whose deprecation warnings do not. {@code models.ts} is
 * the project's own when it exists, otherwise it is generated in memory ({@link ModelArtifacts#modelsTs}).
 * Packages (zod, {@code @types/*}) resolve from the project's {@code node_modules} when there is one, and zod
 * falls back to the bundled webjar.
 *
 * <p>The compiler is loaded once per JVM (a few seconds) and parsed library files stay cached, so later checks
 * are much faster. Thread-safe: calls are serialised on the compiler's thread. With
 * {@code -Dnangojvm.ts.timings=true} each check prints its program/type-check/lint times to stderr.
 */
public final class ProjectChecker {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectChecker() {}

    /** Nango's type errors only. */
    public static CheckResult typeCheck(NangoProject project) {
        return check(project, true, false);
    }

    /** The seed's best practices only: nango.yaml rules and script rules ({@link LintRule}). */
    public static CheckResult lint(NangoProject project) {
        return check(project, false, true);
    }

    /** Type check and/or lint in one pass over one program, without the incremental cache. */
    public static CheckResult check(NangoProject project, boolean typeCheck, boolean lint) {
        return check(project, typeCheck, lint, null);
    }

    /**
     * Type check and/or lint in one pass over one program. With a {@code cacheDir} (the CLI passes the project's
     * {@code .nango-jvm/build}), results are kept in {@code cacheDir/typecheck.json} and a script whose files (its
     * own, every file it imports, transitively, models.ts, files that change the global scope) are unchanged is
     * not checked again, like tsc's {@code --incremental}; when every script and the lint are cached, the
     * TypeScript compiler is not even started. The diagnostics are the same as without the cache.
     */
    public static CheckResult check(NangoProject project, boolean typeCheck, boolean lint, Path cacheDir) {
        Objects.requireNonNull(project, "project");
        long t0 = System.nanoTime();
        List<Diagnostic> lintOut = new ArrayList<>();
        if (lint) {
            lintOut.addAll(YamlLint.lint(project));
        }
        List<ScriptSource> entries = nangoOrder(project.scripts());
        List<Diagnostic> typeOut = new ArrayList<>();
        int cached = 0;
        if (!entries.isEmpty() && (typeCheck || lint)) {
            ObjectNode req = request(project, entries, typeCheck, lint);
            Map<String, String> virtualFiles = new HashMap<>();
            req.path("virtualFiles").fields().forEachRemaining(f -> virtualFiles.put(f.getKey(), f.getValue().asText()));
            CheckCache cache = cacheDir == null ? null : CheckCache.open(cacheDir, virtualFiles);
            ArrayNode typeErrors = JSON.createArrayNode();
            ArrayNode lintItems = null;
            List<Integer> toCheck = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                ArrayNode hit = cache == null || !typeCheck ? null : cache.typeErrors(entries.get(i).file().toString(), facts(req, i));
                if (hit == null) {
                    toCheck.add(i);
                } else {
                    cached++;
                    for (JsonNode e : hit) {
                        typeErrors.add(((ObjectNode) e.deepCopy()).put("entry", i));
                    }
                }
            }
            String lintKey = cache == null || !lint ? null : cache.lintKey(req.path("entries"));
            if (lint && cache != null) {
                lintItems = cache.lint(lintKey);
            }
            boolean needCheck = typeCheck && !toCheck.isEmpty();
            boolean needLint = lint && lintItems == null;
            if (needCheck || needLint) {
                req.put("typeCheck", needCheck);
                req.put("lint", needLint);
                if (cache != null) {
                    req.put("deps", true);
                    ArrayNode only = req.putArray("checkEntries");
                    toCheck.forEach(only::add);
                }
                TsRuntime.Answer tracked = TsRuntime.get().analyzeTracked(req.toString());
                JsonNode answer = read(tracked.json());
                if (Boolean.getBoolean("nangojvm.ts.timings")) {
                    System.err.println("[nango-jvm typescript] " + project.root() + " checked " + toCheck.size() + " of "
                            + entries.size() + " scripts " + answer.path("timings"));
                }
                List<ArrayNode> fresh = new ArrayList<>();
                entries.forEach(e -> fresh.add(JSON.createArrayNode()));
                for (JsonNode e : answer.path("typeErrors")) {
                    typeErrors.add(e);
                    ObjectNode stored = ((ObjectNode) e.deepCopy());
                    stored.remove("entry");
                    fresh.get(e.path("entry").asInt()).add(stored);
                }
                if (needLint) {
                    lintItems = (ArrayNode) answer.path("lint");
                }
                if (cache != null) {
                    JsonNode deps = answer.path("deps");
                    Set<Integer> checked = needCheck ? new HashSet<>(toCheck) : Set.of();
                    for (int i = 0; i < entries.size(); i++) {
                        String file = entries.get(i).file().toString();
                        if (checked.contains(i)) {
                            cache.putTypeErrors(file, facts(req, i), fresh.get(i), deps.path(i), tracked.reads());
                        } else {
                            cache.putDependencies(file, deps.path(i), tracked.reads());
                        }
                    }
                    if (needLint) {
                        cache.putLint(cache.lintKey(req.path("entries")), lintItems);
                    }
                    cache.save();
                }
            }
            PathMapper paths = new PathMapper(project.root());
            Set<String> seen = new LinkedHashSet<>();
            List<JsonNode> ordered = new ArrayList<>();
            typeErrors.forEach(ordered::add);
            // the order of a run without cache: by script, each script's errors in the order found
            ordered.sort(Comparator.comparingInt(e -> e.path("entry").asInt()));
            for (JsonNode e : ordered) {
                ScriptSource entry = entries.get(e.path("entry").asInt());
                String file = paths.display(Path.of(e.path("file").asText()));
                // Nango's static checks add warnings (deprecated methods) to the errors
                Severity severity = "warning".equals(e.path("severity").asText()) ? Severity.WARNING : Severity.ERROR;
                Diagnostic d = new Diagnostic(severity, e.path("code").asText(), e.path("message").asText(),
                        List.of(entry.integrationId(), entry.type().folder(), entry.name()), file,
                        e.path("line").asInt(), e.path("col").asInt(), null);
                if (seen.add(d.code() + "|" + file + "|" + d.line() + "|" + d.column() + "|" + d.message())) {
                    typeOut.add(d);
                }
            }
            for (JsonNode w : lintItems == null ? JSON.createArrayNode() : lintItems) {
                String file = paths.display(Path.of(w.path("file").asText()));
                lintOut.add(new Diagnostic(Severity.WARNING, w.path("code").asText(), w.path("message").asText(),
                        List.of(), file, w.path("line").asInt(), w.path("col").asInt(), null));
            }
        }
        return new CheckResult(typeOut, lintOut, Duration.ofNanos(System.nanoTime() - t0), cached);
    }

    /** How long loading the TypeScript compiler took in this JVM (starts it if needed). */
    public static Duration compilerStartup() {
        return Duration.ofMillis(TsRuntime.get().startupMillis());
    }

    /** The GraalJS engine the compiler runs on ("GraalVM CE" with the JIT, "Interpreted" without); starts it if needed. */
    public static String engineName() {
        return TsRuntime.get().engineName();
    }

    /** The order {@code nango compile} lists files in: per integration, syncs, actions, on-events, by file name. */
    private static List<ScriptSource> nangoOrder(List<ScriptSource> scripts) {
        List<String> integrations = scripts.stream().map(ScriptSource::integrationId).distinct().toList();
        List<ScriptSource> sorted = new ArrayList<>(scripts);
        sorted.sort(Comparator.<ScriptSource>comparingInt(s -> integrations.indexOf(s.integrationId()))
                .thenComparing(s -> s.type().ordinal()).thenComparing(s -> s.file().getFileName().toString()));
        return sorted;
    }

    private static ObjectNode request(NangoProject project, List<ScriptSource> entries, boolean typeCheck, boolean lint) {
        ObjectNode req = JSON.createObjectNode();
        String root = project.root().toString();
        req.put("root", root);
        req.put("typeCheck", typeCheck);
        req.put("lint", lint);
        ObjectNode virtual = req.putObject("virtualFiles");
        Path models = project.root().resolve("models.ts");
        if (!Files.exists(models)) {
            virtual.put(models.toString(), ModelArtifacts.modelsTs(project));
        }
        // the "possible model names" of Nango's static checks: every model of nango.yaml, in its parse order
        ArrayNode modelNames = req.putArray("modelNames");
        project.models().keySet().forEach(modelNames::add);
        ArrayNode list = req.putArray("entries");
        for (ScriptSource s : entries) {
            ObjectNode e = list.addObject();
            e.put("file", s.file().toString());
            e.put("kind", s.type().id());
            e.put("name", s.name());
            e.put("integration", s.integrationId());
            if (s.type() == ScriptType.ACTION) {
                project.integration(s.integrationId()).flatMap(i -> i.action(s.name())).ifPresent(a -> {
                    putFields(e, "inputFields", project, a.input() == null ? List.of() : List.of(a.input()));
                    putFields(e, "outputFields", project, a.output());
                });
            }
        }
        return req;
    }

    private static JsonNode read(String answer) {
        try {
            return JSON.readTree(answer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable answer from the TypeScript analyzer", e);
        }
    }

    /** Field names of the named models (null in JSON when a model is unknown or anonymous: the checker decides). */
    /** What Nango's static checks of entry {@code i} read besides files: its entry (kind, models) and every model name. */
    private static String facts(ObjectNode req, int i) {
        return req.path("entries").path(i).toString() + "\n" + req.path("modelNames").toString();
    }

    private static void putFields(ObjectNode e, String key, NangoProject project, List<String> modelNames) {
        if (modelNames.isEmpty()) {
            return;
        }
        ArrayNode names = JSON.createArrayNode();
        for (String name : modelNames) {
            Model m = project.models().get(name);
            if (m == null || m.anonymous()) {
                return;
            }
            m.fields().forEach(f -> names.add(f.name()));
        }
        e.set(key, names);
    }
}
