package dev.nangojvm.replay.junit;

import dev.nangojvm.replay.ReplaySuite;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link NangoReplay} parameters from the test class's {@link NangoReplayTest}. One
 * replay per test class, kept in the class's extension store and closed with it. Registered by
 * {@code @NangoReplayTest}; usable alone as {@code @ExtendWith(NangoReplayExtension.class)} (then
 * with the annotation's defaults).
 */
public final class NangoReplayExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NangoReplayExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == NangoReplay.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return classContext(context).getStore(NAMESPACE).getOrComputeIfAbsent(testClass, k -> create(testClass), NangoReplay.class);
    }

    /** The context of the test class, so that the replay outlives each method and closes with the class. */
    private static ExtensionContext classContext(ExtensionContext context) {
        return context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
    }

    private static NangoReplay create(Class<?> testClass) {
        NangoReplayTest config = AnnotationSupport.findAnnotation(testClass, NangoReplayTest.class).orElse(null);
        String project = System.getProperty("nango.replay.project", config == null ? "nango-integrations" : config.project());
        String providers = System.getProperty("nango.replay.providers", config == null ? "" : config.providers());
        ReplaySuite.Builder b = ReplaySuite.builder(Path.of(project))
                .timeout(Duration.ofSeconds(config == null ? 120 : config.timeoutSeconds()));
        if (!providers.isEmpty()) b.providers(Path.of(providers));
        if (config != null) {
            for (String i : config.integrations()) b.integration(i);
            for (String s : config.scripts()) b.script(s);
        }
        if (!java.nio.file.Files.isDirectory(Path.of(project))) {
            throw new ParameterResolutionException("@NangoReplayTest project '" + project + "' is not a folder (resolved from "
                    + Path.of("").toAbsolutePath() + ")");
        }
        return new NangoReplay(b.build());
    }
}
