package dev.nangojvm.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One generated test file: {@code tests/<x>.test.ts} building a {@code NangoSyncMock} or
 * {@code NangoActionMock} and calling the script it imports.
 *
 * @param integrationId  the provider config key the mock uses: the name of the folder above {@code tests/}
 * @param integrationDir that folder
 * @param testFile       the {@code .test.ts} file
 * @param kind           the kind of script the test imports ({@code ../syncs/} or {@code ../actions/})
 * @param scriptName     the imported file's name without extension
 * @param mockName       the mock's {@code name}: every mock file is looked up by it
 * @param models         the sync mock's {@code Model} list, split on commas exactly as the template does
 */
public record ReplayCase(String integrationId, Path integrationDir, Path testFile, ScriptKind kind,
                         String scriptName, String mockName, List<String> models) {
    public ReplayCase {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(integrationDir, "integrationDir");
        Objects.requireNonNull(testFile, "testFile");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scriptName, "scriptName");
        Objects.requireNonNull(mockName, "mockName");
        models = List.copyOf(models);
    }

    /** The mock files: {@code <test folder>/../mocks}, read by {@link #mockName()}. */
    public MockFiles mocks() {
        return new MockFiles(testFile.getParent().resolve("..").resolve("mocks"), mockName);
    }

    /** The script's source, {@code <integration>/<syncs|actions>/<name>.ts}. */
    public Path scriptFile() {
        return integrationDir.resolve(kind.folder()).resolve(scriptName + ".ts");
    }

    /** The test file's name, e.g. {@code hubspot-contacts.test.ts}. */
    public String testName() {
        return testFile.getFileName().toString();
    }
}
