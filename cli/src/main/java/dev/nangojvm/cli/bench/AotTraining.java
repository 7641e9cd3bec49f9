package dev.nangojvm.cli.bench;

import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.NangoBindings;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ScriptCompiler;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run behind the launcher's AOT cache ({@code -XX:AOTCacheOutput}): loads the
 * classes a short CLI run needs (host, bindings, H2, toolchain, esbuild) by doing a tiny version
 * of each, so that later interpreter-mode runs find them already parsed and linked.
 */
public final class AotTraining {
    private static final String YAML = """
            integrations:
                training:
                    actions:
                        noop:
                            output: Result
                            endpoint: POST /noop
            models:
                Result:
                    ok: boolean
            """;
    private static final String SCRIPT = """
            import type { NangoAction, Result } from '../../models';

            export default async function runAction(_nango: NangoAction): Promise<Result> {
                return { ok: true };
            }
            """;

    private AotTraining() { }

    public static void main(String[] args) throws Exception {
        Path project = Files.createTempDirectory("nango-jvm-aot-training");
        Files.writeString(project.resolve("nango.yaml"), YAML);
        Files.createDirectories(project.resolve("training/actions"));
        Files.writeString(project.resolve("training/actions/noop.ts"), SCRIPT);
        var compiled = ScriptCompiler.builder().useBuildCache(false).build().compile(NangoProject.load(project));
        var script = compiled.script("training", "noop").orElseThrow(() -> new IllegalStateException("training script did not compile: " + compiled.errors()));
        try (IntegrationHost host = IntegrationHost.builder().preparedContexts(0).build();
             H2Stores stores = H2Stores.inMemory();
             NangoBindings nango = NangoBindings.builder().stores(stores).build()) {
            ExecutionResult r = host.runAction(new ScriptBundle(script.bundleName(), script.code(), script.sourceMap(), script.contentHash()),
                    nango.startAction(new ExecutionInfo("c", "training", "training", "noop", "action", null), e -> { }), null);
            if (!r.succeeded()) throw new IllegalStateException("training action failed: " + r.error());
        }
        System.exit(0);
    }
}
