package dev.nangojvm.host.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The host's engine settings must hold on both runtimes: compilation options such as engine.Mode do not exist
 * without the JIT, and a JVM started without the JIT recipe must still run scripts (on the interpreter).
 */
class InterpreterFallbackTest {
    /** Run in a child JVM without JVMCI: builds the runtime and runs a script. */
    public static void main(String[] args) {
        try (GraalRuntime runtime = new GraalRuntime();
             var context = new ContextFactory(runtime.engine(), dev.nangojvm.policy.ScriptPolicy.standard()).create(java.io.OutputStream.nullOutputStream())) {
            System.out.println(runtime.info().describe() + " | " + context.eval("js", "[1, 2, 3].map((x) => x * 2).join(',')").asString());
        }
    }

    @Test
    void aJvmWithoutTheJitBuildsTheEngineAndRunsScriptsOnTheInterpreter() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), InterpreterFallbackTest.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("interpreter only").contains("| 2,4,6");
    }
}
