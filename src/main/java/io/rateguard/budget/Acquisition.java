package io.rateguard.budget;

/**
 * What one permit request cost: whether it was granted, how long the caller waited in all,
 * how much of that wait fell inside pauses (a server's Retry-After), and how late the grant came
 * after the moment the schedule had the permit due (sleep overshoot and scheduling lag; pauses
 * move the due moment, so they are not lateness). The due moment is what a benchmark needs to
 * tell pacing error apart from intended throttling. {@code grantNumber} is the grant's place in
 * the budget's grant log (-1 when it keeps none), for {@link Budget#holdBeforeSending}.
 */
public record Acquisition(boolean granted, long waitedNanos, long pausedNanos, long lateNanos, long grantNumber) {

    public Acquisition(boolean granted, long waitedNanos, long pausedNanos) {
        this(granted, waitedNanos, pausedNanos, 0, -1);
    }

    public static Acquisition grantedAfter(long waitedNanos, long pausedNanos) {
        return new Acquisition(true, waitedNanos, pausedNanos);
    }

    public static Acquisition cancelledAfter(long waitedNanos, long pausedNanos) {
        return new Acquisition(false, waitedNanos, pausedNanos);
    }

    public long waitedMillis() {
        return waitedNanos / 1_000_000L;
    }

    public long pausedMillis() {
        return pausedNanos / 1_000_000L;
    }

    /** The wall-clock moment the permit was due: {@code grantedAtMillis} less the lateness. */
    public long dueEpochMillis(long grantedAtMillis) {
        return grantedAtMillis - lateNanos / 1_000_000L;
    }
}
