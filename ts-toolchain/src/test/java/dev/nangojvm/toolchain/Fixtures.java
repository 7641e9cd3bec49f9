package dev.nangojvm.toolchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test fixture projects under src/test/resources/projects, copied so tests can write caches and edit files. */
final class Fixtures {
    static final Path PROJECTS = Path.of("src/test/resources/projects").toAbsolutePath();
    /** Shared tool cache so esbuild and zod are extracted once per build, not once per test. */
    static final Path TOOL_CACHE = Path.of("target/nango-jvm-tools").toAbsolutePath();

    private Fixtures() {}

    static Path copy(String name, Path into) {
        return copyTree(PROJECTS.resolve(name), into);
    }

    /** Copies the folder {@code src} into {@code into}, keeping its name. */
    static Path copyTree(Path src, Path into) {
        Path dst = into.resolve(src.getFileName().toString());
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dst;
    }

    static ScriptCompiler compiler() {
        return ScriptCompiler.builder().toolCacheDir(TOOL_CACHE).build();
    }
}
