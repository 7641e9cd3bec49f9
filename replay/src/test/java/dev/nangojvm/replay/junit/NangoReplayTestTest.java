package dev.nangojvm.replay.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nangojvm.replay.Status;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/** How a JVM team uses the extension, on the acme fixture (paths relative to the module, as Maven runs tests). */
@NangoReplayTest(project = "target/test-classes/projects/acme", providers = "target/test-classes/projects/providers.yaml",
        scripts = {"contacts", "create-contact", "list-things", "stamp"})
class NangoReplayTestTest {

    @TestFactory
    Stream<DynamicNode> passingScripts(NangoReplay replay) {
        // a team's factory would return replay.dynamicTests() as is; here the known failure is left out
        List<DynamicNode> nodes = replay.dynamicTests().toList();
        DynamicContainer acme = (DynamicContainer) nodes.get(0);
        return acme.getChildren().filter(t -> !t.getDisplayName().startsWith("stamp")).map(DynamicNode.class::cast);
    }

    @Test
    void dynamicTestsAreOneContainerPerIntegrationAndOneTestPerTestedScript(NangoReplay replay) {
        List<DynamicNode> nodes = replay.dynamicTests().toList();
        assertThat(nodes).extracting(DynamicNode::getDisplayName).containsExactly("acme");
        assertThat(((DynamicContainer) nodes.get(0)).getChildren().map(DynamicNode::getDisplayName).toList())
                .containsExactly("contacts (sync)", "create-contact (action)", "stamp (action)", "list-things (action)");
    }

    @Test
    void aFailingScriptFailsWithTheExpectedAndActualValues(NangoReplay replay) {
        assertThat(replay.assertPasses("acme", "contacts").status()).isEqualTo(Status.PASS);
        assertThatThrownBy(() -> replay.assertPasses("acme", "stamp"))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
                    assertThat(e.getExpected().getStringRepresentation()).isEqualTo("\"1970-01-01T00:00:00.000Z\"");
                    assertThat(e.getActual().getStringRepresentation()).isEqualTo("Date(1970-01-01T00:00:00.000Z)");
                })
                .hasMessageStartingWith("acme/stamp: output differs from mocks/stamp/output.json at $.at");
        assertThatThrownBy(() -> replay.replay("acme", "nope")).hasMessage("integration 'acme' has no script 'nope' in nango.yaml");
    }
}
