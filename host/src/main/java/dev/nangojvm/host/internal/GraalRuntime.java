package dev.nangojvm.host.internal;

import dev.nangojvm.host.RuntimeInfo;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * The one shared {@link Engine} of a host: parsed code of a bundle is shared by every context
 * created on it, which is what makes a fresh context per execution affordable.
 */
public final class GraalRuntime implements AutoCloseable {
    private final Engine engine;
    private final RuntimeInfo info;

    public GraalRuntime() {
        String mode = engineMode();
        Engine built;
        try {
            built = mode == null ? builder().build() : builder().option("engine.Mode", mode).build();
        } catch (IllegalArgumentException e) {
            // The interpreter-only runtime has no compilation options at all: nothing to tune there.
            built = builder().build();
        }
        this.engine = built;
        String impl = engine.getImplementationName();
        boolean optimizing = !"Interpreted".equalsIgnoreCase(impl);
        this.info = new RuntimeInfo(optimizing, impl, optimizing ? null : explainFallback());
    }

    private static Engine.Builder builder() {
        return Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                // CONSTRAINED refuses the process streams; engine-level output is never wanted anyway.
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false");
    }

    /** The default compilation mode: measured best for script workloads on small machines (README, "Runtime defaults"). */
    public static final String DEFAULT_ENGINE_MODE = "latency";

    /**
     * {@code engine.Mode}: {@value #DEFAULT_ENGINE_MODE} unless {@code -Dnangojvm.engineMode=default|latency|throughput}
     * says otherwise, or polyglot's own {@code -Dpolyglot.engine.Mode} is set (then polyglot applies it itself).
     * On 2 cores the latency mode's cheaper compilations leave the script more CPU; it is one of the two
     * compilation settings SandboxPolicy.CONSTRAINED allows (with engine.CompilerThreads).
     */
    static String engineMode() {
        if (System.getProperty("polyglot.engine.Mode") != null) return null;
        String mode = System.getProperty("nangojvm.engineMode", DEFAULT_ENGINE_MODE);
        return "default".equals(mode) ? null : mode;
    }

    public Engine engine() {
        return engine;
    }

    public RuntimeInfo info() {
        return info;
    }

    /** Names the missing piece of the JIT recipe, so that the fix is obvious. */
    static String explainFallback() {
        if ("interpreter".equals(System.getProperty("nangojvm.runtime.choice"))) {
            return "chosen by ./nango-jvm for this short run, which finishes sooner on the interpreter with the AOT class "
                    + "cache than with the Graal JIT on few cores (NANGO_JVM_JIT=true forces the JIT)";
        }
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (args.stream().noneMatch(a -> a.equals("-XX:+EnableJVMCI"))) {
            return "JVMCI is not enabled: start the JVM with -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI "
                    + "and the Graal compiler jars on --upgrade-module-path (./nango-jvm does this)";
        }
        if (ModuleLayer.boot().findModule("jdk.graal.compiler").isEmpty()) {
            return "the Graal compiler (org.graalvm.compiler:compiler) is not on --upgrade-module-path";
        }
        return "the Graal compiler does not accept this JDK (" + Runtime.version()
                + "); the compiler version must equal polyglot's and be no newer than the JDK's update release";
    }

    @Override
    public void close() {
        engine.close();
    }
}
