package io.rateguard.budget.redis;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.rateguard.budget.Acquisition;
import io.rateguard.budget.Budget;
import io.rateguard.budget.BudgetSpec;
import io.rateguard.budget.BudgetStats;
import io.rateguard.budget.BudgetUnavailableException;
import io.rateguard.budget.LocalBudget;
import io.rateguard.budget.NanoClock;
import io.rateguard.budget.PauseTimeline;
import io.rateguard.budget.Sleeper;
import io.rateguard.budget.WaitGuard;

import java.time.Duration;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A budget shared by every engine that names the same Redis, scope and bucket: the token bucket
 * is Bucket4j's Lettuce proxy (with batching, so concurrent threads of one engine share one
 * round trip), and the pause is a timeline kept in Redis on the server's clock.
 * <p>
 * Same semantics as {@link LocalBudget} across JVMs: Bucket4j's clock is a virtual clock that
 * stands still during a pause, built from the Redis server's time and the shared timeline, so a
 * 429 seen by one engine holds the threads of all engines, including those already waiting, and
 * they resume at normal spacing.
 * <p>
 * When Redis is lost: with {@link OnRedisFailure#FAIL} new permits throw
 * {@link BudgetUnavailableException} (the JMeter layer stops the test, and the sample says why);
 * with {@link OnRedisFailure#FALLBACK} they come from a local bucket at limit / engines, and
 * every {@link #PROBE_EVERY_NANOS} one thread checks whether Redis is back. Threads already
 * waiting keep their reservation and the last pause they saw: none hangs.
 */
public final class RedisBudget implements Budget, AutoCloseable {

    static final long SLICE_NANOS = 50_000_000L;
    static final long PROBE_EVERY_NANOS = 1_000_000_000L;
    /**
     * How far ahead one reservation reaches at this engine's share of the rate: a reservation of
     * k slots costs the same two round trips as one of a single slot, and the slots it does not
     * hand out at once wait here for the threads that come next.
     */
    static final long LEASE_LOOKAHEAD_NANOS = 100_000_000L;
    static final int LEASE_MAX = 8;

    private final BudgetSpec spec;
    private final RedisSettings settings;
    private final NanoClock clock;
    private final Sleeper sleeper;
    private final Consumer<String> events;
    private final LocalBudget fallback;
    private final byte[] pauseKey;
    private final SharedPauseCache pauses;

    private volatile Connected shared;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong lastProbe = new AtomicLong();

    private final LongAdder granted = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder pauseCount = new LongAdder();
    private final LongAdder waited = new LongAdder();
    private final LongAdder localPermits = new LongAdder();
    private final LongAdder droppedSlots = new LongAdder();
    /** Reserved slots (deadlines on the virtual clock) not yet handed to a thread, earliest first. */
    private final PriorityBlockingQueue<Long> leased = new PriorityBlockingQueue<>();
    private final AtomicInteger inside = new AtomicInteger();
    private final long intervalNanos;
    /** Real time (this JVM's clock) by which every slot reserved from Redis so far is due. */
    private final AtomicLong sharedHorizon;
    /** Threads holding or awaiting a permit of the local share. */
    private final AtomicInteger localWaiting = new AtomicInteger();

    /** The parts that exist while this JVM has a connection. */
    private record Connected(RedisStore store, BucketProxy bucket) {
    }

    private RedisBudget(BudgetSpec spec, RedisSettings settings, NanoClock clock, Sleeper sleeper, Consumer<String> events) {
        this.spec = spec;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.events = events;
        this.fallback = settings.onFailure() == OnRedisFailure.FALLBACK ? new LocalBudget(localShare(spec, settings.engines())) : null;
        this.pauseKey = RedisStore.b(settings.keyOf(spec.name()) + ":pause");
        this.pauses = new SharedPauseCache(this::readPause, clock);
        this.intervalNanos = Math.max(1, spec.period().toNanos() / spec.limit());
        this.sharedHorizon = new AtomicLong(clock.nanoTime()); // no slot was reserved before now
    }

    /**
     * Connects and checks Redis. Unreachable: {@link BudgetUnavailableException} with
     * {@link OnRedisFailure#FAIL}; a warning and a local share with {@link OnRedisFailure#FALLBACK}.
     */
    public static RedisBudget open(BudgetSpec spec, RedisSettings settings, Consumer<String> events) {
        RedisBudget budget = new RedisBudget(spec, settings, NanoClock.system(), Sleeper.system(), events);
        try {
            budget.shared = budget.connect();
            budget.pauses.current(); // a pause another engine is in already holds this one
        } catch (RuntimeException e) {
            String why = e instanceof RedisStore.RedisUnreachable ? e.getMessage()
                    : "Redis at " + settings.location() + " failed: " + settings.location().mask(e.getMessage());
            if (budget.fallback == null) {
                budget.close();
                throw new BudgetUnavailableException("bucket '" + spec.name() + "': " + why
                        + ". On failure is 'fail', so the test does not start (choose 'fallback' to run a local share instead)");
            }
            budget.down.set(true);
            budget.lastProbe.set(budget.clock.nanoTime());
            events.accept("bucket '" + spec.name() + "': " + why + ". Falling back: this engine paces locally at "
                    + budget.fallback.spec() + " until Redis answers");
        }
        return budget;
    }

    private Connected connect() {
        RedisStore store = RedisStore.connect(settings.location());
        try {
            TimeMeter virtualClock = new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return pauses.cached().virtual(store.serverNanos(clock.nanoTime()));
                }

                @Override
                public boolean isWallClockBased() {
                    // the Redis server's wall clock, shifted by the shared pauses: the same on every engine
                    return true;
                }
            };
            BucketProxy bucket = store.proxyManager(virtualClock, pauseKey, pauses::offerRead).builder()
                    .withOptimization(Optimizations.batching())
                    .build(RedisStore.b(bucketKey()), this::configuration);
            return new Connected(store, bucket);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private String bucketKey() {
        // the limits are part of the key: a changed plan never inherits a bucket shaped by old limits
        return settings.keyOf(spec.name()) + ":bucket:" + spec.limit() + "/" + spec.period().toNanos()
                + "/" + spec.burst() + "/" + spec.initialTokens();
    }

    private BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(spec.burst())
                        .refillGreedy(spec.limit(), spec.period())
                        .initialTokens(spec.initialTokens())
                        .build())
                .build();
    }

    private PauseTimeline readPause() {
        Connected c = shared;
        if (c == null) {
            return pauses.cached();
        }
        return c.store().readPause(pauseKey);
    }

    /** This engine's share when it paces alone: the same limit over engines times the period. */
    static BudgetSpec localShare(BudgetSpec spec, int engines) {
        long burst = Math.max(1, spec.burst() / engines);
        return new BudgetSpec(spec.name(), spec.limit(), spec.period().multipliedBy(engines), burst,
                Math.min(spec.initialTokens(), burst));
    }

    @Override
    public BudgetSpec spec() {
        return spec;
    }

    public RedisSettings settings() {
        return settings;
    }

    /** Whether permits currently come from Redis (false while falling back or failed). */
    public boolean isShared() {
        return !down.get();
    }

    @Override
    public Acquisition acquire(WaitGuard guard) {
        inside.incrementAndGet();
        try {
            return acquireInside(guard);
        } finally {
            inside.decrementAndGet();
        }
    }

    /**
     * Slots one reservation takes: this engine's share of the rate over the lookahead, never more
     * than the threads asking now (a lone thread leases nothing ahead), at least 1.
     */
    int leaseSize() {
        double perEngine = spec.ratePerSecond() / settings.engines();
        int byRate = (int) Math.floor(perEngine * LEASE_LOOKAHEAD_NANOS / 1e9);
        return Math.max(1, Math.min(LEASE_MAX, Math.min(byRate, inside.get())));
    }

    /** The earliest leased slot still worth using, or null; slots left unused for long are dropped. */
    private Long leasedSlot(long virtualNow) {
        Long slot;
        while ((slot = leased.poll()) != null) {
            if (slot >= virtualNow - LEASE_LOOKAHEAD_NANOS) {
                return slot;
            }
            // nobody wanted it in time: sending it now would only make a burst
            droppedSlots.increment();
        }
        return null;
    }

    private Acquisition acquireInside(WaitGuard guard) {
        if (down.get() && !recovered()) {
            return local(guard);
        }
        Connected c = shared;
        if (c == null) {
            return local(guard); // closed at test end
        }
        long started = clock.nanoTime();
        PauseTimeline atStart = pauses.cached();
        long pausedAtStart = atStart.pausedTotal(server(c, started));
        Long slot = leasedSlot(atStart.virtual(server(c, started)));
        long deadline;
        if (slot != null) {
            deadline = slot;
        } else {
            int k = leaseSize();
            long waitVirtual;
            try {
                waitVirtual = c.bucket().consumeIgnoringRateLimits(k);
            } catch (RuntimeException e) {
                lost(c, e);
                return local(guard);
            }
            // read after reserving: a deadline can only come out late by nanoseconds, never early.
            // With a greedy refill the i-th of k tokens is due (k-1-i) intervals before the last.
            long last = pauses.cached().virtual(server(c, clock.nanoTime())) + waitVirtual;
            deadline = last - (k - 1) * intervalNanos;
            for (int i = 1; i < k; i++) {
                leased.add(last - (k - 1 - i) * intervalNanos);
            }
            long nowReal = clock.nanoTime();
            long lastReal = nowReal + (last - pauses.cached().virtual(server(c, nowReal)));
            sharedHorizon.accumulateAndGet(lastReal, Math::max);
        }
        while (true) {
            PauseTimeline current = currentPause(c);
            long now = clock.nanoTime();
            long at = server(c, now);
            long remaining = Math.max(0, deadline - current.virtual(at)) + current.remainingPause(at);
            if (remaining <= 0) {
                return finish(true, started, now, current.pausedTotal(at) - pausedAtStart);
            }
            if (!guard.keepWaiting()) {
                leased.add(deadline); // the next thread takes it, no round trip
                return finish(false, started, now, current.pausedTotal(at) - pausedAtStart);
            }
            try {
                sleeper.sleepNanos(Math.min(remaining, SLICE_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                leased.add(deadline);
                long end = clock.nanoTime();
                return finish(false, started, end, pauses.cached().pausedTotal(server(c, end)) - pausedAtStart);
            }
        }
    }

    private Acquisition local(WaitGuard guard) {
        if (fallback == null) {
            throw new BudgetUnavailableException("bucket '" + spec.name() + "': Redis at " + settings.location()
                    + " was lost during the test. On failure is 'fail', so the test stops");
        }
        localWaiting.incrementAndGet();
        Acquisition a;
        try {
            Acquisition held = awaitSharedHorizon(guard);
            a = held != null ? held : fallback.acquire(guard);
        } finally {
            localWaiting.decrementAndGet();
        }
        waited.add(a.waitedNanos());
        (a.granted() ? granted : cancelled).increment();
        if (a.granted()) {
            localPermits.increment();
        }
        return a;
    }

    /**
     * Threads of this engine that hold slots from Redis still send on the shared schedule after
     * Redis is lost; the local share starts after the last of them, or the two would add up.
     * Returns a cancelled acquisition when the guard ends the wait, else null.
     */
    private Acquisition awaitSharedHorizon(WaitGuard guard) {
        long started = clock.nanoTime();
        while (true) {
            long remaining = sharedHorizon.get() - clock.nanoTime();
            if (remaining <= 0) {
                return null;
            }
            if (!guard.keepWaiting()) {
                return Acquisition.cancelledAfter(clock.nanoTime() - started, 0);
            }
            try {
                sleeper.sleepNanos(Math.min(remaining, SLICE_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Acquisition.cancelledAfter(clock.nanoTime() - started, 0);
            }
        }
    }

    private PauseTimeline currentPause(Connected c) {
        if (!down.get()) {
            try {
                return pauses.current();
            } catch (RuntimeException e) {
                lost(c, e);
            }
        }
        // keep the reservation and the last pause seen: the wait still ends
        return pauses.cached();
    }


    private Acquisition finish(boolean ok, long started, long now, long pausedNanos) {
        long waitedNanos = now - started;
        waited.add(waitedNanos);
        (ok ? granted : cancelled).increment();
        return new Acquisition(ok, waitedNanos, Math.max(0, pausedNanos));
    }

    private long server(Connected c, long localNanos) {
        return c.store().serverNanos(localNanos);
    }

    private void lost(Connected c, RuntimeException e) {
        if (down.compareAndSet(false, true)) {
            lastProbe.set(clock.nanoTime());
            leased.clear(); // stale by the time Redis is back
            String why = c == null ? String.valueOf(e.getMessage()) : c.store().describe(e);
            events.accept("bucket '" + spec.name() + "': lost Redis at " + settings.location() + " (" + why + "). "
                    + (fallback == null ? "On failure is 'fail': the test stops."
                    : "Falling back: this engine paces locally at " + fallback.spec() + " until Redis answers."));
        }
    }

    /** While down with a fallback: one thread a second asks Redis whether it is back. */
    private boolean recovered() {
        if (fallback == null) {
            return false;
        }
        long last = lastProbe.get();
        long now = clock.nanoTime();
        if (now - last < PROBE_EVERY_NANOS || !lastProbe.compareAndSet(last, now)) {
            return false;
        }
        try {
            Connected c = shared;
            if (c == null) {
                c = connect(); // Redis was unreachable at start
                shared = c;
            } else if (!c.store().answers()) {
                return false;
            }
            pauses.offer(c.store().readPause(pauseKey));
            int pending = localWaiting.get();
            if (pending > 0) {
                // permits of the local share still to be sent count against the shared budget
                c.bucket().consumeIgnoringRateLimits(pending);
            }
        } catch (RuntimeException stillDown) {
            return false;
        }
        if (down.compareAndSet(true, false)) {
            events.accept("bucket '" + spec.name() + "': Redis at " + settings.location()
                    + " answers again: the shared budget resumes");
        }
        return true;
    }

    @Override
    public void pause(Duration wait) {
        if (wait == null || wait.isNegative() || wait.isZero()) {
            return;
        }
        if (fallback != null) {
            // the local share honours the server's word too, should Redis go while it lasts
            fallback.pause(wait);
        }
        Connected c = shared;
        if (down.get() || c == null) {
            pauseCount.increment();
            return;
        }
        try {
            PauseTimeline before = pauses.cached();
            PauseTimeline after = c.store().pause(pauseKey, wait);
            pauses.offer(after);
            if (after.end() != before.end()) {
                pauseCount.increment();
            }
        } catch (RuntimeException e) {
            lost(c, e);
        }
    }

    @Override
    public long remainingPauseNanos() {
        Connected c = shared;
        if (c == null || down.get()) {
            return fallback == null ? 0 : fallback.remainingPauseNanos();
        }
        return pauses.cached().remainingPause(server(c, clock.nanoTime()));
    }

    @Override
    public BudgetStats stats() {
        Connected c = shared;
        long pausedNanos = c == null ? 0 : pauses.cached().pausedTotal(server(c, clock.nanoTime()));
        return new BudgetStats(granted.sum(), cancelled.sum(), pauseCount.sum(), pausedNanos, waited.sum());
    }

    /** Permits that came from the local share while Redis was gone. */
    public long localPermits() {
        return localPermits.sum();
    }

    /** Redis commands this budget has sent (each one round trip). */
    public long roundTrips() {
        Connected c = shared;
        return c == null ? 0 : c.store().roundTrips();
    }

    /** One line for the end of a test: permits, where they came from, and the Redis cost. */
    public String report() {
        long all = granted.sum();
        long local = localPermits.sum();
        long fromRedis = all - local;
        long trips = roundTrips();
        return String.format(java.util.Locale.ROOT,
                "%d permits (%d from Redis, %d from the local share), %d Redis round trips (%.3f per Redis permit),"
                        + " %d reserved slots dropped unused, %d handed back at the end",
                all, fromRedis, local, trips, fromRedis == 0 ? 0.0 : (double) trips / fromRedis, droppedSlots.sum(), leased.size());
    }

    @Override
    public void close() {
        Connected c = shared;
        shared = null;
        if (c != null) {
            int unused = leased.size();
            leased.clear();
            if (unused > 0 && !down.get()) {
                try {
                    c.bucket().addTokens(unused); // slots reserved ahead that no thread took
                } catch (RuntimeException ignored) {
                    // Redis gone at the end: the bucket refills on its own
                }
            }
            c.store().close();
        }
    }

    @Override
    public String toString() {
        return "RedisBudget " + spec + " via " + settings;
    }
}
