package dev.nangojvm.toolchain;

import java.util.Objects;

/**
 * An HTTP endpoint of a sync or action, as parsed from nango.yaml.
 *
 * @param method the HTTP method as written (not upper-cased; Nango keeps it verbatim); defaults GET for syncs,
 *     POST for actions
 * @param path the path, e.g. {@code /github/issues}
 * @param group the optional endpoint group, {@code null} when absent
 */
public record Endpoint(String method, String path, String group) {
    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /** {@code "GET /path"}, the key Nango uses for duplicate detection. */
    public String key() {
        return method + " " + path;
    }
}
