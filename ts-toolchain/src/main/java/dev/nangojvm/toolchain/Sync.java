package dev.nangojvm.toolchain;

import java.util.List;
import java.util.Objects;

/**
 * A sync from nango.yaml, normalised the way Nango's parser does it (§1.3 of the format spec).
 *
 * @param name script name, also the file name {@code <name>.ts}
 * @param description trimmed description, {@code ""} when absent
 * @param syncType {@code incremental} or {@code full} (anything but case-insensitive "incremental" is full)
 * @param runs the schedule, verbatim
 * @param version version string, {@code ""} when absent (an integer version is kept as its decimal text)
 * @param trackDeletes {@code track_deletes}, default false
 * @param autoStart {@code auto_start}, true unless literally false
 * @param input name of the connection-metadata model, or {@code null}
 * @param output output model names (anonymous models for inline types)
 * @param scopes OAuth scopes
 * @param endpoints one endpoint per output model
 * @param webhookSubscriptions {@code webhook-subscriptions}
 * @param usedModels outputs, the input and every model reachable from them
 */
public record Sync(String name, String description, String syncType, String runs, String version,
        boolean trackDeletes, boolean autoStart, String input, List<String> output, List<String> scopes,
        List<Endpoint> endpoints, List<String> webhookSubscriptions, List<String> usedModels) {

    public Sync {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(syncType, "syncType");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(version, "version");
        output = List.copyOf(output);
        scopes = List.copyOf(scopes);
        endpoints = List.copyOf(endpoints);
        webhookSubscriptions = List.copyOf(webhookSubscriptions);
        usedModels = List.copyOf(usedModels);
    }

    public boolean isIncremental() {
        return "incremental".equals(syncType);
    }

    public Sync withUsedModels(List<String> models) {
        return new Sync(name, description, syncType, runs, version, trackDeletes, autoStart, input, output, scopes,
                endpoints, webhookSubscriptions, models);
    }
}
