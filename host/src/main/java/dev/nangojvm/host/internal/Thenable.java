package dev.nangojvm.host.internal;

import java.util.concurrent.CompletableFuture;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * What an asynchronous bridge call returns to the guard in {@code sandbox.js}, which turns it into
 * a genuine promise at once: script code never holds one. {@link #then} delivers the settled value
 * on the execution's own thread; the callbacks are dropped when the bridge closes.
 */
public final class Thenable {
    private final CompletableFuture<String> future;
    private final EventLoop loop;

    Thenable(CompletableFuture<String> future, EventLoop loop) {
        this.future = future;
        this.loop = loop;
    }

    @HostAccess.Export
    public void then(Value resolve, Value reject) {
        if (resolve == null || reject == null || !resolve.canExecute() || !reject.canExecute()) {
            throw new IllegalArgumentException("then(resolve, reject) expects two functions");
        }
        future.whenComplete((value, failure) -> loop.post(() -> {
            if (failure == null) {
                resolve.executeVoid(value);
            } else {
                reject.executeVoid(String.valueOf(failure.getMessage()));
            }
        }));
    }
}
