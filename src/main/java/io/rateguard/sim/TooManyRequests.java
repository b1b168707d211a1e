package io.rateguard.sim;

/**
 * Builds the 429 exactly as docs/genesys-rate-limits.md shows it (header names, order and body),
 * with the two older variants a robust client must also survive: no Retry-After header, and
 * the pre-2021 body whose only hint is the limit and window.
 */
final class TooManyRequests {

    static final String CACHE_CONTROL = "no-cache, no-store, must-revalidate";

    private TooManyRequests() {
    }

    static SimResponse response(RateDecision refusal, String contextId, boolean omitRetryAfter, boolean legacyBody) {
        int seconds = refusal.retryAfterSeconds();
        String body = legacyBody
                ? GenesysErrors.body("Rate limit exceeded the maximum [" + refusal.limit() + "] requests within ["
                        + refusal.periodSeconds() + "] seconds", "too.many.requests", 429, contextId)
                : GenesysErrors.body("Rate limit exceeded the maximum. Retry the request in [" + seconds + "] seconds",
                        "too.many.requests.retry.after", 429, contextId);
        SimResponse r = SimResponse.json(429, body).withHeader(GenesysErrors.CORRELATION_HEADER, contextId);
        if (!omitRetryAfter) {
            r = r.withHeader("Retry-After", Integer.toString(seconds));
        }
        return r.withHeader("Cache-Control", CACHE_CONTROL)
                .withHeader("Content-Type", GenesysErrors.JSON);
    }
}
