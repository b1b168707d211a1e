package io.rateguard.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns a Retry-After header value into a wait (RFC 9110 section 10.2.3).
 *
 * <p>The value is delay-seconds or an HTTP-date. The parser never throws on server input: a
 * hostile or broken value is "unusable" and the caller falls back to its next hint. Every usable
 * wait is clamped to the configured cap, so a server (or an overflowing number) can never park a
 * load-test thread for hours.
 */
public final class RetryAfter {

    /** The header name, in its canonical spelling (matching is case-insensitive). */
    public static final String HEADER = "Retry-After";

    static final String EMPTY = "empty value";
    static final String NEGATIVE = "negative delay";
    static final String NOT_A_WAIT = "neither delay-seconds nor an HTTP-date in GMT";

    private RetryAfter() {
    }

    /** As {@link #parse(String, Instant, Duration)}, with "now" in epoch milliseconds. */
    public static WaitHint parse(String value, long nowEpochMillis, Duration cap) {
        return parse(value, Instant.ofEpochMilli(nowEpochMillis), cap);
    }

    /**
     * The wait asked for by {@code value}, measured from {@code now} for a date, clamped to
     * {@code cap}.
     *
     * @param value the header value as received; surrounding whitespace is ignored
     * @param now   the time the response was received
     * @param cap   the longest wait the caller accepts; must not be negative
     */
    public static WaitHint parse(String value, Instant now, Duration cap) {
        Objects.requireNonNull(now, "now");
        requireValidCap(cap);
        if (value == null || value.trim().isEmpty()) {
            return WaitHint.unusable(EMPTY);
        }
        String text = value.trim();

        OptionalLong millis = DelaySeconds.toMillis(text);
        if (millis.isPresent()) {
            return WaitHint.bounded(millis.getAsLong(), cap);
        }
        if (text.startsWith("-") && DelaySeconds.toMillis(text.substring(1)).isPresent()) {
            return WaitHint.unusable(NEGATIVE);
        }
        Optional<Instant> date = HttpDate.parse(text, now);
        if (date.isPresent()) {
            // A date in the past means the server would already accept us: retry at once.
            return WaitHint.bounded(Duration.between(now, date.get()), cap);
        }
        return WaitHint.unusable(NOT_A_WAIT);
    }

    static Duration requireValidCap(Duration cap) {
        Objects.requireNonNull(cap, "cap");
        if (cap.isNegative()) {
            throw new IllegalArgumentException("cap must not be negative: " + cap);
        }
        return cap;
    }
}
