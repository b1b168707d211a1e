package io.rateguard.budget;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A budget held in this JVM: a Bucket4j token bucket whose clock is the pause-aware virtual
 * clock of {@link PauseTimeline}.
 * <p>
 * Each waiter reserves its token at once ({@code consumeIgnoringRateLimits}) and gets a deadline
 * on the virtual clock, then waits itself in slices of at most {@link #SLICE_NANOS}, re-reading
 * the timeline each time; so a pause decided by another thread while it waits holds it too.
 * <p>
 * A waiter that wakes late (a busy machine) sends late, and a late request pushed across a
 * server's fixed-window boundary makes that window one over its limit: a 429 at the limit. So
 * every grant is also checked against a log of the last grants on the real clock: never more than
 * the bucket itself allows (limit + burst - 1) in any period plus {@link #WINDOW_GUARD} of it.
 * The guard absorbs what happens after the grant (the thread reaching its socket, the network),
 * which varies from request to request; it costs 1% of the rate, and a grant that came late
 * delays the grant a log later by its lateness, not more. Measured in docs/benchmarks.md.
 */
public final class LocalBudget implements Budget {

    /** Longest single sleep: bounds how late a waiter notices Shutdown. */
    static final long SLICE_NANOS = 50_000_000L;

    /** Share of the period added to the grant log's window, for send-time jitter after a grant. */
    static final double WINDOW_GUARD = 0.01;

    /** Largest grant log kept; a budget allowing more per period goes without the window check. */
    static final int MAX_GRANT_LOG = 1 << 18;

    private static final long NEVER = Long.MIN_VALUE;

    private final BudgetSpec spec;
    private final NanoClock clock;
    private final Sleeper sleeper;
    private final AtomicReference<PauseTimeline> timeline = new AtomicReference<>(PauseTimeline.NONE);
    private final Bucket bucket;
    /** Real times of the latest grants, a ring indexed by grant count; null when too large. */
    private final AtomicLongArray grantLog;
    /** The same ring for the moments those grants were sent ({@link #holdBeforeSending}). */
    private final AtomicLongArray sendLog;
    private final AtomicLong grantCount = new AtomicLong();
    /**
     * The span in which the log may hold its length of grants: the period (plus the guard) at
     * the spec's rate; an adaptive rate change rescales it, so the log always checks the rate in
     * force rather than capping a rising one at its starting guess.
     */
    private volatile long logWindowNanos;
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
        this.logWindowNanos = spec.period().toNanos() + (long) (spec.period().toNanos() * WINDOW_GUARD);
        long perPeriod = spec.limit() + spec.burst() - 1;
        this.grantLog = perPeriod <= MAX_GRANT_LOG ? new AtomicLongArray((int) perPeriod) : null;
        this.sendLog = grantLog == null ? null : new AtomicLongArray(grantLog.length());
        for (int i = 0; grantLog != null && i < grantLog.length(); i++) {
            grantLog.set(i, NEVER);
            sendLog.set(i, NEVER);
        }
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
            long grantNumber = -1;
            if (remaining <= 0) {
                long admitted = admitInWindow(now);
                if (admitted >= 0) {
                    grantNumber = admitted;
                } else {
                    remaining = -admitted;
                }
            }
            if (remaining <= 0) {
                // virtual time runs only outside pauses: what it ran past the deadline is lateness
                long late = Math.max(0, current.virtual(now) - deadline);
                return finish(true, started, now, pausedAtStart, current, late, grantNumber);
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

    /**
     * Logs a grant at {@code now} when the guarded period before it holds fewer than the bucket
     * allows, and returns its number (0 and up; 0 as well when no log is kept); else returns
     * minus the nanoseconds until the oldest logged grant leaves that period.
     */
    private long admitInWindow(long now) {
        if (grantLog == null) {
            return 0;
        }
        // lock-free like the bucket: claim the next grant number, whose slot holds the grant a
        // full log ago; the slot is written right after the claim, long before the log wraps
        while (true) {
            long n = grantCount.get();
            int slot = (int) (n % grantLog.length());
            long oldest = grantLog.get(slot);
            if (oldest != NEVER && now - oldest < logWindowNanos) {
                return -(oldest + logWindowNanos - now);
            }
            if (grantCount.compareAndSet(n, n + 1)) {
                grantLog.set(slot, now);
                return n;
            }
        }
    }

    /**
     * The grant log checked again with the moment of sending: a request sent late (after
     * pre-processors, or a thread the machine did not run for a while) must not make one more than
     * the budget allows in the guarded period since the request a log before it was sent.
     */
    @Override
    public long holdBeforeSending(Acquisition granted, WaitGuard guard) {
        long start = clock.nanoTime();
        boolean logged = sendLog != null && granted.grantNumber() >= 0;
        int slot = logged ? (int) (granted.grantNumber() % sendLog.length()) : -1;
        while (true) {
            long now = clock.nanoTime();
            long remaining = timeline.get().remainingPause(now);
            if (remaining <= 0 && logged) {
                long older = sendLog.get(slot);
                remaining = older == NEVER ? 0 : older + logWindowNanos - now;
            }
            if (remaining <= 0) {
                if (logged) {
                    sendLog.set(slot, now);
                }
                return now - start;
            }
            if (!guard.keepWaiting()) {
                return -1;
            }
            try {
                sleeper.sleepNanos(Math.min(remaining, SLICE_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    private Acquisition giveBack(long started, long now, long pausedAtStart, PauseTimeline current) {
        // the reservation already counted against the bucket: return it so pacing stays true
        bucket.addTokens(1);
        return finish(false, started, now, pausedAtStart, current, 0, -1);
    }

    private Acquisition finish(boolean ok, long started, long now, long pausedAtStart, PauseTimeline current,
                               long lateNanos, long grantNumber) {
        long waitedNanos = now - started;
        long pausedNanos = current.pausedTotal(now) - pausedAtStart;
        waited.add(waitedNanos);
        (ok ? granted : cancelled).increment();
        return new Acquisition(ok, waitedNanos, pausedNanos, lateNanos, grantNumber);
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
        if (grantLog != null) {
            // the log's length of grants, spread at the new rate, plus the same guard
            double seconds = grantLog.length() / perSecond;
            logWindowNanos = (long) Math.min(Long.MAX_VALUE / 4.0, seconds * 1e9 * (1 + WINDOW_GUARD));
        }
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
