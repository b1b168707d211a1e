package io.rateguard.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of cases/retry-after.tsv, through the parser and through the interpreter. */
class RetryAfterCasesTest {

    private static final Duration CAP = Duration.ofMinutes(10);
    /** For delay-seconds rows, whose "now" column is empty: any instant will do. */
    private static final Instant ANY_NOW = Instant.parse("2024-05-01T12:00:00Z");

    static Stream<Arguments> rows() {
        return CaseTable.rows("retry-after.tsv", 4).stream()
                .map(r -> Arguments.of(r[0], r[1], r[2], r[3]));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {2} ({3})")
    @MethodSource("rows")
    void parserDerivesTheExpectedWait(String value, String now, String expected, String why) {
        WaitHint hint = RetryAfter.parse(value, nowOf(now), CAP);
        assertExpected(expected, hint.duration().orElse(null), hint.isCapped(), why);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {2} ({3})")
    @MethodSource("rows")
    void interpreterDerivesTheSameWaitFromA429(String value, String now, String expected, String why) {
        RateLimitVerdict verdict = new RateLimitSignals(CAP, false).interpret(429,
                ResponseHeaders.of(Map.of("Retry-After", List.of(value))), "", nowOf(now));

        assertTrue(verdict.isRateLimited());
        assertExpected(expected, verdict.waitDuration().orElse(null), verdict.isCapped(), why);
        if ("none".equals(expected)) {
            assertEquals(WaitSource.NONE, verdict.source(), why);
            assertTrue(verdict.isHintMalformed(), why);
        } else {
            assertEquals(WaitSource.RETRY_AFTER, verdict.source(), why);
            assertFalse(verdict.isHintMalformed(), why);
        }
    }

    private static void assertExpected(String expected, Duration wait, boolean capped, String why) {
        switch (expected) {
            case "none":
                assertEquals(null, wait, why);
                break;
            case "cap":
                assertEquals(CAP, wait, why);
                assertTrue(capped, why);
                break;
            default:
                assertEquals(Duration.ofMillis(Long.parseLong(expected)), wait, why);
                assertFalse(capped, why);
        }
    }

    /** Parsed with the JDK's formatter, independently of the code under test. */
    private static Instant nowOf(String column) {
        if (column.isEmpty()) {
            return ANY_NOW;
        }
        return ZonedDateTime.parse(column, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}
