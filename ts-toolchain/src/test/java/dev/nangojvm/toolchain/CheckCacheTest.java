package dev.nangojvm.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental type-check cache ({@code <cache>/typecheck.json}) on a copy of src/test/resources/typecheck: an
 * unchanged project is served from it with the diagnostics of a check without cache, and a change in a file a
 * script imports, or in nango.yaml's models (models.ts is generated from them), makes exactly the scripts
 * depending on it checked again.
 */
class CheckCacheTest {
    @TempDir
    Path tmp;

    @Test
    void anUnchangedProjectComesFromTheCacheWithTheSameDiagnostics() {
        Path project = copyTypecheckProject();
        Path cache = tmp.resolve("cache");
        CheckResult first = ProjectChecker.check(load(project), true, true, cache);
        assertThat(first.cachedScripts()).isZero();
        assertThat(cache.resolve("typecheck.json")).isRegularFile();

        CheckResult again = ProjectChecker.check(load(project), true, true, cache);
        assertThat(again.cachedScripts()).isEqualTo(4);
        assertThat(again.diagnostics()).isEqualTo(first.diagnostics());
        assertThat(again.diagnostics()).isEqualTo(ProjectChecker.check(load(project), true, true).diagnostics());
        assertThat(again.typeErrors()).extracting(Diagnostic::code).containsExactly("TS2322", "TS6133", "TS2339", "import_not_allowed");
    }

    @Test
    void editingAnImportedHelperChecksTheScriptsImportingItAgain() throws IOException {
        Path project = copyTypecheckProject();
        Path cache = tmp.resolve("cache");
        ProjectChecker.check(load(project), true, true, cache);

        Path helper = project.resolve("acme/helpers/ids.ts");
        Files.writeString(helper, Files.readString(helper).replace("const id: string = raw.id;", "const id: string = String(raw.id);"));
        CheckResult after = ProjectChecker.check(load(project), true, true, cache);
        // contacts and create-contact import the helper; delete-contact and lodash-user do not
        assertThat(after.cachedScripts()).isEqualTo(2);
        assertThat(after.typeErrors()).extracting(d -> d.file() + ": " + d.code()).containsExactly(
                "acme/actions/delete-contact.ts: TS6133", "acme/actions/delete-contact.ts: TS2339",
                "acme/actions/lodash-user.ts: import_not_allowed");
        assertThat(after.diagnostics()).isEqualTo(ProjectChecker.check(load(project), true, true).diagnostics());
    }

    @Test
    void changingAModelInNangoYamlChecksTheScriptsUsingModelsAgain() throws IOException {
        Path project = copyTypecheckProject();
        Path cache = tmp.resolve("cache");
        ProjectChecker.check(load(project), true, true, cache);

        Path yaml = project.resolve("nango.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("    Contact:\n        id: string\n        name: string\n",
                "    Contact:\n        id: string\n        name: string\n        missing: string\n"));
        CheckResult after = ProjectChecker.check(load(project), true, true, cache);
        assertThat(after.cachedScripts()).isZero();
        // Contact.missing exists now: delete-contact returns a string where a Contact is due
        assertThat(after.typeErrors()).extracting(d -> d.file() + ": " + d.code() + ": " + d.message())
                .contains("acme/actions/delete-contact.ts: TS2322: Type 'string' is not assignable to type 'Contact'.")
                .noneMatch(m -> m.contains("TS2339"));
        assertThat(after.diagnostics()).isEqualTo(ProjectChecker.check(load(project), true, true).diagnostics());
    }

    private static NangoProject load(Path dir) {
        ProjectLoad load = NangoProject.load(dir);
        assertThat(load.errors()).isEmpty();
        return load.project();
    }

    private Path copyTypecheckProject() {
        return Fixtures.copyTree(Path.of("src/test/resources/typecheck").toAbsolutePath(), tmp);
    }
}
