package io.rateguard.budget.redis;

import io.rateguard.budget.NanoClock;
import io.rateguard.budget.PauseTimeline;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * This JVM's copy of a budget's shared pause timeline. Waiters read it every slice; at most one
 * of them re-reads Redis, and only when the copy is older than {@link #FRESH_NANOS}, so polling
 * costs about 20 round trips a second per engine whatever the number of threads. A pause made by
 * this engine updates the copy at once; one made by another engine is seen within that age.
 */
final class SharedPauseCache {

    static final long FRESH_NANOS = 50_000_000L;

    private record Copy(PauseTimeline timeline, long readAt) {
    }

    private final Supplier<PauseTimeline> reader;
    private final NanoClock clock;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Copy copy;

    SharedPauseCache(Supplier<PauseTimeline> reader, NanoClock clock) {
        this.reader = reader;
        this.clock = clock;
        this.copy = new Copy(PauseTimeline.NONE, Long.MIN_VALUE / 2);
    }

    /** The copy as it is, without touching Redis (Bucket4j's clock reads this). */
    PauseTimeline cached() {
        return copy.timeline;
    }

    /**
     * The copy, refreshed from Redis first when it is stale and no other thread is refreshing it.
     * A failed read throws the client's exception; the stale copy stays.
     */
    PauseTimeline current() {
        Copy c = copy;
        long now = clock.nanoTime();
        if (now - c.readAt >= FRESH_NANOS && reading.compareAndSet(false, true)) {
            try {
                offerRead(reader.get());
                return copy.timeline;
            } finally {
                reading.set(false);
            }
        }
        return c.timeline;
    }

    /**
     * A timeline read along with a bucket state. Reads and writes of one engine share a
     * connection but complete on other threads, so a read never replaces a copy with a pause
     * that ends earlier (pauses only ever extend).
     */
    void offerRead(PauseTimeline read) {
        Copy c = copy;
        copy = new Copy(read.end() >= c.timeline.end() ? read : c.timeline, clock.nanoTime());
    }

    /** A timeline this engine just wrote (a pause): newer than any read before it. */
    void offer(PauseTimeline written) {
        copy = new Copy(written, clock.nanoTime());
    }
}
