package dev.nangojvm.toolchain.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns the real (symlink-resolved) paths esbuild reports into the paths a user sees in the project: relative to
 * the project root, through symlinked alias folders ({@code aircall-basic/syncs -> ../aircall/syncs}), with
 * {@code /} separators; files of packages become {@code node_modules/<pkg>/...}.
 */
public final class PathMapper {
    private static final Set<String> SKIP = Set.of("node_modules", ".git", ".nango-jvm", ".nango", "dist", "build");

    private final Path root;
    private final Path rootReal;
    /** real prefix -> logical path relative to root, longest real prefix first. */
    private final List<Path[]> links = new ArrayList<>();

    public PathMapper(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.rootReal = realOrSelf(this.root);
        collectLinks(this.root, 0);
        links.add(new Path[] {rootReal, this.root});
        links.sort(Comparator.comparingInt((Path[] p) -> p[0].getNameCount()).reversed());
    }

    /** The folder esbuild sees as its working directory (the real path of the root). */
    public Path rootReal() {
        return rootReal;
    }

    /** Maps a path printed by esbuild (relative to {@link #rootReal()}, or absolute) to a display path. */
    public String display(String esbuildPath) {
        return display(rootReal.resolve(esbuildPath).normalize());
    }

    public String display(Path absolute) {
        Path p = absolute.normalize();
        String s = slashes(p.toString());
        int nm = s.lastIndexOf("/node_modules/");
        if (nm >= 0) {
            return s.substring(nm + 1);
        }
        if (p.startsWith(root)) {
            return slashes(root.relativize(p).toString());
        }
        for (Path[] link : links) {
            if (p.startsWith(link[0])) {
                Path logical = link[1].resolve(link[0].relativize(p));
                return slashes(root.relativize(logical).toString());
            }
        }
        return slashes(root.relativize(p).toString());
    }

    private void collectLinks(Path dir, int depth) {
        if (depth > 2) {
            return;
        }
        try (var children = Files.list(dir)) {
            for (Path c : children.toList()) {
                if (SKIP.contains(c.getFileName().toString())) {
                    continue;
                }
                if (Files.isSymbolicLink(c)) {
                    Path real = realOrSelf(c);
                    if (!real.equals(c)) {
                        links.add(new Path[] {real, c});
                    }
                } else if (Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)) {
                    collectLinks(c, depth + 1);
                }
            }
        } catch (IOException e) {
            // unreadable folders just don't contribute aliases
        }
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    static String slashes(String s) {
        return s.replace('\\', '/');
    }
}
