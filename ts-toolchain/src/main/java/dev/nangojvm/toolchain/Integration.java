package dev.nangojvm.toolchain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One integration (provider config key) of a nango.yaml.
 *
 * @param id the provider config key ({@code ${PWD}} already replaced by the folder name)
 * @param syncs syncs in file order
 * @param actions actions in file order
 * @param onEventScripts always the three keys {@code post-connection-creation}, {@code pre-connection-deletion},
 *     {@code validate-connection} in that order, each a list of script names
 * @param postConnectionScripts the deprecated {@code post-connection-scripts} list (empty when absent)
 */
public record Integration(String id, List<Sync> syncs, List<Action> actions, Map<String, List<String>> onEventScripts,
        List<String> postConnectionScripts) {

    /** The event names Nango knows, in the order it emits them. */
    public static final List<String> EVENTS =
            List.of("post-connection-creation", "pre-connection-deletion", "validate-connection");

    public Integration {
        Objects.requireNonNull(id, "id");
        syncs = List.copyOf(syncs);
        actions = List.copyOf(actions);
        LinkedHashMap<String, List<String>> events = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : onEventScripts.entrySet()) {
            events.put(e.getKey(), List.copyOf(e.getValue()));
        }
        onEventScripts = Collections.unmodifiableMap(events);
        postConnectionScripts = List.copyOf(postConnectionScripts);
    }

    public java.util.Optional<Sync> sync(String name) {
        return syncs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public java.util.Optional<Action> action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
