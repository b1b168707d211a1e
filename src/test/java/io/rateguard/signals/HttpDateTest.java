package io.rateguard.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDateTest {

    private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");
    private static final Optional<Instant> EXAMPLE = Optional.of(Instant.parse("1994-11-06T08:49:37Z"));

    @ParameterizedTest
    @ValueSource(strings = {
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT",      // one-digit day
            "sun, 06 nov 1994 08:49:37 gmt",     // letter case
            "Sun,  06 Nov 1994  08:49:37 GMT",   // runs of spaces
            "Mon, 06 Nov 1994 08:49:37 GMT",     // wrong day name: the date still says when
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sunday, 06-Nov-1994 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun Nov 06 08:49:37 1994"})
    void acceptsTheThreeFormsRobustly(String text) {
        assertEquals(EXAMPLE, HttpDate.parse(text, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Sun, 06 Nov 1994 08:49:37 PST",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 08:49:37 +0000",
            "Sun, 06 Nov 1994 08:49:37",
            "Sun Nov  6 08:49:37 1994 GMT",
            "Xyz, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:60:00 GMT",
            "1994-11-06T08:49:37Z",
            ""})
    void rejectsEverythingElse(String text) {
        assertEquals(Optional.empty(), HttpDate.parse(text, NOW));
    }

    @Test
    void leapSecondIsTheNextSecond() {
        assertEquals(Optional.of(Instant.parse("1998-12-31T23:59:59Z").plusSeconds(1)),
                HttpDate.parse("Thu, 31 Dec 1998 23:59:60 GMT", NOW));
    }

    /** RFC 9110 5.6.7: a two-digit year more than 50 years ahead is in the past century. */
    @ParameterizedTest
    @CsvSource({"2025, 94, 1994", "2025, 75, 2075", "2025, 76, 1976", "2025, 25, 2025",
            "2090, 10, 2110", "1994, 94, 1994", "2049, 99, 2099", "2050, 99, 2099", "2051, 0, 2100"})
    void twoDigitYearsFollowNow(int nowYear, int twoDigits, int expected) {
        Instant now = Instant.parse(nowYear + "-06-15T00:00:00Z");
        assertEquals(expected, HttpDate.resolveTwoDigitYear(twoDigits, now));
    }
}
