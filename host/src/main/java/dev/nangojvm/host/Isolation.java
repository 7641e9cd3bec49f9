package dev.nangojvm.host;

/**
 * Where a host runs scripts. See {@code host/SECURITY.md} for what each mode guarantees.
 */
public enum Isolation {
    /**
     * In the host's own JVM: a fresh sandboxed context per execution, budgets enforced by a
     * watchdog. Fast (no hop), but memory and CPU caps are soft: one builtin can allocate past the
     * budget, and a few builtins ignore cancellation until they return.
     */
    IN_PROCESS,

    /**
     * In a pool of worker JVMs, each with its own heap ({@code -Xmx}), one execution per worker at
     * a time. A worker that runs out of heap dies alone ({@code memory_limit}); one that does not
     * stop by the deadline is killed ({@code execution_timeout}). The bindings (HTTP, stores,
     * credentials) stay in the host; workers see only what the script's calls return.
     */
    WORKER_PROCESSES
}
