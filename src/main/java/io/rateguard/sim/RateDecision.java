package io.rateguard.sim;

/**
 * Outcome of a quota check. A refusal carries the Retry-After to send and the binding window's
 * limit and period, which the legacy 429 body quotes ("maximum [300] requests within [60] seconds").
 */
record RateDecision(boolean allowed, int retryAfterSeconds, int limit, int periodSeconds) {

    static final RateDecision ALLOWED = new RateDecision(true, 0, 0, 0);

    static RateDecision refused(int retryAfterSeconds, int limit, int periodSeconds) {
        return new RateDecision(false, retryAfterSeconds, limit, periodSeconds);
    }

    /** Whole seconds until quota returns: rounded up (a client waiting less would be refused again), at least 1. */
    static int retryAfterSeconds(long nanosUntilReset) {
        long seconds = (nanosUntilReset + 999_999_999L) / 1_000_000_000L;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds));
    }
}
