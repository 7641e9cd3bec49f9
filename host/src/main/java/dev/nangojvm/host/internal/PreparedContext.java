package dev.nangojvm.host.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * A fresh context made ahead of time, up to the point where an execution's own data is needed:
 * the JS realm is initialised, the guard ({@code sandbox.js}) and the Node surface
 * ({@code node-globals.js}) are evaluated. Nothing of any script has run in it.
 *
 * <p>Single use: {@link #attach} hands it to exactly one execution, which closes it. Contexts are
 * never reused, so there is no reset to get wrong (see the README's notes on context pooling).
 *
 * <p>What the execution supplies later reaches the context through three relays captured at
 * creation: the bridge port (the guard's only host object), the engine's output stream, and the
 * statement-limit callback.
 */
final class PreparedContext {
    private final Context context;
    private final Value guard;
    private final Value nodeModules;
    private final Port port;
    private final Relay relay;

    private PreparedContext(Context context, Value guard, Value nodeModules, Port port, Relay relay) {
        this.context = context;
        this.guard = guard;
        this.nodeModules = nodeModules;
        this.port = port;
        this.relay = relay;
    }

    /** Builds one on the calling thread; {@code guardLimits} is {@link Execution#guardLimits}'s JSON. */
    static PreparedContext prepare(ContextFactory contexts, Execution.Prelude prelude, String guardLimits) {
        Port port = new Port();
        Relay relay = new Relay();
        Context context = contexts.create(relay, relay);
        try {
            Value guard = context.eval(prelude.sandbox()).execute(port, guardLimits);
            Value nodeModules = context.eval(prelude.nodeGlobals()).execute(NodeCrypto.shared()).getMember("modules");
            return new PreparedContext(context, guard, nodeModules, port, relay);
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    /** Gives the context to one execution: its bridge, where engine output goes, and who hears a statement-limit breach. */
    Context attach(Bridge bridge, OutputStream output, Consumer<String> onBreach) {
        port.attach(bridge);
        relay.attach(output, onBreach);
        return context;
    }

    /** The context itself, for work that runs no script code (parsing). */
    Context context() {
        return context;
    }

    Value guard() {
        return guard;
    }

    Value nodeModules() {
        return nodeModules;
    }

    /** Closes a context no execution took. */
    void discard() {
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // closing an idle context only fails when the engine is already gone
        }
    }

    /**
     * The one host object the guard in {@code sandbox.js} holds: the same three members as
     * {@link Bridge}, forwarded to the bridge of the execution the context was attached to.
     * Before {@link #attach} nothing can call it, because no script has run yet.
     */
    public static final class Port {
        private volatile Bridge bridge;

        void attach(Bridge target) {
            if (bridge != null) throw new IllegalStateException("a prepared context is single use");
            bridge = Objects.requireNonNull(target);
        }

        @HostAccess.Export
        public Thenable call(String method, String argsJson) {
            return target().call(method, argsJson);
        }

        @HostAccess.Export
        public void log(String level, String message, String metaJson) {
            target().log(level, message, metaJson);
        }

        @HostAccess.Export
        public Thenable timer(double millis) {
            return target().timer(millis);
        }

        private Bridge target() {
            Bridge b = bridge;
            if (b == null) throw new IllegalStateException("the context has not been attached to an execution");
            return b;
        }
    }

    /** Engine output and statement-limit breaches, delivered to whichever execution holds the context. */
    private static final class Relay extends OutputStream implements Consumer<String> {
        private volatile OutputStream output = OutputStream.nullOutputStream();
        private volatile Consumer<String> onBreach = code -> { };

        void attach(OutputStream out, Consumer<String> breach) {
            this.output = out;
            this.onBreach = breach;
        }

        @Override
        public void accept(String code) {
            onBreach.accept(code);
        }

        @Override
        public void write(int b) throws IOException {
            output.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            output.write(b, off, len);
        }
    }
}
