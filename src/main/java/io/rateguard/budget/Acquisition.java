package io.rateguard.budget;

/**
 * What one permit request cost: whether it was granted, how long the caller waited in all,
 * and how much of that wait fell inside pauses (a server's Retry-After).
 */
public record Acquisition(boolean granted, long waitedNanos, long pausedNanos) {

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
}
