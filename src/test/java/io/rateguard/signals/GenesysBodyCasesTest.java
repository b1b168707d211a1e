package io.rateguard.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of cases/genesys-429-bodies.tsv, through the body reader and the interpreter. */
class GenesysBodyCasesTest {

    private static final Duration CAP = Duration.ofMinutes(10);

    static Stream<Arguments> rows() {
        return CaseTable.rows("genesys-429-bodies.tsv", 3).stream()
                .map(r -> Arguments.of(r[0], r[1], r[2]));
    }

    @ParameterizedTest(name = "[{index}] {2} -> {1}")
    @MethodSource("rows")
    void bodyYieldsTheExpectedHint(String body, String expected, String why) {
        WaitHint hint = GenesysErrorBody.parse(body).waitHint(CAP);
        assertEquals(expectedWait(expected), hint.duration().orElse(null), why);
        assertFalse(hint.isCapped(), why);
    }

    @ParameterizedTest(name = "[{index}] {2} -> {1}")
    @MethodSource("rows")
    void a429WithoutRetryAfterFallsBackToTheBody(String body, String expected, String why) {
        RateLimitVerdict verdict = new RateLimitSignals(CAP, false)
                .interpret(429, ResponseHeaders.empty(), body, Instant.EPOCH);

        assertEquals(expectedWait(expected), verdict.waitDuration().orElse(null), why);
        assertEquals("none".equals(expected) ? WaitSource.NONE : WaitSource.GENESYS_BODY,
                verdict.source(), why);
        assertFalse(verdict.isHintMalformed(), why); // a body without a hint is not malformed
    }

    private static Duration expectedWait(String expected) {
        return "none".equals(expected) ? null : Duration.ofMillis(Long.parseLong(expected));
    }
}
