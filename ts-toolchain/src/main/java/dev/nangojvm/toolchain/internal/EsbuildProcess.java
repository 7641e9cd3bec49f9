package dev.nangojvm.toolchain.internal;

import dev.nangojvm.toolchain.ScriptCompiler;
import dev.nangojvm.toolchain.ScriptSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the esbuild binary for a set of entry points, writing into a fresh temporary folder. */
final class EsbuildProcess {
    /** The result of one esbuild run; call {@link #cleanUp()} once its files have been read. */
    record Outcome(int exitCode, String log, List<EsbuildLog.Message> messages, Path outDir, Path metafile) {
        boolean success() {
            return exitCode == 0;
        }

        void cleanUp() {
            try {
                ClasspathTools.deleteTree(outDir);
            } catch (IOException e) {
                // leftover temp files are harmless
            }
        }
    }

    private final ScriptCompiler config;
    private final Path workDir;
    private final Path executable;
    private final Path zodNodeModules;

    EsbuildProcess(ScriptCompiler config, Path workDir) {
        this.config = config;
        this.workDir = workDir;
        this.executable = config.esbuild();
        this.zodNodeModules = ClasspathTools.zodNodeModules(config.toolCacheDir());
    }

    /** The esbuild options that decide the output (they are part of the cache fingerprint). */
    static List<String> options(List<String> externals) {
        List<String> opts = new ArrayList<>(List.of("--bundle", "--format=cjs", "--platform=node", "--target=es2022",
                "--sourcemap=external", "--main-fields=module,main"));
        externals.forEach(e -> opts.add("--external:" + e));
        return opts;
    }

    Outcome run(List<ScriptSource> scripts) throws IOException {
        Path outDir = Files.createTempDirectory("nango-jvm-esbuild").toRealPath();
        Path metafile = outDir.resolve("meta.json");
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        for (ScriptSource s : scripts) {
            cmd.add(s.bundleName() + "=" + s.sourcePath());
        }
        cmd.addAll(options(config.externals()));
        cmd.addAll(List.of("--outdir=" + outDir, "--metafile=" + metafile, "--abs-paths=metafile",
                "--log-level=warning", "--log-limit=0", "--color=false"));
        Path logFile = outDir.resolve("esbuild.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("NODE_PATH", zodNodeModules.toString());
        pb.environment().put("NO_COLOR", "1");
        Process p = pb.start();
        try {
            if (!p.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("esbuild did not finish within " + config.timeout());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for esbuild", e);
        }
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        return new Outcome(p.exitValue(), log, EsbuildLog.parse(log), outDir, metafile);
    }
}
