package io.rateguard.signals;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts RFC 9110 delay-seconds to milliseconds. Shared by the Retry-After header and the
 * Genesys body ("Retry the request in [N] seconds"), which carry the same kind of number.
 *
 * <p>Beyond the RFC grammar ({@code 1*DIGIT}) it accepts a fractional part, because real servers
 * send {@code Retry-After: 2.5}. Only ASCII digits are accepted; signs, exponents and inner
 * spaces are not delay-seconds.
 */
final class DelaySeconds {

    private static final Pattern SHAPE = Pattern.compile("([0-9]+)(?:\\.([0-9]+))?");

    private DelaySeconds() {
    }

    /**
     * The value in milliseconds; empty when the text is not delay-seconds. A well-formed value too
     * large for a long yields {@code Long.MAX_VALUE}: the caller clamps it to its cap, so the
     * overflow can neither wrap to a small or negative wait nor throw.
     */
    static OptionalLong toMillis(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            // Only digits reach parseLong, so NumberFormatException here means "too many digits".
            long seconds = Long.parseLong(m.group(1));
            long millis = Math.multiplyExact(seconds, 1000L);
            return OptionalLong.of(Math.addExact(millis, fractionMillisRoundedUp(m.group(2))));
        } catch (NumberFormatException | ArithmeticException overflow) {
            return OptionalLong.of(Long.MAX_VALUE);
        }
    }

    /**
     * Millis of the fractional part, rounded up: waiting a fraction of a millisecond longer than
     * asked is harmless, retrying a little early may earn another 429.
     */
    private static long fractionMillisRoundedUp(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String firstThree = (fraction + "00").substring(0, 3);
        long millis = Long.parseLong(firstThree);
        for (int i = 3; i < fraction.length(); i++) {
            if (fraction.charAt(i) != '0') {
                return millis + 1;
            }
        }
        return millis;
    }
}
