package dev.nangojvm.toolchain;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A script declared in nango.yaml together with the {@code .ts} file that implements it.
 *
 * @param integrationId provider config key
 * @param type sync, action or on-event
 * @param name script name
 * @param sourcePath the file relative to the project root, with {@code /} separators, e.g.
 *     {@code github/syncs/issues.ts} (nested layout) or {@code syncs/issues.ts} (single integration folder)
 * @param file absolute path of the file (not symlink-resolved)
 */
public record ScriptSource(String integrationId, ScriptType type, String name, String sourcePath, Path file) {
    public ScriptSource {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(file, "file");
    }

    /** {@code <integration>/<syncs|actions|on-events>/<name>}: unique within a project, used as the bundle name. */
    public String bundleName() {
        return integrationId + "/" + type.folder() + "/" + name;
    }
}
