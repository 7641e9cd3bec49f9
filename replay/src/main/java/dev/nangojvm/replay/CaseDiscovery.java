package dev.nangojvm.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the generated tests of an integration ({@code tests/*.test.ts} that build
 * {@code global.vitest.NangoSyncMock} / {@code NangoActionMock}) and reads their literal strings:
 * the imported script, the mock name and the {@code Model} list. Hand-written tests (their own
 * mock classes, {@code expect} inside) are not replayable and are left out.
 */
public final class CaseDiscovery {
    private static final Pattern MOCK = Pattern.compile(
            "new\\s+global\\.vitest\\.Nango(Sync|Action)Mock\\s*\\(\\s*\\{(.*?)\\}\\s*\\)", Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile(
            "import\\s+(\\w+)\\s+from\\s+(['\"])\\.\\./(syncs|actions)/([^'\"]+?)(?:\\.js|\\.ts)?\\2");
    private static final String LITERAL = "\\s*:\\s*(['\"`])(.*?)\\1";

    private CaseDiscovery() { }

    /** The generated tests in {@code integrationDir/tests}, sorted by file name; none when the folder has no tests. */
    public static List<ReplayCase> discover(Path integrationDir) {
        Path tests = integrationDir.resolve("tests");
        if (!Files.isDirectory(tests)) return List.of();
        List<ReplayCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(tests)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".test.ts")).sorted().toList()) {
                parse(integrationDir, f, Files.readString(f)).ifPresent(cases::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tests of " + integrationDir, e);
        }
        return cases;
    }

    /**
     * Reads one test file. Empty when it is not a generated test. A generated test whose literals
     * cannot be read is an {@link IllegalArgumentException} naming the file and what is missing.
     */
    public static Optional<ReplayCase> parse(Path integrationDir, Path testFile, String source) {
        Matcher mock = MOCK.matcher(source);
        if (!mock.find()) return Optional.empty();
        String options = mock.group(2);
        Matcher imp = IMPORT.matcher(source);
        if (!imp.find()) {
            throw new IllegalArgumentException(testFile + ": no default import of ../syncs/<name>.js or ../actions/<name>.js");
        }
        String name = literal(options, "name")
                .orElseThrow(() -> new IllegalArgumentException(testFile + ": the mock has no literal 'name'"));
        List<String> models = literal(options, "Model").map(m -> Arrays.asList(m.split(",", -1))).orElse(List.of());
        ScriptKind kind = ScriptKind.ofFolder(imp.group(3));
        String integrationId = testFile.toAbsolutePath().getParent().getParent().getFileName().toString();
        return Optional.of(new ReplayCase(integrationId, integrationDir, testFile, kind, imp.group(4), name, models));
    }

    private static Optional<String> literal(String options, String key) {
        Matcher m = Pattern.compile("\\b" + key + LITERAL, Pattern.DOTALL).matcher(options);
        return m.find() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
