package io.rateguard.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * When to retry a rate-limited request: at most {@code maxRetries} retries and at most
 * {@code maxTotalWait} spent waiting for them; {@code defaultWait} when the server gave no hint.
 * Pure logic, so every limit is unit-tested without JMeter or a clock.
 */
public record RetryPolicy(int maxRetries, Duration maxTotalWait, Duration defaultWait) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries must not be negative, was " + maxRetries);
        }
        Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        Objects.requireNonNull(defaultWait, "defaultWait");
        if (maxTotalWait.isNegative() || defaultWait.isNegative()) {
            throw new IllegalArgumentException("waits must not be negative");
        }
    }

    /** The Genesys SDK's numbers (5 retries, 3 s without a hint), with a 5 minute ceiling. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMinutes(5), Duration.ofSeconds(3));
    }

    /**
     * @param attempts   attempts made so far, the rate-limited one included (1 after the first)
     * @param waitedSoFar time already spent waiting to retry this request
     * @param wait       what the server asked for (or the default), already capped
     * @param reason     the response in words, e.g. "429 Too Many Requests, Retry-After: 42 (42000 ms)"
     */
    public RetryDecision decide(int attempts, Duration waitedSoFar, Duration wait, String reason) {
        int retries = attempts - 1;
        if (retries >= maxRetries) {
            return RetryDecision.giveUp("gave up after " + attempts(attempts) + ": " + reason
                    + "; the maximum of " + maxRetries + (maxRetries == 1 ? " retry" : " retries") + " is reached");
        }
        Duration total = waitedSoFar.plus(wait);
        if (total.compareTo(maxTotalWait) > 0) {
            return RetryDecision.giveUp("gave up after " + attempts(attempts) + ": " + reason + "; waiting "
                    + seconds(wait) + " more would exceed the maximum total wait of " + seconds(maxTotalWait)
                    + " (" + seconds(waitedSoFar) + " waited)");
        }
        return RetryDecision.retryAfter(wait);
    }

    /** "1 attempt", "3 attempts". */
    public static String attempts(int n) {
        return n == 1 ? "1 attempt" : n + " attempts";
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.3f s", ms / 1000.0);
    }
}
