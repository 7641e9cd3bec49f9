package dev.nangojvm.toolchain;

import dev.nangojvm.toolchain.internal.ProjectLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Nango integrations project read from a nango.yaml: the front door of the toolchain.
 *
 * <p>{@link #load(Path)} accepts either a {@code nango-integrations/} root (one nango.yaml, scripts in
 * {@code <integration>/syncs|actions|on-events/<name>.ts}, or the legacy flat {@code <name>.ts} layout), or a
 * single integration folder with its own nango.yaml (scripts in {@code syncs/<name>.ts}; an integration key
 * {@code ${PWD}} becomes the folder name; symlinked alias folders work). It never throws for project problems:
 * they are collected as {@link Diagnostic}s in the returned {@link ProjectLoad}.
 *
 * @param root the folder holding nango.yaml (absolute, normalised, symlinks not resolved)
 * @param yamlFile the nango.yaml that was read
 * @param yamlVersion detected grammar version
 * @param integrations integrations in file order
 * @param models models in Nango's parse order (dependencies first, then anonymous models)
 * @param scripts every declared script whose {@code .ts} file was found
 */
public record NangoProject(Path root, Path yamlFile, YamlVersion yamlVersion, List<Integration> integrations,
        Map<String, Model> models, List<ScriptSource> scripts) {

    public NangoProject {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(yamlFile, "yamlFile");
        Objects.requireNonNull(yamlVersion, "yamlVersion");
        integrations = List.copyOf(integrations);
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        scripts = List.copyOf(scripts);
    }

    /** Loads the project in {@code dir} (a folder, or a nango.yaml file). I/O problems become diagnostics too. */
    public static ProjectLoad load(Path dir) {
        return ProjectLoader.load(dir);
    }

    /** The integrations as Nango's {@code .nango/nango.json}: 2-space JSON, Nango's key order, no trailing newline. */
    public String toNangoJson() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .writer(new dev.nangojvm.toolchain.internal.TwoSpacePrinter())
                    .writeValueAsString(dev.nangojvm.toolchain.internal.NangoJson.toTree(integrations));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads {@code dir} if it holds a nango.yaml; otherwise loads every direct sub-folder that holds one, in name
     * order (the integration-templates layout: {@code integrations/<id>/nango.yaml}, aliases included).
     */
    public static List<ProjectLoad> loadAll(Path dir) {
        if (java.nio.file.Files.exists(dir.resolve(ProjectLoader.NANGO_YAML))) {
            return List.of(load(dir));
        }
        try (var children = java.nio.file.Files.list(dir)) {
            return children.filter(c -> java.nio.file.Files.isRegularFile(c.resolve(ProjectLoader.NANGO_YAML)))
                    .sorted().map(NangoProject::load).toList();
        } catch (java.io.IOException e) {
            return List.of(load(dir)); // reports the missing nango.yaml as a diagnostic
        }
    }

    public Optional<Integration> integration(String id) {
        return integrations.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<ScriptSource> script(String integrationId, String name) {
        return scripts.stream().filter(s -> s.integrationId().equals(integrationId) && s.name().equals(name))
                .findFirst();
    }
}
