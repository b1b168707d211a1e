package io.rateguard.jmeter;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Reads the string fields of RateGuard elements (strings, so {@code ${var}} and
 * {@code ${__P(name,default)}} work in every one) and turns a bad value into a message that names
 * the element, the field and the value.
 */
final class FieldParser {

    private final String elementKind;
    private final String elementName;

    FieldParser(String elementKind, String elementName) {
        this.elementKind = elementKind;
        this.elementName = elementName;
    }

    String text(String field, String value, String fallback) {
        String v = given(field, value);
        return v == null ? fallback : v;
    }

    long wholeNumber(String field, String value, long fallback, long min) {
        String v = given(field, value);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw bad(field, v, "is not a whole number");
        }
        if (n < min) {
            throw bad(field, v, "must be at least " + min);
        }
        return n;
    }

    /** Seconds, fractions allowed ("0.5"), as a Duration. */
    Duration seconds(String field, String value, Duration fallback, boolean zeroAllowed) {
        String v = given(field, value);
        if (v == null) {
            return fallback;
        }
        BigDecimal s;
        try {
            s = new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw bad(field, v, "is not a number of seconds");
        }
        if (s.signum() < 0 || (!zeroAllowed && s.signum() == 0)) {
            throw bad(field, v, zeroAllowed ? "must not be negative" : "must be more than 0 seconds");
        }
        if (s.compareTo(BigDecimal.valueOf(365L * 24 * 3600)) > 0) {
            throw bad(field, v, "is more than a year");
        }
        return Duration.ofNanos(s.movePointRight(9).longValue());
    }

    boolean flag(String field, String value, boolean fallback) {
        String v = given(field, value);
        if (v == null) {
            return fallback;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw bad(field, v, "is not true or false");
    }

    IllegalArgumentException bad(String field, String value, String why) {
        return new IllegalArgumentException(elementKind + " '" + elementName + "': " + field + " '" + value + "' " + why);
    }

    /** The trimmed value, or null when empty (the field's default applies). */
    private String given(String field, String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return null;
        }
        // JMeter leaves an unknown ${var} as it is: say so instead of "not a number"
        if (v.contains("${")) {
            throw bad(field, v, "has an unresolved variable or function (is the property or variable defined?)");
        }
        return v;
    }
}
