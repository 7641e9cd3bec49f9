package dev.nangojvm.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One fixture project per lint rule under src/test/resources/lint/&lt;code&gt;: each is the {@code clean} project
 * with exactly one seed rule broken, and must report exactly the warnings listed in its {@code expected-lint.txt}
 * ({@code code file:line:col}). The sample integrations must lint clean. All checks share the JVM's one
 * TypeScript compiler context.
 */
class LintTest {
    static final Path LINT = Path.of("src/test/resources/lint").toAbsolutePath();
    static final Path SAMPLE = Path.of("../sample-integrations/nango-integrations").toAbsolutePath().normalize();

    @Test
    void everyRuleHasAFixtureThatFlagsExactlyIt() throws IOException {
        Set<String> fixtures;
        try (Stream<Path> dirs = Files.list(LINT)) {
            fixtures = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        for (LintRule rule : LintRule.values()) {
            assertThat(fixtures).as("fixture for " + rule).contains(rule.code());
        }
        for (String name : fixtures) {
            Path dir = LINT.resolve(name);
            ProjectLoad load = NangoProject.load(dir);
            assertThat(load.errors()).as(name + " loads").isEmpty();
            CheckResult result = ProjectChecker.lint(load.project());
            List<String> actual = result.lint().stream().map(d -> d.code() + " " + d.location()).toList();
            List<String> expected = Files.readAllLines(dir.resolve("expected-lint.txt")).stream()
                    .filter(l -> !l.isBlank()).toList();
            assertThat(actual).as(name + ": " + result.lint()).containsExactlyInAnyOrderElementsOf(expected);
            if (!name.equals("clean")) {
                assertThat(actual).as(name).isNotEmpty().allMatch(a -> a.startsWith(name + " "));
            }
            for (Diagnostic d : result.lint()) {
                assertThat(d.severity()).isEqualTo(Severity.WARNING);
                assertThat(LintRule.byCode(d.code())).isNotNull();
                assertThat(d.line()).isPositive();
                assertThat(d.column()).isPositive();
                assertThat(d.message()).as("a fix in the message").containsAnyOf(": ", "add", "use", "write");
            }
        }
    }

    @Test
    void theSampleIntegrationsLintCleanAndTypeCheck() {
        ProjectLoad load = NangoProject.load(SAMPLE);
        assertThat(load.errors()).isEmpty();
        CheckResult result = ProjectChecker.check(load.project(), true, true);
        assertThat(result.lint()).isEmpty();
        assertThat(result.typeErrors()).isEmpty();
    }
}
