package io.rateguard.budget;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A budget held in this JVM: a Bucket4j token bucket whose clock is the pause-aware virtual
 * clock of {@link PauseTimeline}.
 * <p>
 * Each waiter reserves its token at once ({@code consumeIgnoringRateLimits}) and gets a deadline
 * on the virtual clock, then waits itself in slices of at most {@link #SLICE_NANOS}, re-reading
 * the timeline each time; so a pause decided by another thread while it waits holds it too.
 */
public final class LocalBudget implements Budget {

    /** Longest single sleep: bounds how late a waiter notices Shutdown. */
    static final long SLICE_NANOS = 50_000_000L;

    private final BudgetSpec spec;
    private final NanoClock clock;
    private final Sleeper sleeper;
    private final AtomicReference<PauseTimeline> timeline = new AtomicReference<>(PauseTimeline.NONE);
    private final Bucket bucket;
    private volatile double ratePerSecond;

    private static final long RATE_SCALE_SECONDS = 1_000_000L;

    private final LongAdder granted = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder pauses = new LongAdder();
    private final LongAdder waited = new LongAdder();

    public LocalBudget(BudgetSpec spec, NanoClock clock, Sleeper sleeper) {
        this.spec = spec;
        this.clock = clock;
        this.sleeper = sleeper;
        Bandwidth bandwidth = Bandwidth.builder()
                .capacity(spec.burst())
                .refillGreedy(spec.limit(), spec.period())
                .initialTokens(spec.initialTokens())
                .build();
        this.bucket = Bucket.builder()
                .addLimit(bandwidth)
                .withCustomTimePrecision(new VirtualTimeMeter())
                .build();
        this.ratePerSecond = spec.ratePerSecond();
    }

    public LocalBudget(BudgetSpec spec) {
        this(spec, NanoClock.system(), Sleeper.system());
    }

    @Override
    public BudgetSpec spec() {
        return spec;
    }

    @Override
    public Acquisition acquire(WaitGuard guard) {
        long started = clock.nanoTime();
        long pausedAtStart = timeline.get().pausedTotal(started);
        long waitVirtual = bucket.consumeIgnoringRateLimits(1);
        // read after reserving: the deadline can only come out late by nanoseconds, never early
        long deadline = virtualNow() + waitVirtual;
        while (true) {
            long now = clock.nanoTime();
            PauseTimeline current = timeline.get();
            // a deadline already reached still waits out a pause in force
            long remaining = Math.max(0, deadline - current.virtual(now)) + current.remainingPause(now);
            if (remaining <= 0) {
                return finish(true, started, now, pausedAtStart, current);
            }
            if (!guard.keepWaiting()) {
                return giveBack(started, now, pausedAtStart, current);
            }
            try {
                sleeper.sleepNanos(Math.min(remaining, SLICE_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                long at = clock.nanoTime();
                return giveBack(started, at, pausedAtStart, timeline.get());
            }
        }
    }

    private Acquisition giveBack(long started, long now, long pausedAtStart, PauseTimeline current) {
        // the reservation already counted against the bucket: return it so pacing stays true
        bucket.addTokens(1);
        return finish(false, started, now, pausedAtStart, current);
    }

    private Acquisition finish(boolean ok, long started, long now, long pausedAtStart, PauseTimeline current) {
        long waitedNanos = now - started;
        long pausedNanos = current.pausedTotal(now) - pausedAtStart;
        waited.add(waitedNanos);
        (ok ? granted : cancelled).increment();
        return new Acquisition(ok, waitedNanos, pausedNanos);
    }

    @Override
    public void pause(Duration wait) {
        if (wait == null || wait.isNegative() || wait.isZero()) {
            return;
        }
        long now = clock.nanoTime();
        long until = now + saturatedNanos(wait);
        PauseTimeline before;
        PauseTimeline after;
        do {
            before = timeline.get();
            after = before.pausedUntil(now, until);
            if (after == before) {
                return;
            }
        } while (!timeline.compareAndSet(before, after));
        pauses.increment();
    }

    @Override
    public long remainingPauseNanos() {
        return timeline.get().remainingPause(clock.nanoTime());
    }

    @Override
    public BudgetStats stats() {
        long now = clock.nanoTime();
        return new BudgetStats(granted.sum(), cancelled.sum(), pauses.sum(),
                timeline.get().pausedTotal(now), waited.sum());
    }

    @Override
    public long nanosUntilAvailable() {
        long now = clock.nanoTime();
        PauseTimeline current = timeline.get();
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill() + current.remainingPause(now);
    }

    @Override
    public void giveBack() {
        bucket.addTokens(1);
    }

    @Override
    public double ratePerSecond() {
        return ratePerSecond;
    }

    /**
     * Paces at {@code perSecond} from now on. Threads already waiting keep their deadlines. The
     * debt they represent was reserved at the old rate: kept as it is, a faster rate would repay
     * it sooner than those threads are due, and new reservations would fall between theirs (an
     * overshoot of debt x (1 - old/new) requests, measured as a 429 right after an increase).
     * So on an increase the debt is scaled to the new rate and new reservations start when the
     * old queue ends. On a decrease it is kept: the queue ends before the debt is repaid, a short
     * gap that can only send less.
     */
    public synchronized void changeRate(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("bucket '" + spec.name() + "': rate must be positive, was " + perSecond);
        }
        double old = ratePerSecond;
        long available = bucket.getAvailableTokens();
        bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(bandwidth(perSecond)).build(),
                TokensInheritanceStrategy.AS_IS);
        if (available < 0 && perSecond > old) {
            long debt = -available;
            long scaled = (long) Math.ceil(debt * perSecond / old);
            bucket.consumeIgnoringRateLimits(scaled - debt);
        }
        ratePerSecond = perSecond;
    }

    /**
     * A rate as a Bucket4j refill: Bucket4j counts whole tokens, so a fractional rate is spread
     * over a long period (per million seconds), which keeps nanosecond spacing exact to 1e-6.
     */
    private Bandwidth bandwidth(double perSecond) {
        long tokens = Math.max(1, Math.round(perSecond * RATE_SCALE_SECONDS));
        return Bandwidth.builder()
                .capacity(spec.burst())
                .refillGreedy(tokens, Duration.ofSeconds(RATE_SCALE_SECONDS))
                .initialTokens(0)
                .build();
    }

    private long virtualNow() {
        return timeline.get().virtual(clock.nanoTime());
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 4;
        }
    }

    /** Bucket4j's view of time: the virtual clock, which stands still during a pause. */
    private final class VirtualTimeMeter implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return virtualNow();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
