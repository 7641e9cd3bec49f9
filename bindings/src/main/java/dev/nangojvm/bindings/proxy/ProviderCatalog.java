package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Nango's provider catalog ({@code providers.yaml} format): provider name to
 * {@code {auth_mode, proxy: {base_url, headers, query, retry, paginate, ...}, alias, ...}}.
 *
 * <p>{@code alias: other} entries are resolved like Nango does: a <em>shallow</em> top-level merge
 * of the target entry and the alias entry's own keys, in file order (an entry that redefines
 * {@code proxy} replaces the whole proxy block). With several files, later files override whole
 * entries of earlier ones (a user file over the catalog shipped in {@code @nangohq/providers});
 * aliases are resolved after that merge. Immutable and thread-safe.
 *
 * <pre>{@code
 * ProviderCatalog catalog = ProviderCatalog.load(Path.of("providers.yaml"), Path.of("my-providers.yaml"));
 * Provider github = catalog.require("github");
 * }</pre>
 */
public final class ProviderCatalog {

    private final Map<String, Provider> providers;

    private ProviderCatalog(Map<String, Provider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** Loads one or more YAML files; entries of later files replace same-named entries of earlier ones. */
    public static ProviderCatalog load(Path... files) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Path file : files) {
            merged.putAll(readYaml(file));
        }
        return of(merged);
    }

    /** A catalog from entries already in memory: values are maps (as parsed YAML) or Jackson objects. */
    public static ProviderCatalog of(Map<String, ?> entries) {
        Map<String, ObjectNode> raw = new LinkedHashMap<>();
        entries.forEach((name, value) -> {
            JsonNode node = Json.MAPPER.valueToTree(value);
            if (node != null && node.isObject()) {
                raw.put(name, (ObjectNode) node);
            }
        });
        resolveAliases(raw);
        Map<String, Provider> providers = new LinkedHashMap<>();
        raw.forEach((name, def) -> providers.put(name, new Provider(name, def)));
        return new ProviderCatalog(providers);
    }

    /** A catalog with no providers. */
    public static ProviderCatalog empty() {
        return new ProviderCatalog(Map.of());
    }

    /** The provider named {@code name}, if the catalog has it. */
    public Optional<Provider> find(String name) {
        return Optional.ofNullable(name == null ? null : providers.get(name));
    }

    /** The provider named {@code name}, or {@link NangoException} {@code unknown_provider}. */
    public Provider require(String name) {
        return find(name).orElseThrow(() -> new NangoException("unknown_provider",
                "Provider '" + name + "' is not in the provider catalog. Add it to providers.yaml or a catalog override file."));
    }

    /** Provider names, in file order. */
    public Set<String> names() {
        return providers.keySet();
    }

    // Same walk as Nango's loader: in order, each alias entry becomes {...target, ...ownKeys}, so an
    // alias of an alias sees its target already resolved only when the target came first.
    private static void resolveAliases(Map<String, ObjectNode> raw) {
        for (Map.Entry<String, ObjectNode> e : raw.entrySet()) {
            JsonNode alias = e.getValue().get("alias");
            if (alias == null || !alias.isTextual()) {
                continue;
            }
            ObjectNode resolved = Json.object();
            ObjectNode target = raw.get(alias.textValue());
            if (target != null) {
                resolved.setAll(target.deepCopy());
            }
            e.getValue().properties().forEach(p -> {
                if (!p.getKey().equals("alias")) {
                    resolved.set(p.getKey(), p.getValue());
                }
            });
            e.setValue(resolved);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path file) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())          // YAML 1.2 core, like js-yaml's default schema
                .setLabel(file.toString())
                .setCodePointLimit(64 * 1024 * 1024)  // the real catalog is several MB
                .build();
        Object doc;
        try {
            doc = new Load(settings).loadFromString(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read provider catalog " + file, e);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("Provider catalog " + file
                    + " must be a map of provider name to definition, but its top level is "
                    + (doc == null ? "empty" : doc.getClass().getSimpleName()) + ".");
        }
        return (Map<String, Object>) map;
    }
}
