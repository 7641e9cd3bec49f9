package dev.nangojvm.host.internal;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters that prove the lifecycle promises: how many executions' bridges (reachable from their
 * guest realm, so alive as long as any guest value is) have not been garbage collected yet, and
 * how many timers wait in the hosts' schedulers. For tests and health endpoints; JVM-wide.
 */
public final class Diagnostics {
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    private static final Set<Reference<?>> EXECUTIONS = ConcurrentHashMap.newKeySet();
    private static final Set<WeakReference<HostServices>> SERVICES = ConcurrentHashMap.newKeySet();

    private Diagnostics() {
    }

    static void trackExecution(Object bridge) {
        drain();
        EXECUTIONS.add(new WeakReference<>(bridge, COLLECTED));
    }

    static void trackServices(HostServices services) {
        SERVICES.add(new WeakReference<>(services));
    }

    /** Executions whose realm (and so any guest value of theirs) is still reachable. */
    public static int liveExecutions() {
        drain();
        return EXECUTIONS.size();
    }

    /** Timers queued in every live host's scheduler. */
    public static int queuedTimers() {
        SERVICES.removeIf(r -> r.get() == null);
        return SERVICES.stream().map(Reference::get).filter(s -> s != null).mapToInt(HostServices::queuedTimers).sum();
    }

    private static void drain() {
        for (Reference<?> r; (r = COLLECTED.poll()) != null; ) {
            EXECUTIONS.remove(r);
        }
    }
}
