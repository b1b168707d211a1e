package io.rateguard.sim;

/**
 * One fixed-window counter: at most {@code limit} requests per {@code period}, windows aligned
 * to an origin (the server's start) so their ends are predictable for tests and for clients.
 * Not thread-safe on its own: {@link TokenQuota} guards all windows of a token with one lock so
 * a check-then-consume over several windows is atomic.
 */
final class FixedWindow {

    private final int limit;
    private final long periodNanos;
    private final long originNanos;
    private long windowIndex = Long.MIN_VALUE;
    private int used;

    FixedWindow(int limit, long periodNanos, long originNanos) {
        if (limit < 1 || periodNanos < 1) {
            throw new IllegalArgumentException("limit and period must be positive");
        }
        this.limit = limit;
        this.periodNanos = periodNanos;
        this.originNanos = originNanos;
    }

    boolean hasRoom(long nowNanos) {
        roll(nowNanos);
        return used < limit;
    }

    void consume(long nowNanos) {
        roll(nowNanos);
        used++;
    }

    /** Requests already counted in the window containing {@code nowNanos}. */
    int used(long nowNanos) {
        roll(nowNanos);
        return used;
    }

    /** Time until the current window ends, i.e. until quota returns; always > 0. */
    long nanosUntilReset(long nowNanos) {
        long index = Math.floorDiv(nowNanos - originNanos, periodNanos);
        return originNanos + (index + 1) * periodNanos - nowNanos;
    }

    int limit() {
        return limit;
    }

    int periodSeconds() {
        return (int) (periodNanos / 1_000_000_000L);
    }

    private void roll(long nowNanos) {
        long index = Math.floorDiv(nowNanos - originNanos, periodNanos);
        if (index != windowIndex) {
            windowIndex = index;
            used = 0;
        }
    }
}
