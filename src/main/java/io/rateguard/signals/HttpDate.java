package io.rateguard.signals;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an RFC 9110 HTTP-date in its three forms: IMF-fixdate
 * ({@code Sun, 06 Nov 1994 08:49:37 GMT}), the obsolete RFC 850 form
 * ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and the obsolete asctime form
 * ({@code Sun Nov  6 08:49:37 1994}).
 *
 * <p>Hand-written rather than built on {@code DateTimeFormatter}: the JDK's RFC 1123 formatter also
 * accepts numeric offsets ({@code +0200}), which HTTP-date forbids, and its two-digit-year handling
 * is a fixed base year, while RFC 9110 resolves RFC 850 years relative to "now".
 *
 * <p>Only GMT is accepted (asctime has no zone and is GMT by definition): a date in any other zone
 * is not an HTTP-date, and guessing the offset of {@code PST} would be wrong half the year.
 * Robustness where RFC 9110 encourages it: names in any letter case, runs of spaces between
 * tokens, a one-digit day, a four-digit year in the RFC 850 form. The day name must be a real day
 * name but is not checked against the date: the numeric date is what the server meant.
 */
public final class HttpDate {

    private static final String TIME = "([0-9]{2}):([0-9]{2}):([0-9]{2})";

    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "([A-Za-z]{3}), +([0-9]{1,2}) +([A-Za-z]{3}) +([0-9]{4}) +" + TIME + " +GMT",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RFC_850 = Pattern.compile(
            "([A-Za-z]{3,9}), +([0-9]{1,2})-([A-Za-z]{3})-([0-9]{2}|[0-9]{4}) +" + TIME + " +GMT",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASCTIME = Pattern.compile(
            "([A-Za-z]{3}) +([A-Za-z]{3}) +([0-9]{1,2}) +" + TIME + " +([0-9]{4})");

    private static final Set<String> DAY_NAMES = Set.of(
            "mon", "tue", "wed", "thu", "fri", "sat", "sun",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private HttpDate() {
    }

    /**
     * The instant named by {@code text} (already trimmed), or empty if it is not an HTTP-date.
     * {@code now} is only used to place the two-digit year of an RFC 850 date.
     */
    public static Optional<Instant> parse(String text, Instant now) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = IMF_FIXDATE.matcher(text);
        if (m.matches()) {
            return build(m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4)),
                    m.group(5), m.group(6), m.group(7));
        }
        m = RFC_850.matcher(text);
        if (m.matches()) {
            String yearText = m.group(4);
            int year = yearText.length() == 2
                    ? resolveTwoDigitYear(Integer.parseInt(yearText), now)
                    : Integer.parseInt(yearText);
            return build(m.group(1), m.group(2), m.group(3), year, m.group(5), m.group(6), m.group(7));
        }
        m = ASCTIME.matcher(text);
        if (m.matches()) {
            return build(m.group(1), m.group(3), m.group(2), Integer.parseInt(m.group(7)),
                    m.group(4), m.group(5), m.group(6));
        }
        return Optional.empty();
    }

    /**
     * RFC 9110 section 5.6.7: a two-digit year that appears to be more than 50 years in the future
     * is the most recent past year with those digits. Symmetrically, a year 50 or more years in
     * the past is taken to be in the next century, so the window follows "now" forever.
     */
    static int resolveTwoDigitYear(int twoDigits, Instant now) {
        int nowYear = now.atOffset(ZoneOffset.UTC).getYear();
        int year = nowYear - Math.floorMod(nowYear, 100) + twoDigits;
        if (year > nowYear + 50) {
            return year - 100;
        }
        if (year <= nowYear - 50) {
            return year + 100;
        }
        return year;
    }

    private static Optional<Instant> build(String dayName, String day, String month, int year,
                                           String hour, String minute, String second) {
        Integer monthNumber = MONTHS.get(month.toLowerCase(Locale.ROOT));
        if (monthNumber == null || !DAY_NAMES.contains(dayName.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        int h = Integer.parseInt(hour);
        int min = Integer.parseInt(minute);
        int s = Integer.parseInt(second);
        // 60 is a leap second in the RFC grammar; LocalDateTime rejects it, so it is added below.
        if (h > 23 || min > 59 || s > 60) {
            return Optional.empty();
        }
        try {
            LocalDateTime start = LocalDateTime.of(year, monthNumber, Integer.parseInt(day), h, min);
            return Optional.of(start.plusSeconds(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException noSuchDay) { // e.g. 31 Feb
            return Optional.empty();
        }
    }
}
