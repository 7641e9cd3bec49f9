package dev.nangojvm.bindings.proxy;

import java.time.Duration;

/** Waits between retries; injected so tests can record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = Thread::sleep;

    /** Blocks for {@code duration} (never negative). */
    void sleep(Duration duration) throws InterruptedException;
}
