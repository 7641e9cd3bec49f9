package dev.nangojvm.toolchain.internal;

import dev.nangojvm.toolchain.Diagnostic;
import dev.nangojvm.toolchain.Integration;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectLoad;
import dev.nangojvm.toolchain.ScriptSource;
import dev.nangojvm.toolchain.ScriptType;
import dev.nangojvm.toolchain.Sync;
import dev.nangojvm.toolchain.Action;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads nango.yaml, validates it and finds each script's {@code .ts} file. See {@link NangoProject#load}. */
public final class ProjectLoader {
    public static final String NANGO_YAML = "nango.yaml";

    private ProjectLoader() {}

    public static ProjectLoad load(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path root = Files.isRegularFile(abs) ? abs.getParent() : abs;
        Path yaml = Files.isRegularFile(abs) ? abs : root.resolve(NANGO_YAML);
        try {
            return fromText(Files.readString(yaml, StandardCharsets.UTF_8), root, yaml, true);
        } catch (IOException | RuntimeException e) {
            String cause = e instanceof java.nio.file.NoSuchFileException ? "file does not exist" : e.getMessage();
            return loadError(yaml, cause);
        }
    }

    /**
     * Parses and validates nango.yaml text without looking for script files (the project's root is
     * {@code folderName}, whose name also replaces a {@code ${PWD}} key).
     */
    public static ProjectLoad parseText(String text, String folderName) {
        Path root = Path.of(folderName).toAbsolutePath().normalize();
        return fromText(text, root, root.resolve(NANGO_YAML), false);
    }

    private static ProjectLoad fromText(String text, Path root, Path yaml, boolean findScripts) {
        YamlTree tree;
        try {
            tree = YamlReader.read(text, NANGO_YAML);
        } catch (YamlReader.YamlException e) {
            return loadError(yaml, e.getMessage());
        }
        if (tree.root() == null) {
            // js-yaml loads an empty document as undefined, and Nango's version sniffing then throws
            return loadError(yaml, "empty document");
        }
        Diagnostics diagnostics = new Diagnostics(NANGO_YAML, tree);
        SchemaValidator.validate(tree.root(), diagnostics);
        String folderName = root.getFileName() == null ? "" : root.getFileName().toString();
        NangoYamlParser.Parsed parsed = diagnostics.hasErrors()
                ? new NangoYamlParser.Parsed(NangoYamlParser.detectVersion(tree.root()), List.of(), java.util.Map.of())
                : NangoYamlParser.parse(tree.root(), folderName, diagnostics);
        List<ScriptSource> scripts = findScripts ? findScripts(root, parsed.integrations(), diagnostics) : List.of();
        NangoProject project = new NangoProject(root, yaml, parsed.version(), parsed.integrations(), parsed.models(),
                scripts);
        return new ProjectLoad(project, diagnostics.all());
    }

    /** Nango swallows every read/parse problem into this one message; the cause is appended in parentheses. */
    private static ProjectLoad loadError(Path yaml, String cause) {
        return new ProjectLoad(null, List.of(Diagnostic.error("error_loading_nango_yaml",
                "no nango.yaml config found at " + yaml + " (" + cause + ")", List.of()).at(NANGO_YAML, 0, 0)));
    }

    private static List<ScriptSource> findScripts(Path root, List<Integration> integrations,
            Diagnostics diagnostics) {
        List<ScriptSource> out = new ArrayList<>();
        for (Integration in : integrations) {
            for (Sync s : in.syncs()) {
                find(root, in.id(), ScriptType.SYNC, s.name(), List.of("syncs"), out, diagnostics);
            }
            for (Action a : in.actions()) {
                find(root, in.id(), ScriptType.ACTION, a.name(), List.of("actions"), out, diagnostics);
            }
            Set<String> events = new LinkedHashSet<>();
            in.onEventScripts().values().forEach(events::addAll);
            events.addAll(in.postConnectionScripts());
            for (String name : events) {
                find(root, in.id(), ScriptType.ON_EVENT, name, List.of("on-events", "post-connection-scripts"), out,
                        diagnostics);
            }
        }
        return out;
    }

    private static void find(Path root, String integration, ScriptType type, String name, List<String> folders,
            List<ScriptSource> out, Diagnostics diagnostics) {
        List<String> candidates = new ArrayList<>();
        for (String folder : folders) {
            candidates.add(integration + "/" + folder + "/" + name + ".ts");
        }
        for (String folder : folders) {
            candidates.add(folder + "/" + name + ".ts");
        }
        candidates.add(name + ".ts");
        for (String rel : candidates) {
            Path file = root.resolve(rel);
            if (Files.isRegularFile(file)) {
                out.add(new ScriptSource(integration, type, name, rel, file));
                return;
            }
        }
        diagnostics.error("missing_script_file", "The following functions are missing a corresponding .ts file: "
                + name + " (expected " + candidates.getFirst() + ")", List.of(integration, type.folder(), name),
                List.of("integrations", integration, type.folder(), name));
    }
}
