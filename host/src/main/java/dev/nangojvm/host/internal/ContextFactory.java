package dev.nangojvm.host.internal;

import dev.nangojvm.policy.ScriptPolicy;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The one place where a {@link ScriptPolicy} becomes GraalJS settings. Everything not granted
 * here is denied: no host classes, no IO, no threads, no native code, no other languages, no
 * environment, and only members annotated {@code @HostAccess.Export} are visible to the guest.
 *
 * <p>The constructor checks that a context built this way really denies what it should, and
 * refuses to start otherwise (fail closed): a GraalJS upgrade that changed a default must not
 * silently open the sandbox.
 */
public final class ContextFactory {
    private final Engine engine;
    private final ScriptPolicy policy;

    public ContextFactory(Engine engine, ScriptPolicy policy) {
        this.engine = engine;
        this.policy = policy;
        selfCheck();
    }

    /** A context with no statement-limit callback. */
    public Context create(OutputStream output) {
        return create(output, code -> { });
    }

    /**
     * A fresh context for one execution.
     *
     * @param output   receives what the engine itself prints (redirected: CONSTRAINED requires it)
     * @param onBreach told {@code statement_limit} when the statement limit trips
     */
    public Context create(OutputStream output, Consumer<String> onBreach) {
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
            builder.resourceLimits(ResourceLimits.newBuilder()
                    .statementLimit(policy.statementLimit(), null)
                    .onLimit(event -> onBreach.accept(Limits.STATEMENT_LIMIT))
                    .build());
        }
        return builder.build();
    }

    /** Fails closed when a context built by {@link #create} can reach the host or compile strings against the policy. */
    private void selfCheck() {
        String probe = """
                (() => {
                  const leaks = [];
                  for (const name of ['load', 'print', 'Graal', 'Polyglot', 'loadWithNewGlobal', 'quit', 'readline'])
                    if (typeof globalThis[name] !== 'undefined') leaks.push(name);
                  try { Java.type('java.lang.Runtime'); leaks.push('Java.type'); } catch (e) { }
                  try { Java.addToClasspath('/'); leaks.push('Java.addToClasspath'); } catch (e) { }
                  let evalWorks = false;
                  try { evalWorks = (0, eval)('1 + 1') === 2; } catch (e) { }
                  let functionWorks = false;
                  try { functionWorks = Function('return 1')() === 1; } catch (e) { }
                  if (evalWorks !== functionWorks) leaks.push('eval and Function disagree');
                  return leaks.join(',') + '|' + evalWorks;
                })()
                """;
        String result;
        try (Context context = create(OutputStream.nullOutputStream())) {
            result = context.eval("js", probe).asString();
        } catch (PolyglotException e) {
            throw new IllegalStateException("the sandbox self-check could not run: " + e.getMessage(), e);
        }
        String[] parts = result.split("\\|", -1);
        if (!parts[0].isEmpty()) {
            throw new IllegalStateException("refusing to start: a sandboxed context can reach " + parts[0]
                    + "; check the GraalJS version and ContextFactory's settings");
        }
        if (Boolean.parseBoolean(parts[1]) != policy.allowCodeGeneration()) {
            throw new IllegalStateException("refusing to start: code generation from strings is "
                    + (policy.allowCodeGeneration() ? "denied" : "allowed") + " but the policy says the opposite");
        }
    }
}
