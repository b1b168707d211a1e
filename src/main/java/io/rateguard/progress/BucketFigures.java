package io.rateguard.progress;

/**
 * Counters of one bucket at one moment: permits granted, rate-limited answers (429, or 503 when
 * treated so), pauses those answers started, and the time paused so far.
 */
public record BucketFigures(long granted, long rateLimited, long pauses, long pausedNanos) {

    public static final BucketFigures ZERO = new BucketFigures(0, 0, 0, 0);

    /** What happened between {@code earlier} and this moment. */
    public BucketFigures since(BucketFigures earlier) {
        return new BucketFigures(granted - earlier.granted, rateLimited - earlier.rateLimited,
                pauses - earlier.pauses, pausedNanos - earlier.pausedNanos);
    }
}
