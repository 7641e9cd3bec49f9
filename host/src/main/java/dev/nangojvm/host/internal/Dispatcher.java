package dev.nangojvm.host.internal;

/**
 * Where the guest's {@code nango} calls end up, as JSON text in and out: the binding in this JVM
 * ({@link BindingDispatcher}), or the parent process of a worker ({@link WorkerMain}). Thread-safe;
 * {@link #dispatch} may block (it runs off the execution's thread).
 */
public interface Dispatcher {

    /**
     * Runs {@code nango.<method>(args)} and answers with an envelope: {@code {"ok": result}} or
     * {@code {"error": {"kind", "code", "message", ...}}}. Never throws for a failure of the call.
     */
    String dispatch(String method, String argsJson);

    /** {@code nango.log} after the shim rendered it; {@code metaJson} may be null. Never throws. */
    void log(String level, String message, String metaJson);

    /** Releases what the calls of one execution hold (paginators). */
    default void close() {
    }
}
