package io.rateguard.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Edges of Retry-After parsing beyond the shared case file. */
class RetryAfterTest {

    private static final Duration CAP = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.parse("1994-11-06T08:49:30Z");

    @Test
    void waitEqualToTheCapIsNotCapped() {
        WaitHint hint = RetryAfter.parse("60", NOW, CAP);
        assertEquals(Optional.of(CAP), hint.duration());
        assertFalse(hint.isCapped());
    }

    @Test
    void waitAboveTheCapIsTheCapAndSaysSo() {
        WaitHint hint = RetryAfter.parse("61", NOW, CAP);
        assertEquals(Optional.of(CAP), hint.duration());
        assertTrue(hint.isCapped());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "9223372036854775", "18446744073709551616.5",
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000100000000000000000000"})
    void hugeNumbersClampToTheCapWithoutWrapping(String value) {
        WaitHint hint = RetryAfter.parse(value, NOW, CAP);
        assertEquals(Optional.of(CAP), hint.duration());
        assertTrue(hint.isCapped());
    }

    @Test
    void leadingZerosAreStillDelaySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse("0007", NOW, CAP).duration());
    }

    @ParameterizedTest
    @CsvSource({"2.5, 2500", "0.001, 1", "0.0001, 1", "1.2300, 1230", "0.0, 0", "3.0004, 3001"})
    void fractionalSecondsRoundUpToTheMillisecond(String value, long expectedMillis) {
        assertEquals(Optional.of(Duration.ofMillis(expectedMillis)), RetryAfter.parse(value, NOW, CAP).duration());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+5", "5s", "1e3", "5 5", ".5", "5.", "0x10", "\u0665", "-0", "--5", "Infinity", "NaN"})
    void otherNumberShapesAreUnusable(String value) {
        WaitHint hint = RetryAfter.parse(value, NOW, CAP);
        assertFalse(hint.isUsable(), value);
        assertTrue(hint.problem().isPresent());
    }

    @Test
    void unusableNamesTheProblem() {
        assertEquals(Optional.of(RetryAfter.NEGATIVE), RetryAfter.parse("-5", NOW, CAP).problem());
        assertEquals(Optional.of(RetryAfter.EMPTY), RetryAfter.parse(null, NOW, CAP).problem());
        assertEquals(Optional.of(RetryAfter.EMPTY), RetryAfter.parse(" \t ", NOW, CAP).problem());
        assertEquals(Optional.of(RetryAfter.NOT_A_WAIT), RetryAfter.parse("soon", NOW, CAP).problem());
    }

    @Test
    void zeroIsUsableAndDistinctFromUnusable() {
        WaitHint zero = RetryAfter.parse("0", NOW, CAP);
        assertTrue(zero.isUsable());
        assertEquals(Optional.of(Duration.ZERO), zero.duration());
        assertFalse(RetryAfter.parse("x", NOW, CAP).isUsable());
    }

    @Test
    void dateIsMeasuredFromNowInEpochMillisToo() {
        long now = NOW.toEpochMilli() + 500;
        WaitHint hint = RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now, CAP);
        assertEquals(Optional.of(Duration.ofMillis(6500)), hint.duration());
    }

    @Test
    void farFutureDateIsCapped() {
        WaitHint hint = RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", NOW, CAP);
        assertEquals(Optional.of(CAP), hint.duration());
        assertTrue(hint.isCapped());
    }

    @Test
    void zeroCapAllowsOnlyZero() {
        WaitHint hint = RetryAfter.parse("5", NOW, Duration.ZERO);
        assertEquals(Optional.of(Duration.ZERO), hint.duration());
        assertTrue(hint.isCapped());
    }

    @Test
    void negativeCapIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> RetryAfter.parse("5", NOW, Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> RetryAfter.parse("5", NOW, null));
    }
}
