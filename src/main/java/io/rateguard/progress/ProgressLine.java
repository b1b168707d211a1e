package io.rateguard.progress;

import java.util.Locale;

/**
 * One bucket's line of the periodic progress log, shaped like JMeter's summariser lines
 * ({@code summary +} for the last interval, {@code summary =} for the run) so the two read together:
 *
 * <pre>
 * rateguard +    50 in 00:00:05 =   10.0/s of   10.0/s [default] 429s:     2 pauses:    1 (   3.0 s paused)
 * rateguard =   300 in 00:00:30 =   10.0/s of   10.0/s [default] 429s:     5 pauses:    2 (   6.0 s paused)
 * </pre>
 */
public final class ProgressLine {

    private ProgressLine() {
    }

    /** The figures of the last interval ({@code delta}) of a bucket, {@code +} line. */
    public static String interval(String bucket, double limitPerSecond, BucketFigures delta, long elapsedNanos) {
        return format('+', bucket, limitPerSecond, delta, elapsedNanos);
    }

    /** The figures of the whole run so far, {@code =} line. */
    public static String total(String bucket, double limitPerSecond, BucketFigures total, long elapsedNanos) {
        return format('=', bucket, limitPerSecond, total, elapsedNanos);
    }

    private static String format(char kind, String bucket, double limitPerSecond, BucketFigures f, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        return String.format(Locale.ROOT, "rateguard %c %6d in %s = %s/s of %s/s [%s] 429s: %5d pauses: %4d (%6.1f s paused)",
                kind, f.granted(), clock(elapsedNanos), rate(f.granted() / seconds), rate(limitPerSecond), bucket,
                f.rateLimited(), f.pauses(), f.pausedNanos() / 1e9);
    }

    /** One decimal like the summariser, more for slow budgets (1 a minute is 0.017/s, not 0.0/s). */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond > 0 && perSecond < 1 ? "%6.3f" : "%6.1f", perSecond);
    }

    /** hh:mm:ss as the summariser prints durations. */
    static String clock(long nanos) {
        long s = Math.round(nanos / 1e9);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
