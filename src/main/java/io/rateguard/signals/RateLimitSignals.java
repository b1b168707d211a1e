package io.rateguard.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Reads a response for rate-limit signals; the HTTP sampler asks it after every response.
 *
 * <p>Precedence: a usable Retry-After wins (it is the standard signal, and Genesys always sends
 * it on normalized 429s); otherwise the Genesys body's "Retry the request in [N] seconds";
 * otherwise no hint and the caller applies its default. A malformed Retry-After is reported (so
 * the caller can warn) and falls through to the body. Immutable and thread-safe: one instance can
 * serve all sampler threads.
 */
public final class RateLimitSignals {

    static final int TOO_MANY_REQUESTS = 429;
    static final int SERVICE_UNAVAILABLE = 503;
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
     * @param body       the response body as text; null means empty
     * @param now        when the response was received (for HTTP-date Retry-After values)
     */
    public RateLimitVerdict interpret(int statusCode, ResponseHeaders headers, String body, Instant now) {
        Objects.requireNonNull(now, "now");
        ResponseHeaders h = headers == null ? ResponseHeaders.empty() : headers;
        IninRateLimitHeaders legacy = IninRateLimitHeaders.from(h);
        String status = statusText(statusCode);
        if (!isRateLimitStatus(statusCode)) {
            String why = statusCode == SERVICE_UNAVAILABLE
                    ? ", not treated as rate limiting (503 handling is off)"
                    : ", not rate limiting";
            return new RateLimitVerdict(statusCode, false, null, WaitSource.NONE, null, null, legacy,
                    status + why);
        }

        StringBuilder reason = new StringBuilder(status);
        RetryAfterReading retryAfter = readRetryAfter(h.all(RetryAfter.HEADER), now);
        GenesysErrorBody errorBody = GenesysErrorBody.parse(body);
        AnnouncedLimit limit = errorBody.announcedLimit().orElse(null);

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
            } else {
                reason.append(", no wait hint");
            }
        }
        if (limit != null) {
            reason.append(", announced limit: ").append(limit);
        }
        return new RateLimitVerdict(statusCode, true, wait, source, retryAfter.malformed, limit, legacy,
                reason.toString());
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
