package dev.nangojvm.bindings.store.h2;

import dev.nangojvm.bindings.store.internal.Timestamps;
import java.time.Instant;

/**
 * Hands out write timestamps that strictly increase, in microseconds, whatever the caller's clock
 * does (same instant twice, a step backwards, a fixed test clock). Two write transactions therefore
 * never share a {@code last_modified_at}, and a records cursor taken between them cannot skip or
 * repeat a record. Thread-safe.
 */
final class MonotonicClock {
    private Instant last;

    /** @param floor the latest timestamp already stored, or {@link Instant#EPOCH} for an empty store */
    MonotonicClock(Instant floor) {
        this.last = Timestamps.micros(floor);
    }

    /** {@code now} in microseconds, or one microsecond after the previous value if that is not later. */
    synchronized Instant next(Instant now) {
        Instant candidate = Timestamps.micros(now);
        last = candidate.isAfter(last) ? candidate : last.plusNanos(1_000);
        return last;
    }
}
