package dev.nangojvm.toolchain.internal;

import static dev.nangojvm.toolchain.internal.ModelsParser.append;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stage-1 validation (§1.8): the checks Nango's JSON schemas (v1 and v2) make on the raw YAML, with the CLI's
 * messages, in AJV's order (per object: type, required, additionalProperties, properties in schema order,
 * then the custom "required" messages). Paths are the JSON instance path ({@code integrations > github > syncs
 * > issues > description}); AJV parameters go to {@link dev.nangojvm.toolchain.Diagnostic#detail()}.
 */
final class SchemaValidator {
    static final String DOC_URL = "https://nango.dev/docs/reference/integration-configuration";
    private static final Pattern SCRIPT_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    private static final Pattern VERSION = Pattern.compile("^(\\d+|\\d+\\.\\d+\\.\\d+)$");
    private static final Pattern SYNC_URL = Pattern.compile("^(GET\\s)?/[a-zA-Z0-9\\-./_]+$");
    private static final Pattern ACTION_URL =
            Pattern.compile("^((GET|POST|PUT|PATCH|DELETE)\\s)?/[a-zA-Z0-9\\-:{}./_]+$");
    private static final Pattern OBJECT_PATH = Pattern.compile("^/[a-zA-Z0-9\\-:{}./_]+$");
    private static final Pattern GROUP = Pattern.compile("^[a-zA-Z _-]{1,64}$");
    private static final Set<String> ACTION_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final List<String> ROOT_KEYS = List.of("integrations", "models");
    private static final List<String> INTEGRATION_KEYS = List.of("post-connection-scripts", "on-events", "syncs",
            "actions");
    private static final List<String> SYNC_KEYS = List.of("description", "sync_type", "track_deletes", "auto_start",
            "version", "runs", "endpoint", "scopes", "input", "output", "webhook-subscriptions");
    private static final List<String> ACTION_KEYS = List.of("description", "version", "endpoint", "scopes", "input",
            "output");
    private static final String VERSION_MESSAGE =
            "version must be an integer, string or a semver string. Example: \"10\", \"1.0.0\", or 10";

    private final Diagnostics out;

    private SchemaValidator(Diagnostics out) {
        this.out = out;
    }

    static void validate(Object root, Diagnostics diagnostics) {
        new SchemaValidator(diagnostics).root(root);
    }

    private void root(Object root) {
        if (!(root instanceof Map<?, ?> map) || !map.containsKey("integrations")) {
            out.error("missing_integrations", "Invalid file format, you should have at least an `integrations`"
                    + " property at the root level. Check our documentation " + DOC_URL, List.of(), List.of());
            return;
        }
        Map<String, Object> doc = ModelsParser.cast(map);
        if (NangoYamlParser.detectVersion(doc) == dev.nangojvm.toolchain.YamlVersion.V1) {
            v1(doc);
            return;
        }
        additional(doc, ROOT_KEYS, List.of());
        Object integrations = doc.get("integrations");
        if (isObject(integrations, List.of("integrations"))) {
            for (Map.Entry<String, Object> e : ModelsParser.cast((Map<?, ?>) integrations).entrySet()) {
                integration(e.getValue(), List.of("integrations", e.getKey()));
            }
        }
        if (doc.containsKey("models")) {
            isObject(doc.get("models"), List.of("models"));
        }
    }

    private void integration(Object value, List<String> path) {
        if (!isObject(value, path)) {
            return;
        }
        Map<String, Object> in = ModelsParser.cast((Map<?, ?>) value);
        additional(in, INTEGRATION_KEYS, path);
        if (in.containsKey("post-connection-scripts") && !isStringArray(in.get("post-connection-scripts"), null)) {
            custom("post-connection-scripts", "post-connection-scripts must be an array of strings.", path);
        }
        if (in.containsKey("on-events")) {
            onEvents(in.get("on-events"), append(path, "on-events"));
        }
        scripts(in, "syncs", path);
        scripts(in, "actions", path);
    }

    private void onEvents(Object value, List<String> path) {
        if (!isObject(value, path)) {
            return;
        }
        Map<String, Object> events = ModelsParser.cast((Map<?, ?>) value);
        additional(events, dev.nangojvm.toolchain.Integration.EVENTS, path);
        for (String event : dev.nangojvm.toolchain.Integration.EVENTS) {
            if (events.containsKey(event) && isStringArray(events.get(event), null)) {
                // an array of strings: AJV reports each name that breaks the pattern, at the item
                List<?> names = (List<?>) events.get(event);
                for (int i = 0; i < names.size(); i++) {
                    if (!SCRIPT_NAME.matcher((String) names.get(i)).matches()) {
                        List<String> at = append(path, event, Integer.toString(i));
                        out.error("invalid_script_name", "must match pattern \"" + SCRIPT_NAME.pattern() + "\"",
                                "pattern: " + SCRIPT_NAME.pattern(), at, yaml(at));
                    }
                }
            } else if (events.containsKey(event)) {
                // Nango's schema reuses the post-connection-creation text for pre-connection-deletion.
                String label = event.equals("validate-connection") ? event : "post-connection-creation";
                custom(event, label + " must be an array of strings.", path);
            }
        }
    }

    private void scripts(Map<String, Object> in, String kind, List<String> integrationPath) {
        if (!in.containsKey(kind)) {
            return;
        }
        List<String> path = append(integrationPath, kind);
        if (!isObject(in.get(kind), path)) {
            return;
        }
        for (Map.Entry<String, Object> e : ModelsParser.cast((Map<?, ?>) in.get(kind)).entrySet()) {
            if (SCRIPT_NAME.matcher(e.getKey()).matches()) {
                script(e.getValue(), append(path, e.getKey()), kind.equals("syncs"));
            }
        }
    }

    private void script(Object value, List<String> path, boolean sync) {
        if (!isObject(value, path)) {
            return;
        }
        Map<String, Object> s = ModelsParser.cast((Map<?, ?>) value);
        if (sync && !s.containsKey("runs")) {
            out.error("missing_runs", "must have required property 'runs'", "missingProperty: runs", path, yaml(path));
        }
        additional(s, sync ? SYNC_KEYS : ACTION_KEYS, path);
        for (String key : sync ? SYNC_KEYS : ACTION_KEYS) {
            if (s.containsKey(key)) {
                property(key, s.get(key), path, sync);
            }
        }
        if (!s.containsKey("endpoint")) {
            out.error("missing_endpoint", sync
                    ? "An endpoint property is required to specify how to retrieve the data from the sync."
                    : "An endpoint property is required to specify how to trigger the action.", path, yaml(path));
        }
        if (sync && !s.containsKey("output")) {
            out.error("missing_output", "An output property is required to specify what is the outcome of the sync.",
                    path, yaml(path));
        }
    }

    private void property(String key, Object v, List<String> path, boolean sync) {
        switch (key) {
            case "description" -> check(v instanceof String, key, "description must be a string.", path);
            case "sync_type" -> {
                if (!(v instanceof String)) {
                    out.error("invalid_type", "must be string", "type: string", append(path, key),
                            yaml(append(path, key)));
                }
                check("incremental".equals(v) || "full".equals(v), key,
                        "sync_type must be either 'incremental' or 'full'.", path);
            }
            case "track_deletes", "auto_start" -> check(v instanceof Boolean, key, key + " must be a boolean.", path);
            case "version" -> check(v instanceof Long || v instanceof String s && VERSION.matcher(s).matches(), key,
                    VERSION_MESSAGE, path);
            case "runs" -> check(v instanceof String, key, "runs must be a string and include the word \"every\".",
                    path);
            case "endpoint" -> {
                groupPatterns(v, append(path, key));
                check(sync ? syncEndpoint(v) : actionEndpoint(v), key, sync
                    ? "endpoint must be a URL (or an array of URLs) with an HTTP verb, i.e:\n- endpoint: GET /tickets\n"
                            + "- endpoint:\n    method: GET\n    path: /tickets"
                    : "endpoint must be a URL with an HTTP verb, i.e:\n- endpoint: POST /tickets\n- endpoint:\n"
                            + "    method: POST\n    path: /tickets", path);
            }
            case "scopes", "output", "webhook-subscriptions" -> check(v instanceof String || isStringArray(v, null),
                    key, key + " must be a string or an array of strings.", path);
            case "input" -> check(v == null || v instanceof String, key, sync
                    ? "input must be a string and should define any required metadata for the sync."
                    : "input must be a string and should define any required input for the action.", path);
            default -> throw new IllegalStateException("unknown key " + key);
        }
    }

    /**
     * AJV also reports a {@code group} that breaks its pattern inside the object form of an endpoint (the one
     * oneOf branch whose error is not hidden), before the endpoint's own message.
     */
    private void groupPatterns(Object v, List<String> path) {
        if (v instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                groupPatterns(list.get(i), append(path, Integer.toString(i)));
            }
        } else if (v instanceof Map<?, ?> m && m.get("group") instanceof String g && !GROUP.matcher(g).matches()) {
            List<String> at = append(path, "group");
            out.error("invalid_group", "must match pattern \"" + GROUP.pattern() + "\"", "pattern: " + GROUP.pattern(), at,
                    yaml(at));
        }
    }

    private static boolean syncEndpoint(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().allMatch(i -> endpoint(i, SYNC_URL, Set.of("GET")));
        }
        return endpoint(v, SYNC_URL, Set.of("GET"));
    }

    private static boolean actionEndpoint(Object v) {
        return endpoint(v, ACTION_URL, ACTION_METHODS);
    }

    private static boolean endpoint(Object v, Pattern url, Set<String> methods) {
        if (v instanceof String s) {
            return url.matcher(s).matches();
        }
        if (!(v instanceof Map<?, ?> m) || !m.containsKey("path")) {
            return false;
        }
        if (!Set.of("method", "path", "group").containsAll(m.keySet())) {
            return false;
        }
        boolean method = !m.containsKey("method") || methods.contains(m.get("method"));
        boolean path = m.get("path") instanceof String p && OBJECT_PATH.matcher(p).matches();
        boolean group = !m.containsKey("group") || m.get("group") instanceof String g && GROUP.matcher(g).matches();
        return method && path && group;
    }

    // ---------------------------------------------------------------- v1 (permissive schema)

    private void v1(Map<String, Object> doc) {
        Object integrations = doc.get("integrations");
        if (!isObject(integrations, List.of("integrations"))) {
            return;
        }
        for (Map.Entry<String, Object> e : ModelsParser.cast((Map<?, ?>) integrations).entrySet()) {
            List<String> path = List.of("integrations", e.getKey());
            if (!isObject(e.getValue(), path)) {
                continue;
            }
            for (Map.Entry<String, Object> s : ModelsParser.cast((Map<?, ?>) e.getValue()).entrySet()) {
                if (s.getValue() != null && !v1Script(s.getValue())) {
                    List<String> p = append(path, s.getKey());
                    if (!(s.getValue() instanceof Map)) {
                        // AJV lists the type error of each anyOf branch before the anyOf itself
                        out.error("invalid_type", "must be object", "type: object", p, yaml(p));
                        out.error("invalid_type", "must be null", "type: null", p, yaml(p));
                        out.error("invalid_type", "must be object", "type: object", p, yaml(p));
                    }
                    out.error("invalid_script", "must match a schema in anyOf", null, p, yaml(p));
                }
            }
        }
        if (doc.containsKey("models")) {
            isObject(doc.get("models"), List.of("models"));
        }
    }

    private static boolean v1Script(Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return false;
        }
        Object returns = m.get("returns");
        return (!m.containsKey("type") || m.get("type") instanceof String)
                && (!m.containsKey("returns") || returns instanceof String || isStringArray(returns, null))
                && (!m.containsKey("description") || m.get("description") instanceof String)
                && (m.get("runs") == null || m.get("runs") instanceof String)
                && (m.get("track_deletes") == null || m.get("track_deletes") instanceof Boolean)
                && (m.get("auto_start") == null || m.get("auto_start") instanceof Boolean);
    }

    // ---------------------------------------------------------------- helpers

    private boolean isObject(Object v, List<String> path) {
        if (v instanceof Map) {
            return true;
        }
        out.error("invalid_type", "must be object", "type: object", path, yaml(path));
        return false;
    }

    private void additional(Map<String, Object> object, List<String> allowed, List<String> path) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                out.error("additional_properties", "must NOT have additional properties", "additionalProperty: " + key,
                        path, yaml(append(path, key)));
            }
        }
    }

    private void check(boolean ok, String key, String message, List<String> path) {
        if (!ok) {
            custom(key, message, path);
        }
    }

    private void custom(String key, String message, List<String> parent) {
        List<String> path = append(parent, key);
        out.error("invalid_" + key.replace('-', '_'), message, null, path, yaml(path));
    }

    private static boolean isStringArray(Object v, Pattern items) {
        if (!(v instanceof List<?> list)) {
            return false;
        }
        return list.stream().allMatch(i -> i instanceof String s && (items == null || items.matcher(s).matches()));
    }

    /** Instance paths are YAML key paths already; kept as a method to make the intent visible. */
    private static List<String> yaml(List<String> path) {
        return new ArrayList<>(path);
    }
}
