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
        return response(refusal, contextId, omitRetryAfter, legacyBody, RateLimitHeaderStyle.GENESYS, false);
    }

    /**
     * With another header family the body is a plain one that carries no wait (as GitHub's and
     * most APIs'), so the client has only the headers to go on; {@code as403} refuses with 403.
     */
    static SimResponse response(RateDecision refusal, String contextId, boolean omitRetryAfter, boolean legacyBody,
                                RateLimitHeaderStyle style, boolean as403) {
        int seconds = refusal.retryAfterSeconds();
        int status = as403 ? 403 : 429;
        if (style != RateLimitHeaderStyle.GENESYS) {
            SimResponse r = SimResponse.json(status, "{\"message\":\"API rate limit exceeded\"}");
            if (!omitRetryAfter) {
                r = r.withHeader("Retry-After", Integer.toString(seconds));
            }
            return r.withHeader("Content-Type", GenesysErrors.JSON);
        }
        String body = legacyBody
                ? GenesysErrors.body("Rate limit exceeded the maximum [" + refusal.limit() + "] requests within ["
                        + refusal.periodSeconds() + "] seconds", "too.many.requests", 429, contextId)
                : GenesysErrors.body("Rate limit exceeded the maximum. Retry the request in [" + seconds + "] seconds",
                        "too.many.requests.retry.after", 429, contextId);
        SimResponse r = SimResponse.json(status, body).withHeader(GenesysErrors.CORRELATION_HEADER, contextId);
        if (!omitRetryAfter) {
            r = r.withHeader("Retry-After", Integer.toString(seconds));
        }
        return r.withHeader("Cache-Control", CACHE_CONTROL)
                .withHeader("Content-Type", GenesysErrors.JSON);
    }
}
