package io.rateguard.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the "reset" numbers of the rate-limit header families. The IETF fields and
 * {@code RateLimit-Reset} carry delay-seconds; GitHub's {@code x-ratelimit-reset} and X's
 * {@code x-rate-limit-reset} carry a Unix time in seconds. Some other APIs send delay-seconds
 * under the X- names, so a vendor value below {@link #EPOCH_THRESHOLD} (September 2001) is taken
 * as delay-seconds: no real reset lies that far in the past, and no real delay is 31 years long.
 */
final class ResetValue {

    static final long EPOCH_THRESHOLD = 1_000_000_000L;

    static final String NOT_SECONDS = "not a whole number of seconds";

    private ResetValue() {
    }

    /** Delay-seconds (fractions accepted, like Retry-After), capped; empty when malformed. */
    static Optional<WaitHint> delaySeconds(String value, Duration cap) {
        if (value == null) {
            return Optional.empty();
        }
        OptionalLong millis = DelaySeconds.toMillis(value.trim());
        return millis.isPresent() ? Optional.of(WaitHint.bounded(millis.getAsLong(), cap)) : Optional.empty();
    }

    /** Epoch seconds (or delay-seconds when small, see the class comment), capped; empty when malformed. */
    static Optional<WaitHint> epochOrDelaySeconds(String value, Instant now, Duration cap) {
        OptionalLong seconds = wholeNumber(value);
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        long s = seconds.getAsLong();
        if (s < EPOCH_THRESHOLD) {
            return Optional.of(WaitHint.bounded(Duration.ofSeconds(s), cap));
        }
        // a reset in the past means quota is already back: wait 0, never negative
        long untilMillis = s * 1000L - now.toEpochMilli(); // s < 10^18: no overflow
        return Optional.of(WaitHint.bounded(untilMillis, cap));
    }

    /** A non-negative whole number of at most 18 digits (always fits a long); empty otherwise. */
    static OptionalLong wholeNumber(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        String v = value.trim();
        if (v.isEmpty() || v.length() > 18) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(v));
    }
}
