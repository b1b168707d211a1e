package io.rateguard.budget;

import java.time.Duration;
import java.util.Optional;

/**
 * A budget whose limit is unknown: it starts from the configured guess (the spec's limit per
 * period) and lets {@link AdaptiveRate} move it, applying each change to the Bucket4j bucket in
 * place. Pacing, pauses and waiting are the {@link LocalBudget}'s.
 */
public final class AdaptiveBudget implements Budget {

    private final LocalBudget local;
    private final AdaptiveRate rate;
    private final NanoClock clock;

    public AdaptiveBudget(BudgetSpec guess, NanoClock clock, Sleeper sleeper) {
        this.local = new LocalBudget(guess, clock, sleeper);
        this.clock = clock;
        this.rate = new AdaptiveRate(guess.ratePerSecond(), guess.period());
    }

    public AdaptiveBudget(BudgetSpec guess) {
        this(guess, NanoClock.system(), Sleeper.system());
    }

    @Override
    public BudgetSpec spec() {
        return local.spec();
    }

    @Override
    public Acquisition acquire(WaitGuard guard) {
        return local.acquire(guard);
    }

    @Override
    public void pause(Duration wait) {
        local.pause(wait);
    }

    @Override
    public long remainingPauseNanos() {
        return local.remainingPauseNanos();
    }

    @Override
    public BudgetStats stats() {
        return local.stats();
    }

    @Override
    public long nanosUntilAvailable() {
        return local.nanosUntilAvailable();
    }

    @Override
    public void giveBack() {
        local.giveBack();
    }

    @Override
    public double ratePerSecond() {
        return rate.ratePerSecond();
    }

    /** True once the rate stopped probing (limit found or announced). */
    public boolean isSettled() {
        return rate.isSettled();
    }

    @Override
    public synchronized Optional<RateChange> learn(RateEvidence evidence) {
        long now = clock.nanoTime();
        Optional<RateChange> change = switch (evidence.kind()) {
            case RATE_LIMITED -> rate.onRateLimited(now);
            case CLEAR -> rate.onClear(now);
            case ANNOUNCED -> {
                Duration window = evidence.announcedWindow() != null ? evidence.announcedWindow() : spec().period();
                yield rate.onAnnounced(evidence.announcedRequests() * 1e9 / window.toNanos(), now);
            }
        };
        // synchronized: the bucket must end at the rate of the last decision, not of a racing earlier one
        change.ifPresent(c -> local.changeRate(c.toPerSecond()));
        return change;
    }
}
