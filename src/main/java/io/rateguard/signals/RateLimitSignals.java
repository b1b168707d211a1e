package io.rateguard.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a response for rate-limit signals; the HTTP sampler asks it after every response.
 *
 * <p>Precedence: a usable Retry-After wins (it is the standard signal, and Genesys always sends
 * it on normalized 429s); otherwise the Genesys body's "Retry the request in [N] seconds";
 * otherwise the reset of a used-up quota from the IETF RateLimit fields, then RateLimit-Reset,
 * then GitHub's / X's reset; otherwise no hint and the caller applies its default. A malformed
 * value is reported (so the caller can warn) and falls through to the next hint. On any other
 * response a used-up quota with a reset yields a pre-emptive pause, and announced limits are
 * exposed for adaptive budgets (see docs/signals.md). Immutable and thread-safe: one instance can
 * serve all sampler threads.
 */
public final class RateLimitSignals {

    static final int TOO_MANY_REQUESTS = 429;
    static final int SERVICE_UNAVAILABLE = 503;
    static final int FORBIDDEN = 403;
    private static final int MAX_VALUE_IN_REASON = 80;

    private final Duration maxWait;
    private final boolean serviceUnavailableIsRateLimit;

    /**
     * @param maxWait                        the longest wait any hint may impose (the cap)
     * @param serviceUnavailableIsRateLimit  whether 503 counts as rate limiting; some gateways
     *                                       shed load with 503 + Retry-After, others mean an outage
     */
    public RateLimitSignals(Duration maxWait, boolean serviceUnavailableIsRateLimit) {
        this.maxWait = RetryAfter.requireValidCap(maxWait);
        this.serviceUnavailableIsRateLimit = serviceUnavailableIsRateLimit;
    }

    /**
     * Loads and initialises the whole interpretation path (Jackson, the date parsers, the
     * patterns) by reading one normalized Genesys 429. Call it once before load starts: cold, the
     * first 429 of a run takes ~100 ms to read, and a pause must start the moment a 429 arrives,
     * not after other threads have sent into the window.
     */
    public static void prepare() {
        ResponseHeaders headers = ResponseHeaders.parse("HTTP/1.1 429 Too Many Requests\n"
                + "Retry-After: 1\nInin-RateLimit-Reset: 1\nContent-Type: application/json\n");
        String body = "{\"message\":\"Rate limit exceeded the maximum. Retry the request in [1] seconds\","
                + "\"code\":\"too.many.requests.retry.after\",\"status\":429}";
        RateLimitSignals signals = new RateLimitSignals(Duration.ofSeconds(1), false);
        signals.interpret(TOO_MANY_REQUESTS, headers, body, Instant.now());
        signals.interpret(TOO_MANY_REQUESTS, ResponseHeaders.parse("Retry-After: Sun, 06 Nov 1994 08:49:37 GMT"),
                body, Instant.now());
        signals.interpret(200, ResponseHeaders.parse("RateLimit-Policy: \"p\";q=1;w=1\nRateLimit: \"p\";r=0;t=1\n"
                + "RateLimit-Limit: 1\nRateLimit-Remaining: 0\nRateLimit-Reset: 1\nx-ratelimit-limit: 1\n"
                + "x-ratelimit-remaining: 0\nx-ratelimit-reset: 1\n"), null, Instant.now());
    }

    public Duration maxWait() {
        return maxWait;
    }

    public boolean serviceUnavailableIsRateLimit() {
        return serviceUnavailableIsRateLimit;
    }

    /** True for the status codes this configuration treats as rate limiting. */
    public boolean isRateLimitStatus(int statusCode) {
        return statusCode == TOO_MANY_REQUESTS
                || (statusCode == SERVICE_UNAVAILABLE && serviceUnavailableIsRateLimit);
    }

    /**
     * Interprets one response.
     *
     * @param statusCode the HTTP status
     * @param headers    the response headers; null means none
     * @param body       the response body as text; null means empty (only read when rate limited)
     * @param now        when the response was received (for HTTP-dates and Unix-time resets)
     */
    public RateLimitVerdict interpret(int statusCode, ResponseHeaders headers, String body, Instant now) {
        Objects.requireNonNull(now, "now");
        ResponseHeaders h = headers == null ? ResponseHeaders.empty() : headers;
        IninRateLimitHeaders legacy = IninRateLimitHeaders.from(h);
        List<MalformedHint> malformed = new ArrayList<>();
        List<QuotaReport> quotas = new ArrayList<>();
        for (QuotaReading reading : List.of(IetfRateLimitFields.read(h, maxWait),
                LegacyRateLimitHeaders.read(h, maxWait), VendorRateLimitHeaders.read(h, now, maxWait))) {
            quotas.addAll(reading.reports());
            malformed.addAll(reading.malformed());
        }
        String status = statusText(statusCode);
        boolean exhausted = quotas.stream().anyMatch(QuotaReport::isExhausted);
        RetryAfterReading retryAfter = readRetryAfter(h.all(RetryAfter.HEADER), now);
        boolean rateLimited = isRateLimitStatus(statusCode)
                // GitHub answers a used-up quota with 403 (remaining 0) and its secondary limits
                // with 403 + Retry-After; any other 403 is a real "forbidden"
                || (statusCode == FORBIDDEN && (exhausted || retryAfter.usable != null));
        AnnouncedLimit limit = lowestAnnounced(quotas);
        Long quota = limit == null ? firstQuota(quotas) : null;

        if (!rateLimited) {
            StringBuilder reason = new StringBuilder(status);
            reason.append(statusCode == SERVICE_UNAVAILABLE
                    ? ", not treated as rate limiting (503 handling is off)"
                    : ", not rate limiting");
            Duration pause = null;
            QuotaReport longest = longestExhausted(quotas);
            if (longest != null) {
                pause = longest.resetOrZero();
                reason.append(", quota used up: ").append(longest).append(", pausing ").append(pause.toMillis())
                        .append(" ms");
            }
            return new RateLimitVerdict(statusCode, false, null, WaitSource.NONE, malformed, limit, quota, legacy,
                    quotas, pause, reason.toString());
        }

        StringBuilder reason = new StringBuilder(status);
        if (retryAfter.malformed != null) {
            malformed.add(0, retryAfter.malformed);
        }
        GenesysErrorBody errorBody = GenesysErrorBody.parse(body);
        if (limit == null && errorBody.announcedLimit().isPresent()) {
            limit = errorBody.announcedLimit().get();
            quota = null;
        }

        WaitHint wait = null;
        WaitSource source = WaitSource.NONE;
        if (retryAfter.usable != null) {
            wait = retryAfter.usable;
            source = WaitSource.RETRY_AFTER;
            reason.append(", Retry-After: ").append(Printable.clip(retryAfter.usableValue, MAX_VALUE_IN_REASON))
                    .append(' ').append(describe(wait));
        } else if (retryAfter.malformed != null) {
            reason.append(", Retry-After: ")
                    .append(Printable.clip(retryAfter.malformed.value(), MAX_VALUE_IN_REASON))
                    .append(" unusable (").append(retryAfter.malformed.problem()).append(')');
        }
        if (wait == null) {
            WaitHint bodyWait = errorBody.waitHint(maxWait);
            if (bodyWait.isUsable()) {
                wait = bodyWait;
                source = WaitSource.GENESYS_BODY;
                reason.append(", body: Retry the request in [")
                        .append(errorBody.retrySecondsText().orElse("?"))
                        .append("] seconds ").append(describe(wait));
            }
        }
        if (wait == null) {
            QuotaReport fromHeaders = resetOfRateLimit(quotas);
            if (fromHeaders != null) {
                wait = fromHeaders.reset().orElseThrow();
                source = fromHeaders.family();
                reason.append(", ").append(fromHeaders).append(' ').append(describe(wait));
            } else {
                reason.append(", no wait hint");
            }
        }
        if (limit != null) {
            reason.append(", announced limit: ").append(limit);
        }
        return new RateLimitVerdict(statusCode, true, wait, source, malformed, limit, quota, legacy, quotas,
                null, reason.toString());
    }

    /**
     * The header quota whose reset is the wait of a rate-limited response: the first family in
     * precedence order (IETF, RateLimit-Reset, vendor) with an exhausted quota, its longest reset;
     * failing that, the longest reset any family stated.
     */
    private static QuotaReport resetOfRateLimit(List<QuotaReport> quotas) {
        for (WaitSource family : List.of(WaitSource.IETF_RATELIMIT, WaitSource.RATELIMIT_RESET,
                WaitSource.VENDOR_RESET)) {
            QuotaReport best = null;
            for (QuotaReport q : quotas) {
                if (q.family() == family && q.isExhausted()
                        && (best == null || q.resetOrZero().compareTo(best.resetOrZero()) > 0)) {
                    best = q;
                }
            }
            if (best != null) {
                return best;
            }
        }
        QuotaReport best = null;
        for (QuotaReport q : quotas) {
            if (q.reset().isPresent() && (best == null || q.resetOrZero().compareTo(best.resetOrZero()) > 0)) {
                best = q;
            }
        }
        return best;
    }

    /** Of the quotas used up, the one that returns last: holding until then satisfies all of them. */
    private static QuotaReport longestExhausted(List<QuotaReport> quotas) {
        QuotaReport best = null;
        for (QuotaReport q : quotas) {
            if (q.isExhausted() && (best == null || q.resetOrZero().compareTo(best.resetOrZero()) > 0)) {
                best = q;
            }
        }
        return best == null || best.resetOrZero().isZero() ? null : best;
    }

    /** Of several announced limits (IETF policies), the lowest rate binds. */
    private static AnnouncedLimit lowestAnnounced(List<QuotaReport> quotas) {
        AnnouncedLimit lowest = null;
        for (QuotaReport q : quotas) {
            Optional<AnnouncedLimit> a = q.announcedLimit();
            if (a.isPresent() && (lowest == null || ratePerNano(a.get()) < ratePerNano(lowest))) {
                lowest = a.get();
            }
        }
        return lowest;
    }

    private static double ratePerNano(AnnouncedLimit a) {
        return (double) a.requests() / a.period().toNanos();
    }

    private static Long firstQuota(List<QuotaReport> quotas) {
        for (QuotaReport q : quotas) {
            if (q.limit().isPresent() && q.limit().getAsLong() > 0) {
                return q.limit().getAsLong();
            }
        }
        return null;
    }

    /**
     * Retry-After is a singleton field, but proxies occasionally add a second one. Of several
     * usable values the longest wins: waiting longer never earns another 429. Only when none is
     * usable is the hint malformed.
     */
    private RetryAfterReading readRetryAfter(List<String> values, Instant now) {
        RetryAfterReading reading = new RetryAfterReading();
        for (String value : values) {
            WaitHint hint = RetryAfter.parse(value, now, maxWait);
            if (hint.isUsable()) {
                if (reading.usable == null || hint.duration().get().compareTo(reading.usable.duration().get()) > 0) {
                    reading.usable = hint;
                    reading.usableValue = value.trim();
                }
            } else if (reading.malformed == null) {
                reading.malformed = new MalformedHint(RetryAfter.HEADER, value.trim(), hint.problem().orElse("unusable"));
            }
        }
        if (reading.usable != null) {
            reading.malformed = null;
        }
        return reading;
    }

    private static String describe(WaitHint wait) {
        long millis = wait.duration().orElseThrow().toMillis();
        return wait.isCapped() ? "(capped to " + millis + " ms)" : "(" + millis + " ms)";
    }

    private static String statusText(int statusCode) {
        switch (statusCode) {
            case TOO_MANY_REQUESTS:
                return "429 Too Many Requests";
            case SERVICE_UNAVAILABLE:
                return "503 Service Unavailable";
            default:
                return Integer.toString(statusCode);
        }
    }

    /** The outcome of reading every Retry-After field of one response. */
    private static final class RetryAfterReading {
        WaitHint usable;
        String usableValue;
        MalformedHint malformed;
    }
}
