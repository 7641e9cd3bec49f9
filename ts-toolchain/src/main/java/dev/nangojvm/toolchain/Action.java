package dev.nangojvm.toolchain;

import java.util.List;
import java.util.Objects;

/**
 * An action from nango.yaml (§1.3 of the format spec).
 *
 * @param name script name, also the file name {@code <name>.ts}
 * @param description trimmed description, {@code ""} when absent
 * @param version version string, {@code ""} when absent
 * @param scopes OAuth scopes
 * @param input input model name, or {@code null}
 * @param output output model names; empty when the action declares none (Nango's {@code output: null})
 * @param endpoint the endpoint, or {@code null} (v1 files have none)
 * @param usedModels outputs, the input and every model reachable from them
 */
public record Action(String name, String description, String version, List<String> scopes, String input,
        List<String> output, Endpoint endpoint, List<String> usedModels) {

    public Action {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(version, "version");
        scopes = List.copyOf(scopes);
        output = List.copyOf(output);
        usedModels = List.copyOf(usedModels);
    }

    public Action withUsedModels(List<String> models) {
        return new Action(name, description, version, scopes, input, output, endpoint, models);
    }
}
