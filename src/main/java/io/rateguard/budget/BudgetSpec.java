package io.rateguard.budget;

import java.time.Duration;

/**
 * The definition of one named budget: {@code limit} requests per {@code period}, at most
 * {@code burst} sent back to back, {@code initialTokens} available at the start.
 * Values are checked here so every caller gets the same message.
 */
public record BudgetSpec(String name, long limit, Duration period, long burst, long initialTokens) {

    public BudgetSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("bucket name must not be empty");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("bucket '" + name + "': limit must be at least 1, was " + limit);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("bucket '" + name + "': period must be positive, was " + period);
        }
        if (limit > period.toNanos()) {
            // Bucket4j refills at most one token per nanosecond; say so here, in words
            throw new IllegalArgumentException("bucket '" + name + "': " + limit + " per " + period.toNanos()
                    + " ns is more than one request per nanosecond");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("bucket '" + name + "': burst capacity must be at least 1, was " + burst);
        }
        if (initialTokens < 0 || initialTokens > burst) {
            throw new IllegalArgumentException("bucket '" + name + "': initial tokens must be between 0 and the burst capacity "
                    + burst + ", was " + initialTokens);
        }
    }

    /** Evenly paced at the limit: no burst, one token ready at the start. */
    public static BudgetSpec paced(String name, long limit, Duration period) {
        return new BudgetSpec(name, limit, period, 1, 1);
    }

    /** Requests per second this spec allows in the long run. */
    public double ratePerSecond() {
        return limit * 1e9 / period.toNanos();
    }

    @Override
    public String toString() {
        return name + " (" + limit + " per " + period.toMillis() / 1000.0 + " s, burst " + burst
                + ", initial " + initialTokens + ")";
    }
}
