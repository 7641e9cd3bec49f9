package dev.nangojvm.cli;

import dev.nangojvm.bindings.proxy.ProviderCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the provider catalog for a project, like Nango's CLI would: the project's own
 * {@code node_modules/@nangohq/providers} first, else the catalog fetched into this build; a
 * {@code --providers <file>} is merged over it (its entries replace whole providers).
 */
final class Providers {
    static final String BUNDLED = "providers.yaml";

    private Providers() { }

    static ProviderCatalog resolve(Path project, String overrideFile) {
        List<Path> files = new ArrayList<>();
        Path base = base(project);
        if (base != null) files.add(base);
        if (overrideFile != null) {
            Path override = Path.of(overrideFile).toAbsolutePath();
            if (!Files.isRegularFile(override)) {
                throw new CliException("providers_not_found", "--providers " + overrideFile
                        + ": no such file. Pass a providers.yaml in Nango's format (a map of provider name to definition).", 2);
            }
            files.add(override);
        }
        if (files.isEmpty()) {
            throw new CliException("no_provider_catalog", "no provider catalog: the project has no node_modules/@nangohq/providers "
                    + "and this build has none (npm was unavailable at build time). Pass --providers <providers.yaml>.", 2);
        }
        return ProviderCatalog.load(files.toArray(Path[]::new));
    }

    /** The project's node_modules catalog, else the bundled one; null when there is neither. */
    static Path base(Path project) {
        Path fromProject = fromNodeModules(project);
        return fromProject != null ? fromProject : bundled();
    }

    private static Path fromNodeModules(Path project) {
        for (Path dir = project.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (String candidate : List.of("providers.yaml", "dist/providers.yaml")) {
                Path p = dir.resolve("node_modules/@nangohq/providers").resolve(candidate);
                if (Files.isRegularFile(p)) return p;
            }
        }
        return null;
    }

    /** The catalog inside the CLI jar, copied once to a cache file so the YAML loader can read it. */
    private static Path bundled() {
        try (InputStream in = Providers.class.getResourceAsStream(BUNDLED)) {
            if (in == null) return null;
            Path cache = Path.of(System.getProperty("user.home"), ".cache", "nango-jvm");
            Files.createDirectories(cache);
            Path tmp = Files.createTempFile(cache, "providers", ".yaml");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Path target = cache.resolve("providers-" + Version.VALUE + ".yaml");
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
