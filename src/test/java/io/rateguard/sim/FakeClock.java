package io.rateguard.sim;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A hand-driven nanosecond clock, so window arithmetic is tested without sleeping. */
final class FakeClock implements LongSupplier {

    /** An arbitrary non-zero origin: the windows must not depend on the clock starting at 0. */
    private final AtomicLong nanos = new AtomicLong(7_000_000_000_000L);

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }

    void advanceNanos(long n) {
        nanos.addAndGet(n);
    }
}
