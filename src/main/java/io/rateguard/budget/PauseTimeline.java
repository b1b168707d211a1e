package io.rateguard.budget;

/**
 * Immutable record of the pauses a budget has been through, on the real (monotonic) clock.
 * <p>
 * The budget paces on a <em>virtual</em> clock that stands still while a pause lasts:
 * {@code virtual(t) = t - paused(t)}. Every waiter's deadline is on that clock, so a pause holds
 * threads that were already waiting, and afterwards they resume with their original spacing
 * instead of all at once. Overlapping pauses last until the latest end, never the sum.
 */
public final class PauseTimeline {

    public static final PauseTimeline NONE = new PauseTimeline(0, 0, 0);

    /** Total length of pauses that ended before {@link #start}. */
    private final long pausedBefore;
    private final long start;
    private final long end;

    private PauseTimeline(long pausedBefore, long start, long end) {
        this.pausedBefore = pausedBefore;
        this.start = start;
        this.end = end;
    }

    /**
     * A timeline read back from a shared store (the Redis budget keeps these three numbers on the
     * server, on the server's clock).
     */
    public static PauseTimeline of(long pausedBefore, long start, long end) {
        if (pausedBefore == 0 && start == 0 && end == 0) {
            return NONE;
        }
        return new PauseTimeline(pausedBefore, start, end);
    }

    public long pausedBefore() {
        return pausedBefore;
    }

    public long start() {
        return start;
    }

    /** Nanoseconds spent paused up to real time {@code now}. */
    public long pausedTotal(long now) {
        if (now <= start) {
            return pausedBefore;
        }
        return pausedBefore + Math.min(now, end) - start;
    }

    public long virtual(long now) {
        return now - pausedTotal(now);
    }

    /** Real nanoseconds until the current pause ends, 0 when none is in force. */
    public long remainingPause(long now) {
        return Math.max(0, end - now);
    }

    /** Real time at which the latest pause ends (in the past when none is in force). */
    public long end() {
        return end;
    }

    boolean pausedAt(long now) {
        return now >= start && now < end;
    }

    /**
     * The timeline after a pause from {@code now} until {@code until}: {@code this} when the
     * current pause already lasts that long.
     */
    public PauseTimeline pausedUntil(long now, long until) {
        if (until <= end || until <= now) {
            return this;
        }
        if (now < end) {
            // still paused: extend the running pause
            return new PauseTimeline(pausedBefore, start, until);
        }
        return new PauseTimeline(pausedBefore + (end - start), now, until);
    }
}
