package dev.nangojvm.replay.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays a Nango project's scripts against their recorded mocks from a JUnit 5 test class. Test
 * methods and {@code @TestFactory} methods receive a {@link NangoReplay} parameter, shared by the
 * class and closed after it.
 *
 * <pre>{@code
 * @NangoReplayTest(project = "src/nango-integrations", providers = "node_modules/@nangohq/providers/providers.yaml")
 * class IntegrationScriptsTest {
 *     @TestFactory
 *     Stream<DynamicNode> everyScript(NangoReplay replay) {
 *         return replay.dynamicTests();
 *     }
 *
 *     @Test
 *     void contacts(NangoReplay replay) {
 *         replay.assertPasses("hubspot", "contacts");
 *     }
 * }
 * }</pre>
 *
 * <p>Relative paths resolve against the working directory of the test run (the module folder
 * under Maven and Gradle). The system properties {@code nango.replay.project} and
 * {@code nango.replay.providers} override the attributes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NangoReplayExtension.class)
public @interface NangoReplayTest {
    /** The project: a nango-integrations folder, one integration folder, or a folder of integration folders. */
    String project() default "nango-integrations";

    /** The provider catalog ({@code providers.yaml}); empty: look in the project's node_modules. */
    String providers() default "";

    /** Only these integrations; empty: all. */
    String[] integrations() default {};

    /** Only scripts with these names; empty: all. */
    String[] scripts() default {};

    /** Time limit of one test's execution, in seconds. */
    long timeoutSeconds() default 120;
}
