package io.rateguard.budget;

import java.time.Duration;
import java.util.Optional;

/**
 * Finds a sustainable rate when the server's limit is unknown: multiplicative decrease on a 429,
 * additive increase while clear, and direct adoption of a limit the server announces. Pure and
 * driven by the caller's nanosecond clock, so tests need no sleeps; thread-safe.
 *
 * <p>Plain AIMD keeps probing forever and so meets a 429 every cycle. This variant remembers
 * what it learnt: the <em>floor</em> is the highest rate that stayed clear for a whole probe
 * interval, the <em>ceiling</em> the lowest rate that met a 429. Without a ceiling it climbs by
 * a fixed step; with one it probes halfway between floor and ceiling (the additive step halves
 * each time); a 429 drops to the floor (or halves the rate when no floor is known yet). Once the
 * ceiling is within {@link #CONVERGED_GAP} of the floor it settles a little below the floor and
 * stops probing, so a converged run sends no more 429s.
 *
 * <p>A probe interval is two of the budget's periods: when the period is at least the server's
 * window, a rate held that long covers at least one whole server window, so "clear" means clear.
 * It starts with the first answer after a change and needs answers for at least
 * {@link #RATE_USED} of what the rate allows: a rate nobody used is not known to be clear.
 * A 429 at a rate believed clear moves the floor 6 % below that rate and the search goes on.
 * 429s within one period of any decrease (a 429's, or settling's) answer requests sent at the
 * old, higher rate and are not counted again.
 */
public final class AdaptiveRate {

    /** A 429 without a known floor halves the rate. */
    static final double DECREASE_FACTOR = 0.5;
    /** Ceiling within 3 % of the floor: the limit is found. */
    static final double CONVERGED_GAP = 0.03;
    /**
     * The settled rate stays 2 % below the floor: a probe can pass a rate a request above the
     * limit, and sending jitter must not cross it. With the 3 % gap this keeps the settled rate
     * between 0.95 and 1 x the limit.
     */
    static final double SETTLE_MARGIN = 0.02;
    /** Without a ceiling, each clear interval adds half the initial guess. */
    static final double STEP_OF_INITIAL = 0.5;

    private final double initial;
    private final double min;
    private final double max;
    private final long periodNanos;

    private double current;
    private double floor;                       // 0: none known
    private double ceiling = Double.POSITIVE_INFINITY;
    private boolean settled;
    private boolean announced;
    private long clearSince;   // first clear answer since the last change
    private long clearCount;   // clear answers since the last change
    private boolean decreased;
    private long lastDecrease;

    /**
     * @param initialPerSecond the configured guess
     * @param period           the budget's period: probes last two of them
     */
    public AdaptiveRate(double initialPerSecond, Duration period) {
        if (!(initialPerSecond > 0) || Double.isInfinite(initialPerSecond)) {
            throw new IllegalArgumentException("initial rate must be positive: " + initialPerSecond);
        }
        this.initial = initialPerSecond;
        this.periodNanos = Math.max(1, period.toNanos());
        // never below one request per period (the budget must keep probing), never absurdly high
        this.min = Math.min(initialPerSecond, 1e9 / periodNanos);
        this.max = initialPerSecond * 1000;
        this.current = initialPerSecond;
    }

    /** Answers needed, as a share of what the rate allows in two periods, before it counts as clear. */
    static final double RATE_USED = 0.8;

    public synchronized double ratePerSecond() {
        return current;
    }

    /** True once the limit is found (or announced) and the rate no longer probes upward. */
    public synchronized boolean isSettled() {
        return settled;
    }

    /** A response was refused for rate (429, or 403 with remaining 0). */
    public synchronized Optional<RateChange> onRateLimited(long now) {
        if (announced || (decreased && now - lastDecrease < periodNanos)) {
            return Optional.empty(); // the server's own number stands; or an echo of the last decrease
        }
        double from = current;
        ceiling = Math.min(ceiling, current);
        String why;
        if (floor >= ceiling) {
            // A rate believed clear met a 429. A probe can pass a rate a request or two above the
            // limit when the windows it spanned happened to align (and the limit may have been
            // lowered): the floor is moved below this rate and the search goes on from there.
            floor = ceiling * (1 - 2 * CONVERGED_GAP);
            settled = false;
            current = floor;
            why = "429 at " + fmt(from) + "/s, a rate that had been clear; lowering the floor to " + fmt(floor) + "/s";
        } else if (settled || (floor > 0 && ceiling <= floor * (1 + CONVERGED_GAP))) {
            settled = true;
            current = floor * (1 - SETTLE_MARGIN);
            why = "429 at " + fmt(from) + "/s; limit found between " + fmt(floor) + " and " + fmt(ceiling) + "/s";
        } else if (floor > 0) {
            current = floor;
            why = "429 at " + fmt(from) + "/s; back to the highest clear rate";
        } else {
            current = from * DECREASE_FACTOR;
            why = "429 at " + fmt(from) + "/s; halving";
        }
        current = clamp(current);
        decreased = true;
        lastDecrease = now;
        changed(now);
        return Optional.of(new RateChange(from, current, why));
    }

    /** A response that was not refused; raises the rate once it has held a whole probe interval. */
    public synchronized Optional<RateChange> onClear(long now) {
        if (announced || settled) {
            return Optional.empty();
        }
        if (clearCount++ == 0) {
            clearSince = now;
        }
        // the rate counts as clear only once traffic actually ran at it for two periods: time
        // alone would call a rate clear that nobody used (JMeter still starting, too few threads)
        if (now - clearSince < 2 * periodNanos || clearCount < RATE_USED * current * 2 * periodNanos / 1e9) {
            return Optional.empty();
        }
        double from = current;
        floor = Math.max(floor, current);
        changed(now);
        if (ceiling <= floor * (1 + CONVERGED_GAP)) {
            settled = true;
            current = clamp(floor * (1 - SETTLE_MARGIN));
            // settling lowers the rate: a 429 in the next period answers the window sent at the
            // probe's rate, not the settled one
            decreased = true;
            lastDecrease = now;
            return Optional.of(new RateChange(from, current, "limit found between " + fmt(floor) + " and "
                    + fmt(ceiling) + "/s"));
        }
        current = clamp(Double.isInfinite(ceiling) ? current + initial * STEP_OF_INITIAL : (floor + ceiling) / 2);
        return current == from ? Optional.empty()
                : Optional.of(new RateChange(from, current, "clear for " + fmtSeconds(2 * periodNanos) + "; probing"));
    }

    /** The server stated its limit: adopt it and stop guessing. */
    public synchronized Optional<RateChange> onAnnounced(double perSecond, long now) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            return Optional.empty();
        }
        double from = current;
        boolean same = announced && Math.abs(perSecond - current) <= current * 0.005;
        announced = true;
        settled = true;
        floor = perSecond;
        ceiling = perSecond;
        changed(now);
        if (same) {
            return Optional.empty();
        }
        current = perSecond; // the server's own number: no clamp to the guess's range
        return Optional.of(new RateChange(from, current, "the server announced " + fmt(perSecond) + "/s"));
    }

    private void changed(long now) {
        clearCount = 0; // the next probe interval starts with the next clear answer
    }

    private double clamp(double rate) {
        return Math.max(min, Math.min(max, rate));
    }

    private static String fmt(double rate) {
        return String.format(java.util.Locale.ROOT, "%.3f", rate);
    }

    private static String fmtSeconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
