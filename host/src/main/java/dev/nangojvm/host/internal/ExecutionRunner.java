package dev.nangojvm.host.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoAction;
import dev.nangojvm.host.RuntimeInfo;
import dev.nangojvm.host.ScriptBundle;

/** Where a host runs its executions: in its own JVM, or in worker JVMs. Thread-safe. */
public interface ExecutionRunner extends AutoCloseable {

    /** Runs one execution to its end; never throws for anything the script does. */
    Execution.Outcome run(ScriptBundle bundle, NangoAction nango, ObjectNode props, JsonNode input);

    /** Parses a bundle ahead of its first execution. */
    void warmUp(ScriptBundle bundle);

    /** Which GraalJS runtime executes the scripts. */
    RuntimeInfo runtime();

    @Override
    void close();
}
