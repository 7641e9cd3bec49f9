package dev.nangojvm.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Nango's provider catalog ({@code providers.yaml} of {@code @nangohq/providers}), read for the
 * defaults the test mock's {@code paginate} merges under the script's config (the yaml-era
 * harness pins version 0.59.7). An {@code alias} entry is its target shallowly overridden by the
 * entry's own keys, as the package resolves it.
 */
public final class ProviderCatalog {
    /** Where a project that installed the package keeps the catalog, relative to the project root. */
    public static final List<String> PROJECT_LOCATIONS = List.of(
            "node_modules/@nangohq/providers/providers.yaml",
            "node_modules/@nangohq/providers/dist/providers.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, ObjectNode> providers;
    private final String origin;

    private ProviderCatalog(Map<String, ObjectNode> providers, String origin) {
        this.providers = providers;
        this.origin = origin;
    }

    /** A catalog that knows no provider: every {@code paginate} call fails as for an unknown provider. */
    public static ProviderCatalog empty() {
        return new ProviderCatalog(Map.of(), "no providers.yaml");
    }

    public static ProviderCatalog load(Path providersYaml) {
        try {
            return parse(Files.readString(providersYaml), providersYaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the provider catalog " + providersYaml, e);
        }
    }

    /**
     * The catalog for a project: {@code explicit} when given, else the first of
     * {@link #PROJECT_LOCATIONS} found in {@code projectDir} or one of its parents.
     */
    public static Optional<Path> locate(Path explicit, Path projectDir) {
        if (explicit != null) return Optional.of(explicit);
        for (Path dir = projectDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            for (String rel : PROJECT_LOCATIONS) {
                Path p = dir.resolve(rel);
                if (Files.isRegularFile(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public static ProviderCatalog parse(String yaml, String origin) {
        Object doc = new Load(LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build()).loadFromString(yaml);
        if (!(doc instanceof Map<?, ?> map)) throw new IllegalArgumentException(origin + " is not a YAML mapping of providers");
        Map<String, ObjectNode> raw = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?>) raw.put(String.valueOf(k), JSON.valueToTree(v));
        });
        Map<String, ObjectNode> resolved = new LinkedHashMap<>();
        raw.forEach((name, entry) -> {
            JsonNode alias = entry.get("alias");
            if (alias != null && raw.containsKey(alias.asText())) {
                ObjectNode merged = raw.get(alias.asText()).deepCopy();
                entry.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("alias")) merged.set(e.getKey(), e.getValue());
                });
                resolved.put(name, merged);
            } else {
                resolved.put(name, entry);
            }
        });
        return new ProviderCatalog(Map.copyOf(resolved), origin);
    }

    /** The provider entry, or empty when the catalog does not know {@code name}. */
    public Optional<ObjectNode> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    public int size() {
        return providers.size();
    }

    /** Where the catalog came from, for messages. */
    public String origin() {
        return origin;
    }
}
