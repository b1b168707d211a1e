package io.rateguard.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Vendor headers that predate the IETF fields: GitHub's {@code x-ratelimit-limit / -remaining /
 * -used / -reset} and X's {@code x-rate-limit-limit / -remaining / -reset}. Reset is a Unix time
 * in seconds (see {@link ResetValue} for servers that send delay-seconds under these names). The
 * window is not stated: the limit is reported as a quota without one.
 */
final class VendorRateLimitHeaders {

    /** GitHub's spelling (and most X-RateLimit-* servers'). */
    static final String GITHUB_PREFIX = "x-ratelimit-";
    /** X's (Twitter's) spelling. */
    static final String X_PREFIX = "x-rate-limit-";

    private VendorRateLimitHeaders() {
    }

    static QuotaReading read(ResponseHeaders headers, Instant now, Duration cap) {
        QuotaReading.Builder out = new QuotaReading.Builder();
        readFamily(GITHUB_PREFIX, headers, now, cap, out);
        readFamily(X_PREFIX, headers, now, cap, out);
        return out.build();
    }

    private static void readFamily(String prefix, ResponseHeaders headers, Instant now, Duration cap,
                                   QuotaReading.Builder out) {
        Optional<String> limitText = headers.first(prefix + "limit");
        Optional<String> remainingText = headers.first(prefix + "remaining");
        Optional<String> resetText = headers.first(prefix + "reset");
        if (limitText.isEmpty() && remainingText.isEmpty() && resetText.isEmpty()) {
            return;
        }
        OptionalLong limit = number(prefix + "limit", limitText, out);
        OptionalLong remaining = number(prefix + "remaining", remainingText, out);
        Optional<WaitHint> reset = Optional.empty();
        if (resetText.isPresent()) {
            reset = ResetValue.epochOrDelaySeconds(resetText.get(), now, cap);
            if (reset.isEmpty()) {
                out.malformed(prefix + "reset", resetText.get(), "not Unix seconds");
            }
        }
        if (limit.isPresent() || remaining.isPresent() || reset.isPresent()) {
            out.report(new QuotaReport(WaitSource.VENDOR_RESET, prefix + "reset",
                    headers.first(prefix + "resource").orElse(""), limit, Optional.empty(), remaining, reset));
        }
    }

    private static OptionalLong number(String header, Optional<String> text, QuotaReading.Builder out) {
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong n = ResetValue.wholeNumber(text.get());
        if (n.isEmpty()) {
            out.malformed(header, text.get(), "not a whole number");
        }
        return n;
    }
}
