package dev.nangojvm.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Type errors as {@code nango compile} reports them (tsc 5.8.3 with Nango's options), on
 * src/test/resources/typecheck: a helper's error stops every script importing it and is reported once, a script's
 * own errors come as {@code TSnnnn} with file:line:col, and an npm import outside Nango's allow list is refused.
 * No node_modules: models.ts is generated in memory with nango-jvm's SDK declarations, zod comes from the webjar.
 */
class TypeCheckTest {
    @Test
    void reportsTypeErrorsLikeNangoCompile() {
        ProjectLoad load = NangoProject.load(Path.of("src/test/resources/typecheck"));
        assertThat(load.errors()).isEmpty();
        CheckResult result = ProjectChecker.typeCheck(load.project());
        assertThat(result.lint()).isEmpty();
        assertThat(result.typeErrors()).extracting(d -> d.file() + "(" + d.line() + "," + d.column() + "): " + d.code() + ": "
                + d.message()).containsExactly(
                        "acme/helpers/ids.ts(2,11): TS2322: Type 'number' is not assignable to type 'string'.",
                        "acme/actions/delete-contact.ts(4,11): TS6133: 'unused' is declared but its value is never read.",
                        "acme/actions/delete-contact.ts(6,26): TS2339: Property 'missing' does not exist on type 'Contact'.",
                        "acme/actions/lodash-user.ts(0,0): import_not_allowed: Importing libraries is not allowed. Please remove the import \"lodash\" from \"lodash-user.ts\"");
        assertThat(result.typeErrors().getFirst().path()).containsExactly("acme", "syncs", "contacts");
        assertThat(result.typeErrors()).allMatch(Diagnostic::isError);
    }
}
