package dev.nangojvm.host.internal;

import java.util.concurrent.CompletableFuture;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * What an asynchronous bridge call returns to the guest: {@code await thenable} calls
 * {@link #then}, and the settled value is delivered on the execution's own thread.
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
        future.whenComplete((value, failure) -> loop.post(() -> {
            if (failure == null) {
                resolve.executeVoid(value);
            } else {
                reject.executeVoid(String.valueOf(failure.getMessage()));
            }
        }));
    }
}
