package dev.nangojvm.toolchain.internal;

import static dev.nangojvm.toolchain.internal.ModelsParser.append;

import dev.nangojvm.toolchain.Action;
import dev.nangojvm.toolchain.Endpoint;
import dev.nangojvm.toolchain.Integration;
import dev.nangojvm.toolchain.Model;
import dev.nangojvm.toolchain.ModelField;
import dev.nangojvm.toolchain.Sync;
import dev.nangojvm.toolchain.YamlVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a loaded nango.yaml into integrations and models, with Nango's stage-2 errors and warnings (§1.2–§1.9):
 * model errors stop before integrations are read; a sync with an invalid {@code runs} or an endpoint count
 * mismatch is skipped.
 */
public final class NangoYamlParser {
    /** The integration key that integration-templates replaces with the folder name. */
    public static final String PWD_KEY = "${PWD}";
    private static final Pattern FIRST_BRACES = Pattern.compile("\\{([^}]*)}");

    /** The parse result; {@code integrations} is empty when model errors stopped the parse. */
    public record Parsed(YamlVersion version, List<Integration> integrations, Map<String, Model> models) {}

    private final Map<String, Object> root;
    private final String pwdName;
    private final Diagnostics diagnostics;
    private ModelsParser models;

    private NangoYamlParser(Map<String, Object> root, String pwdName, Diagnostics diagnostics) {
        this.root = root;
        this.pwdName = pwdName;
        this.diagnostics = diagnostics;
    }

    /**
     * Parses {@code root} (the YAML document). {@code pwdName} replaces an integration key {@code ${PWD}}.
     */
    public static Parsed parse(Object root, String pwdName, Diagnostics diagnostics) {
        Map<String, Object> map = root instanceof Map<?, ?> m ? ModelsParser.cast(m) : Map.of();
        return new NangoYamlParser(map, pwdName, diagnostics).run();
    }

    /** v2 iff the first integration has a {@code syncs}, {@code actions} or {@code on-events} key. */
    public static YamlVersion detectVersion(Object root) {
        if (!(root instanceof Map<?, ?> m) || !(m.get("integrations") instanceof Map<?, ?> ints) || ints.isEmpty()) {
            return YamlVersion.V1;
        }
        Object first = ints.values().iterator().next();
        if (first instanceof Map<?, ?> f
                && (f.containsKey("syncs") || f.containsKey("actions") || f.containsKey("on-events"))) {
            return YamlVersion.V2;
        }
        return YamlVersion.V1;
    }

    private Parsed run() {
        YamlVersion version = detectVersion(root);
        Map<String, Object> rawModels = mapOrEmpty(root.get("models"));
        models = new ModelsParser(rawModels, diagnostics).parseAll();
        if (diagnostics.hasErrors()) {
            return new Parsed(version, List.of(), models.models());
        }
        List<Integration> integrations = new ArrayList<>();
        for (Map.Entry<String, Object> e : mapOrEmpty(root.get("integrations")).entrySet()) {
            String id = PWD_KEY.equals(e.getKey()) ? pwdName : e.getKey();
            Map<String, Object> body = mapOrEmpty(e.getValue());
            List<String> yamlPath = List.of("integrations", e.getKey());
            integrations.add(version == YamlVersion.V2 ? parseV2(id, body, yamlPath) : parseV1(id, body, yamlPath));
        }
        List<Integration> validated = new ArrayList<>();
        for (int i = 0; i < integrations.size(); i++) {
            validated.add(postValidate(integrations.get(i), yamlKeyOf(i)));
        }
        return new Parsed(version, validated, models.models());
    }

    private String yamlKeyOf(int index) {
        return new ArrayList<>(mapOrEmpty(root.get("integrations")).keySet()).get(index);
    }

    // ---------------------------------------------------------------- v2

    private Integration parseV2(String id, Map<String, Object> body, List<String> yamlPath) {
        List<Sync> syncs = new ArrayList<>();
        for (Map.Entry<String, Object> e : mapOrEmpty(body.get("syncs")).entrySet()) {
            Sync s = parseSync(id, e.getKey(), mapOrEmpty(e.getValue()), append(yamlPath, "syncs", e.getKey()));
            if (s != null) {
                syncs.add(s);
            }
        }
        List<Action> actions = new ArrayList<>();
        for (Map.Entry<String, Object> e : mapOrEmpty(body.get("actions")).entrySet()) {
            actions.add(parseAction(id, e.getKey(), mapOrEmpty(e.getValue()), append(yamlPath, "actions", e.getKey())));
        }
        Map<String, Object> onEvents = mapOrEmpty(body.get("on-events"));
        List<String> postConnection = strings(body.get("post-connection-scripts"));
        if (!postConnection.isEmpty() && !onEvents.isEmpty()) {
            diagnostics.error("both_post_connection_scripts_and_on_events_present",
                    "Both post-connection-scripts and on-events are present. Only one of them can be used at a time.",
                    List.of(id, "on-events"), append(yamlPath, "on-events"));
        }
        Map<String, List<String>> events = new LinkedHashMap<>();
        for (String event : Integration.EVENTS) {
            events.put(event, strings(onEvents.get(event)));
        }
        if (!postConnection.isEmpty() && events.get("post-connection-creation").isEmpty()) {
            events.put("post-connection-creation", postConnection);
        }
        return new Integration(id, syncs, actions, events, postConnection);
    }

    private Sync parseSync(String id, String name, Map<String, Object> s, List<String> yamlPath) {
        List<String> path = List.of(id, "syncs", name);
        Object runsRaw = s.get("runs");
        String runs = runsRaw == null ? "" : JsValues.toJsString(runsRaw);
        if (runsRaw instanceof String) {
            String problem = Intervals.check(runs);
            if (problem != null) {
                diagnostics.error("invalid_runs", problem, path, append(yamlPath, "runs"));
                return null;
            }
        }
        List<String> outputsRaw = strings(s.get("output"));
        List<Endpoint> endpoints = endpoints(s.get("endpoint"), "GET");
        if (s.get("endpoint") != null && endpoints.size() != outputsRaw.size()) {
            diagnostics.error("endpoints_mismatch", "The number of endpoints doesn't match the number of models returned"
                    + " by \"" + name + "\". The endpoints to model should match 1 to 1.", path,
                    append(yamlPath, "endpoint"));
            return null;
        }
        List<String> outputs = new ArrayList<>();
        for (String out : outputsRaw) {
            outputs.add(modelOrAnonymous(id, "sync", name, "output", out, path, append(yamlPath, "output")));
        }
        String input = s.get("input") == null ? null
                : modelOrAnonymous(id, "sync", name, "input", s.get("input"), path, append(yamlPath, "input"));
        String syncType = "incremental".equals(text(s.get("sync_type")).toLowerCase(Locale.ROOT)) ? "incremental"
                : "full";
        return new Sync(name, text(s.get("description")).trim(), syncType, runs, version(s.get("version")),
                Boolean.TRUE.equals(s.get("track_deletes")), !Boolean.FALSE.equals(s.get("auto_start")), input,
                outputs, scopes(s.get("scopes")), endpoints, strings(s.get("webhook-subscriptions")), List.of());
    }

    private Action parseAction(String id, String name, Map<String, Object> a, List<String> yamlPath) {
        List<String> path = List.of(id, "actions", name);
        List<String> outputs = new ArrayList<>();
        for (String out : strings(a.get("output"))) {
            outputs.add(modelOrAnonymous(id, "action", name, "output", out, path, append(yamlPath, "output")));
        }
        String input = a.get("input") == null ? null
                : modelOrAnonymous(id, "action", name, "input", a.get("input"), path, append(yamlPath, "input"));
        List<Endpoint> eps = endpoints(a.get("endpoint"), "POST");
        return new Action(name, text(a.get("description")).trim(), version(a.get("version")), scopes(a.get("scopes")),
                input, outputs, eps.isEmpty() ? null : eps.getFirst(), List.of());
    }

    // ---------------------------------------------------------------- v1

    private Integration parseV1(String id, Map<String, Object> body, List<String> yamlPath) {
        List<Sync> syncs = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String name = e.getKey();
            Map<String, Object> s = mapOrEmpty(e.getValue());
            List<String> scriptYaml = append(yamlPath, name);
            List<String> outputs = new ArrayList<>();
            String kind = "action".equals(s.get("type")) ? "actions" : "syncs";
            for (String out : strings(s.get("returns"))) {
                // v1 names anonymous models "_sync_" even for actions (kept for parity).
                outputs.add(modelOrAnonymous(id, "sync", name, "output", out, List.of(id, kind, name),
                        append(scriptYaml, "returns")));
            }
            if (kind.equals("actions")) {
                actions.add(new Action(name, text(s.get("description")).trim(), version(s.get("version")), List.of(),
                        null, outputs, null, List.of()));
            } else if (s.get("returns") != null) {
                syncs.add(new Sync(name, text(s.get("description")), "incremental", text(s.get("runs")),
                        version(s.get("version")), Boolean.TRUE.equals(s.get("track_deletes")),
                        !Boolean.FALSE.equals(s.get("auto_start")), null, outputs, List.of(), List.of(), List.of(),
                        List.of()));
            }
        }
        Map<String, List<String>> events = new LinkedHashMap<>();
        Integration.EVENTS.forEach(ev -> events.put(ev, List.of()));
        return new Integration(id, syncs, actions, events, List.of());
    }

    // ---------------------------------------------------------------- post-validation

    private Integration postValidate(Integration in, String yamlKey) {
        List<String> yamlBase = List.of("integrations", yamlKey);
        Set<String> seenModels = new HashSet<>();
        Set<String> seenEndpoints = new HashSet<>();
        List<Sync> syncs = new ArrayList<>();
        for (Sync s : in.syncs()) {
            List<String> path = List.of(in.id(), "syncs", s.name());
            List<String> yaml = append(yamlBase, "syncs", s.name());
            for (String out : s.output()) {
                if (!seenModels.add(out)) {
                    duplicateModel(out, path, yaml);
                }
                Model m = models.models().get(out);
                if (m != null && m.field("id").isEmpty()) {
                    diagnostics.error("model_missing_id", "Model \"" + out + "\" doesn't have an id field. This is"
                            + " required to be able to uniquely identify the data record", append(path, "[output]"),
                            append(yaml, "output"));
                }
                literalWarning(out, append(path, "[output]"), append(yaml, "output"));
            }
            if (s.input() != null) {
                seenModels.add(s.input());
                literalWarning(s.input(), append(path, "[input]"), append(yaml, "input"));
            }
            for (Endpoint ep : s.endpoints()) {
                checkEndpoint(ep, seenEndpoints, append(path, "[endpoints]"), path, append(yaml, "endpoint"), false);
            }
            syncs.add(s.withUsedModels(usedModels(s.output(), s.input())));
        }
        List<Action> actions = new ArrayList<>();
        for (Action a : in.actions()) {
            List<String> path = List.of(in.id(), "actions", a.name());
            List<String> yaml = append(yamlBase, "actions", a.name());
            Set<String> own = new HashSet<>();
            for (String out : a.output()) {
                if (!own.add(out)) {
                    duplicateModel(out, path, yaml);
                }
                literalWarning(out, append(path, "[output]"), append(yaml, "output"));
            }
            if (a.input() != null) {
                literalWarning(a.input(), append(path, "[input]"), append(yaml, "input"));
            }
            if (a.endpoint() != null) {
                // Nango reports the missing-model path of an action under "syncs" (kept for parity).
                checkEndpoint(a.endpoint(), seenEndpoints, append(path, "[endpoint]"),
                        List.of(in.id(), "syncs", a.name()), append(yaml, "endpoint"), true);
            }
            actions.add(a.withUsedModels(usedModels(a.output(), a.input())));
        }
        return new Integration(in.id(), syncs, actions, in.onEventScripts(), in.postConnectionScripts());
    }

    private void duplicateModel(String model, List<String> path, List<String> yaml) {
        diagnostics.error("duplicate_model", "Model \"" + model + "\" is used multiple times. Please make sure all"
                + " models are unique within an integration.", append(path, "[output]"), append(yaml, "output"));
    }

    /** JavaScript's String() of a parsed field value, as Nango's message prints it ({@code Lead} for {@code Lead[]}). */
    private static String literalText(Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", java.util.Collections.nCopies(list.size(), "[object Object]"));
        }
        return JsValues.toJsString(value);
    }

    private void literalWarning(String modelName, List<String> path, List<String> yaml) {
        Model m = models.models().get(modelName);
        if (m == null || !m.anonymous() || m.fields().isEmpty() || m.fields().getFirst().union()) {
            return;
        }
        diagnostics.warning("model_is_literal", "A literal type \"" + literalText(m.fields().getFirst().value()) + "\" was parsed,"
                + " which might be an error. It is recommended to use a Model for input and output.", path, yaml);
    }

    private void checkEndpoint(Endpoint ep, Set<String> seen, List<String> path, List<String> modelPath,
            List<String> yaml, boolean action) {
        if (!seen.add(ep.key())) {
            diagnostics.error("duplicate_endpoint", "Endpoint \"" + ep.key() + "\" is used multiple times. Please make"
                    + " sure all endpoints are unique.", path, yaml);
        }
        Matcher m = FIRST_BRACES.matcher(ep.path());
        if (m.find()) {
            String ref = m.group(1);
            if (action) {
                ref = ref.split(":", -1)[0];
            }
            if (!models.models().containsKey(ref)) {
                diagnostics.error("model_not_found", "Model \"" + ref + "\" does not exists",
                        append(modelPath, action ? "[endpoint]" : "[endpoints]"), yaml);
            }
        }
    }

    /** Outputs, then the input, each followed by the models reachable from it (depth first, no repeats). */
    private List<String> usedModels(List<String> outputs, String input) {
        LinkedHashSet<String> used = new LinkedHashSet<>();
        List<String> roots = new ArrayList<>(outputs);
        if (input != null) {
            roots.add(input);
        }
        for (String r : roots) {
            collect(r, used);
        }
        return List.copyOf(used);
    }

    private void collect(String name, Set<String> used) {
        if (!used.add(name)) {
            return;
        }
        Model m = models.models().get(name);
        if (m != null) {
            m.fields().forEach(f -> collectField(f, used));
        }
    }

    private void collectField(ModelField f, Set<String> used) {
        if (f.model() && f.value() instanceof String ref) {
            collect(ref, used);
        }
        f.children().forEach(c -> collectField(c, used));
    }

    // ---------------------------------------------------------------- helpers

    private String modelOrAnonymous(String id, String kind, String script, String role, Object type,
            List<String> path, List<String> yaml) {
        String text = JsValues.toJsString(type);
        if (type instanceof String s && models.isModel(s)) {
            return s;
        }
        String name = "Anonymous_" + id.replaceAll("[^A-Za-z0-9_]", "") + "_" + kind + "_"
                + script.replaceAll("[^A-Za-z0-9_]", "") + "_" + role;
        models.anonymous(name, script, role, type instanceof String ? text : type, append(path, "[" + role + "]"), yaml);
        return name;
    }

    /** Parses an endpoint value: a string, an object, or a list of either. */
    static List<Endpoint> endpoints(Object raw, String defaultMethod) {
        List<Endpoint> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
            list.forEach(item -> endpoint(item, defaultMethod, out));
        } else if (raw != null) {
            endpoint(raw, defaultMethod, out);
        }
        return out;
    }

    private static void endpoint(Object raw, String defaultMethod, List<Endpoint> out) {
        if (raw instanceof Map<?, ?> m) {
            Object method = m.get("method");
            String methodText = method == null || "".equals(method) ? defaultMethod : JsValues.toJsString(method);
            Object group = m.get("group");
            out.add(new Endpoint(methodText, text(m.get("path")), group == null ? null : JsValues.toJsString(group)));
        } else if (raw != null) {
            String[] parts = JsValues.toJsString(raw).split(" ", -1);
            out.add(parts.length >= 2 ? new Endpoint(parts[0], parts[1], null)
                    : new Endpoint(defaultMethod, parts[0], null));
        }
    }

    private static List<String> scopes(Object raw) {
        if (raw instanceof String s) {
            return List.of(s.split(",", -1));
        }
        return strings(raw);
    }

    /** A string becomes a one-element list, a list its elements as strings, anything else nothing. */
    static List<String> strings(Object raw) {
        if (raw instanceof List<?> list) {
            return list.stream().map(JsValues::toJsString).toList();
        }
        return raw instanceof String s ? List.of(s) : List.of();
    }

    private static String version(Object raw) {
        return raw == null ? "" : JsValues.toJsString(raw);
    }

    private static String text(Object raw) {
        return raw == null ? "" : JsValues.toJsString(raw);
    }

    static Map<String, Object> mapOrEmpty(Object raw) {
        return raw instanceof Map<?, ?> m ? ModelsParser.cast(m) : Map.of();
    }
}
