package dev.nangojvm.toolchain.internal;

import dev.nangojvm.toolchain.Action;
import dev.nangojvm.toolchain.Diagnostic;
import dev.nangojvm.toolchain.Endpoint;
import dev.nangojvm.toolchain.Integration;
import dev.nangojvm.toolchain.LintRule;
import dev.nangojvm.toolchain.Model;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.Severity;
import dev.nangojvm.toolchain.Sync;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The seed's nango.yaml best practices, checked on the parsed project (positions come from the YAML text). Every
 * finding is a warning whose message says how to fix it. Nango's own errors (e.g. the exact duplicate endpoint) are
 * not repeated here.
 */
public final class YamlLint {
    private static final Pattern VERSION_SEGMENT = Pattern.compile("v\\d+(\\.\\d+)*|\\d+\\.\\d+(\\.\\d+)*",
            Pattern.CASE_INSENSITIVE);
    /** Suffixes of integration ids that name an environment or auth variant, not the provider. */
    private static final Pattern ID_VARIANT = Pattern.compile("-(sandbox|basic|staging|preview|oauth|oauth2|api-key|test)$");

    private final NangoProject project;
    private final YamlTree tree;
    private final List<Diagnostic> out = new ArrayList<>();

    private YamlLint(NangoProject project, YamlTree tree) {
        this.project = project;
        this.tree = tree;
    }

    public static List<Diagnostic> lint(NangoProject project) {
        YamlTree tree;
        try {
            tree = YamlReader.read(Files.readString(project.yamlFile(), StandardCharsets.UTF_8), "nango.yaml");
        } catch (IOException | RuntimeException e) {
            tree = new YamlTree(null, Map.of());
        }
        YamlLint lint = new YamlLint(project, tree);
        lint.run();
        return List.copyOf(lint.out);
    }

    private void run() {
        List<String> rawIds = rawIntegrationKeys();
        List<Integration> integrations = project.integrations();
        for (int i = 0; i < integrations.size(); i++) {
            Integration in = integrations.get(i);
            String raw = i < rawIds.size() ? rawIds.get(i) : in.id();
            lintIntegration(in, raw);
        }
        lintModels();
    }

    private void lintIntegration(Integration in, String rawId) {
        Map<String, String> normalisedEndpoints = new LinkedHashMap<>();
        for (Sync s : in.syncs()) {
            List<String> at = List.of("integrations", rawId, "syncs", s.name());
            List<String> path = List.of(in.id(), "syncs", s.name());
            if (!s.isIncremental() && !s.trackDeletes()) {
                warn(LintRule.FULL_SYNC_WITHOUT_TRACK_DELETES, "Sync \"" + s.name() + "\" is a full sync (sync_type: full,"
                        + " the default) without track_deletes: add `track_deletes: true` so records deleted upstream"
                        + " are deleted too.", path, append(at, "sync_type"));
            }
            if (s.input() != null && s.autoStart() && requiresMetadata(s.input())) {
                warn(LintRule.METADATA_SYNC_AUTO_START, "Sync \"" + s.name() + "\" needs connection metadata (input: "
                        + s.input() + ") but starts automatically: add `auto_start: false` and start it once the"
                        + " metadata is set.", path, append(at, "input"));
            }
            if (s.scopes().isEmpty()) {
                warn(LintRule.MISSING_SCOPES, "Sync \"" + s.name() + "\" documents no scopes: list the OAuth scopes it"
                        + " needs under `scopes:` (e.g. `scopes: [users.read]`).", path, at);
            }
            for (int e = 0; e < s.endpoints().size(); e++) {
                lintEndpoint(in, s.endpoints().get(e), path, s.endpoints().size() > 1
                        ? List.of(at.get(0), at.get(1), at.get(2), at.get(3), "endpoint", Integer.toString(e))
                        : append(at, "endpoint"), normalisedEndpoints);
            }
        }
        for (Action a : in.actions()) {
            List<String> at = List.of("integrations", rawId, "actions", a.name());
            List<String> path = List.of(in.id(), "actions", a.name());
            if (a.scopes().isEmpty()) {
                warn(LintRule.MISSING_SCOPES, "Action \"" + a.name() + "\" documents no scopes: list the OAuth scopes"
                        + " it needs under `scopes:` (e.g. `scopes: [users.write]`).", path, at);
            }
            if (a.endpoint() != null) {
                lintEndpoint(in, a.endpoint(), path, append(at, "endpoint"), normalisedEndpoints);
            }
        }
    }

    private void lintEndpoint(Integration in, Endpoint ep, List<String> path, List<String> at,
            Map<String, String> normalised) {
        String[] segments = ep.path().split("/");
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            if (VERSION_SEGMENT.matcher(segment).matches()) {
                warn(LintRule.ENDPOINT_PATH_VERSION, "Endpoint \"" + ep.key() + "\" has the API version segment \""
                        + segment + "\": keep endpoints short and version-free, e.g. \"" + ep.method() + " "
                        + without(ep.path(), segment) + "\".", path, at);
                break;
            }
        }
        for (String segment : segments) {
            if (!segment.isEmpty() && repeatsProvider(in.id(), segment)) {
                warn(LintRule.ENDPOINT_PATH_PROVIDER, "Endpoint \"" + ep.key() + "\" repeats the provider name \""
                        + segment + "\": the integration already says which API it is, e.g. \"" + ep.method() + " "
                        + without(ep.path(), segment) + "\".", path, at);
                break;
            }
        }
        String key = ep.method().toUpperCase(Locale.ROOT) + " " + normalisePath(ep.path());
        String previous = normalised.get(key);
        if (previous != null && !previous.equals(ep.key())) {
            warn(LintRule.DUPLICATE_ENDPOINT_PATH, "Endpoint \"" + ep.key() + "\" is the same path as \"" + previous
                    + "\" in integration " + in.id() + " (they differ only in case, a trailing slash or parameter"
                    + " names): give each script its own endpoint path.", path, at);
        } else if (previous == null) {
            normalised.put(key, ep.key());
        }
    }

    /** Does the sync need its metadata, i.e. does the input model have a field that is not optional? */
    private boolean requiresMetadata(String inputModel) {
        Model m = project.models().get(inputModel);
        return m == null || m.fields().stream().anyMatch(f -> !f.optional() && !f.dynamic());
    }

    private void lintModels() {
        Map<String, String> byFolded = new HashMap<>();
        for (Model m : project.models().values()) {
            if (m.anonymous()) {
                continue;
            }
            String folded = m.name().replace("_", "").toLowerCase(Locale.ROOT);
            String other = byFolded.putIfAbsent(folded, m.name());
            if (other != null) {
                warn(LintRule.DUPLICATE_MODEL_NAME, "Model \"" + m.name() + "\" duplicates model \"" + other
                        + "\" (the names differ only in case or underscores, and generate the same schema names):"
                        + " rename or merge one of them.", List.of(m.name()), List.of("models", m.name()));
            }
            if (m.raw() instanceof Map<?, ?> fields) {
                lintQuotedEnums(m.name(), fields, List.of("models", m.name()));
            }
        }
    }

    private void lintQuotedEnums(String model, Map<?, ?> fields, List<String> at) {
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            String key = String.valueOf(e.getKey());
            List<String> fieldAt = append(at, key);
            if (e.getValue() instanceof Map<?, ?> nested) {
                lintQuotedEnums(model, nested, fieldAt);
            } else if (e.getValue() instanceof String value && !key.startsWith("__")) {
                String[] members = value.split("\\|");
                List<String> quoted = new ArrayList<>();
                List<String> bare = new ArrayList<>();
                for (String member : members) {
                    String m = member.strip();
                    if (m.length() >= 2 && (m.startsWith("'") && m.endsWith("'") || m.startsWith("\"") && m.endsWith("\""))) {
                        quoted.add(m);
                        bare.add(m.substring(1, m.length() - 1));
                    } else {
                        bare.add(m);
                    }
                }
                if (!quoted.isEmpty()) {
                    warn(LintRule.QUOTED_ENUM_VALUE, "Field \"" + key.replaceFirst("\\?$", "") + "\" of model \"" + model
                            + "\" quotes its enum value(s) " + String.join(", ", quoted) + ": write them bare, e.g. `"
                            + key + ": " + String.join(" | ", bare) + "`.", List.of(model, key), fieldAt);
                }
            }
        }
    }

    /** Does a path segment name the provider of integration {@code id}? */
    static boolean repeatsProvider(String id, String segment) {
        String seg = fold(segment);
        if (seg.length() < 3 || segment.startsWith("{")) {
            return false;
        }
        String full = fold(id);
        String base = fold(ID_VARIANT.matcher(id.toLowerCase(Locale.ROOT)).replaceAll(""));
        for (String candidate : List.of(full, base)) {
            if (candidate.length() >= 3 && (seg.equals(candidate) || seg.equals(candidate + "s"))) {
                return true;
            }
        }
        int dash = id.indexOf('-');
        String first = dash > 0 ? fold(id.substring(0, dash)) : "";
        return first.length() >= 5 && seg.equals(first);
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String normalisePath(String path) {
        String p = path.toLowerCase(Locale.ROOT).replaceAll("\\{[^}]*}", "{}").replaceAll("/+$", "");
        return p.isEmpty() ? "/" : p;
    }

    private static String without(String path, String segment) {
        String p = ("/" + path + "/").replace("/" + segment + "/", "/").replaceAll("/+", "/");
        p = p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return p.isEmpty() ? "/" : p;
    }

    private List<String> rawIntegrationKeys() {
        if (tree.root() instanceof Map<?, ?> root && root.get("integrations") instanceof Map<?, ?> integrations) {
            List<String> keys = new ArrayList<>();
            integrations.keySet().forEach(k -> keys.add(String.valueOf(k)));
            return keys;
        }
        return List.of();
    }

    private void warn(LintRule rule, String message, List<String> path, List<String> at) {
        int[] pos = tree.positionOf(at);
        out.add(new Diagnostic(Severity.WARNING, rule.code(), message, path, "nango.yaml", pos[0], pos[1], null));
    }

    private static List<String> append(List<String> list, String item) {
        List<String> out = new ArrayList<>(list);
        out.add(item);
        return List.copyOf(out);
    }
}
