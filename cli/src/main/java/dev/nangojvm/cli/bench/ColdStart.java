package dev.nangojvm.cli.bench;

import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.NangoBindings;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.ScriptBundle;
import java.nio.file.Files;
import java.nio.file.Path;

/** P4's subject: a fresh JVM that builds a host and runs one trivial action, then exits. */
public final class ColdStart {
    private ColdStart() { }

    public static void main(String[] args) throws Exception {
        String code = Files.readString(Path.of(args[0]));
        try (IntegrationHost host = IntegrationHost.builder().build();
             H2Stores stores = H2Stores.inMemory();
             NangoBindings nango = NangoBindings.builder().stores(stores).build()) {
            ExecutionResult r = host.runAction(ScriptBundle.of("bench/actions/noop", code, null),
                    nango.startAction(new ExecutionInfo("c", "bench", "bench", "noop", "action", null), e -> { }), null);
            System.out.println(r.output());
        }
        System.exit(0);
    }
}
