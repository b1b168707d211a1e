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
import java.util.concurrent.atomic.AtomicBoolean;
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
        if (down.get() && !recovered()) {
            return local(guard);
        }
        Connected c = shared;
        if (c == null) {
            return local(guard); // closed at test end
        }
        long started = clock.nanoTime();
        long waitVirtual;
        PauseTimeline atStart = pauses.cached();
        try {
            waitVirtual = c.bucket().consumeIgnoringRateLimits(1);
        } catch (RuntimeException e) {
            lost(c, e);
            return local(guard);
        }
        long pausedAtStart = atStart.pausedTotal(server(c, started));
        // read after reserving: the deadline can only come out late by nanoseconds, never early
        long deadline = pauses.cached().virtual(server(c, clock.nanoTime())) + waitVirtual;
        while (true) {
            PauseTimeline current = currentPause(c);
            long now = clock.nanoTime();
            long at = server(c, now);
            long remaining = Math.max(0, deadline - current.virtual(at)) + current.remainingPause(at);
            if (remaining <= 0) {
                return finish(true, started, now, current.pausedTotal(at) - pausedAtStart);
            }
            if (!guard.keepWaiting()) {
                giveBack(c);
                return finish(false, started, now, current.pausedTotal(at) - pausedAtStart);
            }
            try {
                sleeper.sleepNanos(Math.min(remaining, SLICE_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                giveBack(c);
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
        Acquisition a = fallback.acquire(guard);
        waited.add(a.waitedNanos());
        (a.granted() ? granted : cancelled).increment();
        if (a.granted()) {
            localPermits.increment();
        }
        return a;
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

    private void giveBack(Connected c) {
        try {
            c.bucket().addTokens(1);
        } catch (RuntimeException e) {
            lost(c, e);
        }
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

    @Override
    public void close() {
        Connected c = shared;
        shared = null;
        if (c != null) {
            c.store().close();
        }
    }

    @Override
    public String toString() {
        return "RedisBudget " + spec + " via " + settings;
    }
}
