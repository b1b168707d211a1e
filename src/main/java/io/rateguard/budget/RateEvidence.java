package io.rateguard.budget;

import java.time.Duration;

/**
 * What one response told about the server's limit, for an adaptive budget: refused for rate,
 * clear, or clear with a limit the server stated (requests per window).
 */
public record RateEvidence(Kind kind, long announcedRequests, Duration announcedWindow) {

    public enum Kind { RATE_LIMITED, CLEAR, ANNOUNCED }

    public static final RateEvidence RATE_LIMITED = new RateEvidence(Kind.RATE_LIMITED, 0, null);
    public static final RateEvidence CLEAR = new RateEvidence(Kind.CLEAR, 0, null);

    /**
     * The server stated its limit. {@code window} may be null when it gave none (GitHub's
     * x-ratelimit-limit): the budget's own period is then the window.
     */
    public static RateEvidence announced(long requests, Duration window) {
        if (requests <= 0) {
            throw new IllegalArgumentException("announced requests must be positive: " + requests);
        }
        return new RateEvidence(Kind.ANNOUNCED, requests, window);
    }
}
