package dev.nangojvm.toolchain.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Extracts the esbuild binary and the zod npm package from their Maven jars into a per-user cache, once.
 * Every extraction writes to a temporary sibling and then moves it into place atomically, so concurrent JVMs
 * never see a half-written file.
 */
public final class ClasspathTools {
    private static final String ESBUILD_POM = "META-INF/maven/org.mvnpm.at.esbuild/linux-x64/pom.properties";
    private static final String ZOD_POM = "META-INF/maven/org.webjars.npm/zod/pom.properties";

    private ClasspathTools() {}

    /** The default cache: {@code $NANGO_JVM_CACHE}, else {@code $XDG_CACHE_HOME/nango-jvm}, else ~/.cache/nango-jvm. */
    public static Path defaultCacheDir() {
        String explicit = System.getenv("NANGO_JVM_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("nango-jvm");
    }

    /** Version of the esbuild jar on the class path, e.g. {@code 0.25.10}. */
    public static String esbuildVersion() {
        return pomVersion(ESBUILD_POM, "org.mvnpm.at.esbuild:linux-x64");
    }

    /** Version of the zod webjar on the class path, e.g. {@code 3.24.2}. */
    public static String zodVersion() {
        return pomVersion(ZOD_POM, "org.webjars.npm:zod");
    }

    /** Extracts the esbuild executable to {@code <cache>/esbuild-<version>/esbuild} (once) and returns it. */
    public static Path esbuild(Path cacheDir) {
        String version = esbuildVersion();
        Path target = cacheDir.resolve("esbuild-" + version).resolve("esbuild");
        if (Files.isExecutable(target)) {
            return target;
        }
        String resource = "META-INF/resources/_static/linux-x64/" + version + "/bin/esbuild";
        try (InputStream in = resourceStream(resource)) {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "esbuild", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            moveIntoPlace(tmp, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract esbuild " + version + " to " + target, e);
        }
    }

    /**
     * Extracts the zod webjar as {@code <cache>/zod-<version>/node_modules/zod} (once) and returns the
     * {@code node_modules} folder, suitable for NODE_PATH.
     */
    public static Path zodNodeModules(Path cacheDir) {
        String version = zodVersion();
        Path nodeModules = cacheDir.resolve("zod-" + version).resolve("node_modules");
        Path target = nodeModules.resolve("zod");
        if (Files.isRegularFile(target.resolve("package.json"))) {
            return nodeModules;
        }
        String prefix = "META-INF/resources/webjars/zod/" + version + "/";
        URL url = ClasspathTools.class.getClassLoader().getResource(prefix + "package.json");
        if (url == null) {
            throw new IllegalStateException("zod " + version + " webjar not found on the class path (" + prefix + ")");
        }
        try {
            Files.createDirectories(nodeModules);
            Path tmp = Files.createTempDirectory(nodeModules, "zod");
            JarURLConnection conn = (JarURLConnection) url.openConnection();
            conn.setUseCaches(false);
            try (JarFile jar = conn.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.isDirectory() || !e.getName().startsWith(prefix)) {
                        continue;
                    }
                    Path out = tmp.resolve(e.getName().substring(prefix.length())).normalize();
                    if (!out.startsWith(tmp)) {
                        continue;
                    }
                    Files.createDirectories(out.getParent());
                    try (InputStream in = jar.getInputStream(e)) {
                        Files.copy(in, out);
                    }
                }
            }
            moveIntoPlace(tmp, target);
            return nodeModules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract zod " + version + " to " + target, e);
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            deleteTree(tmp); // another process won the race
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (Files.exists(target)) {
                deleteTree(tmp); // a directory move onto an existing non-empty directory
            } else {
                throw e;
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var s = Files.list(p)) {
                for (Path c : s.toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }

    private static InputStream resourceStream(String name) throws IOException {
        InputStream in = ClasspathTools.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource " + name + " not found on the class path");
        }
        return in;
    }

    private static String pomVersion(String resource, String coordinates) {
        try (InputStream in = resourceStream(resource)) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException(coordinates + " is not on the class path", e);
        }
    }
}
