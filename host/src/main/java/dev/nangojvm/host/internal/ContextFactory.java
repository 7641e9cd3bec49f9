package dev.nangojvm.host.internal;

import dev.nangojvm.policy.ScriptPolicy;
import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The one place where a {@link ScriptPolicy} becomes GraalJS settings. Everything not granted
 * here is denied: no host classes, no IO, no threads, no native code, no other languages, no
 * environment, and only members annotated {@code @HostAccess.Export} are visible to the guest.
 */
public final class ContextFactory {
    private final Engine engine;
    private final ScriptPolicy policy;

    public ContextFactory(Engine engine, ScriptPolicy policy) {
        this.engine = engine;
        this.policy = policy;
    }

    public Context create(OutputStream output) {
        Context.Builder builder = Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(output)
                .err(output)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowHostClassLookup(className -> false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .allowCreateProcess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                // Nango's runner context has none of these shell helpers.
                .option("js.print", "false")
                .option("js.load", "false")
                .option("js.graal-builtin", "false")
                .option("js.console", "false")
                .option("js.allow-eval", Boolean.toString(policy.allowCodeGeneration()));
        if (policy.statementLimit() > 0) {
            builder.resourceLimits(ResourceLimits.newBuilder().statementLimit(policy.statementLimit(), null).build());
        }
        return builder.build();
    }
}
