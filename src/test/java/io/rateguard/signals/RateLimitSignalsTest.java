package io.rateguard.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitSignalsTest {

    private static final Duration CAP = Duration.ofSeconds(120);
    private static final Instant NOW = Instant.parse("1994-11-06T08:49:30Z");
    private static final RateLimitSignals SIGNALS = new RateLimitSignals(CAP, false);

    /** The normalized 429 from docs/genesys-rate-limits.md. */
    private static final String GENESYS_BODY_42 = "{\"message\":\"Rate limit exceeded the maximum. Retry the"
            + " request in [42] seconds\",\"code\":\"too.many.requests.retry.after\",\"status\":429,"
            + "\"contextId\":\"6f1c\",\"details\":[],\"errors\":[]}";
    private static final String OLD_BODY = "{\"message\":\"Rate limit exceeded the maximum [300] requests"
            + " within [60] seconds\",\"code\":\"too.many.requests\",\"status\":429}";

    private static ResponseHeaders raw(String lines) {
        return ResponseHeaders.parse("HTTP/1.1 429 Too Many Requests\n" + lines);
    }

    @Test
    void theGenesys429() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("ININ-Correlation-Id: 6f1c\nRetry-After: 42\n"
                + "Content-Type: application/json\n"), GENESYS_BODY_42, NOW);

        assertTrue(v.isRateLimited());
        assertEquals(429, v.statusCode());
        assertEquals(Optional.of(Duration.ofSeconds(42)), v.waitDuration());
        assertEquals(WaitSource.RETRY_AFTER, v.source());
        assertFalse(v.isCapped());
        assertFalse(v.isHintMalformed());
        assertEquals("429 Too Many Requests, Retry-After: 42 (42000 ms)", v.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Retry-After", "retry-after", "RETRY-AFTER", "Retry-after"})
    void headerNameCaseDoesNotMatter(String name) {
        RateLimitVerdict fromRaw = SIGNALS.interpret(429, raw(name + ": 9\n"), "", NOW);
        RateLimitVerdict fromMap = SIGNALS.interpret(429, ResponseHeaders.of(Map.of(name, List.of("9"))), "", NOW);

        for (RateLimitVerdict v : List.of(fromRaw, fromMap)) {
            assertEquals(Optional.of(Duration.ofSeconds(9)), v.waitDuration(), name);
            assertEquals(WaitSource.RETRY_AFTER, v.source(), name);
        }
    }

    @Test
    void retryAfterTakesPrecedenceOverTheBody() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("Retry-After: 5\n"), GENESYS_BODY_42, NOW);
        assertEquals(Optional.of(Duration.ofSeconds(5)), v.waitDuration());
        assertEquals(WaitSource.RETRY_AFTER, v.source());
    }

    @Test
    void retryAfterZeroStillTakesPrecedence() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("Retry-After: 0\n"), GENESYS_BODY_42, NOW);
        assertEquals(Optional.of(Duration.ZERO), v.waitDuration());
        assertEquals(WaitSource.RETRY_AFTER, v.source());
    }

    @Test
    void withoutRetryAfterTheBodyHintIsUsed() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("Content-Type: application/json\n"), GENESYS_BODY_42, NOW);
        assertEquals(Optional.of(Duration.ofSeconds(42)), v.waitDuration());
        assertEquals(WaitSource.GENESYS_BODY, v.source());
        assertFalse(v.isHintMalformed());
        assertEquals("429 Too Many Requests, body: Retry the request in [42] seconds (42000 ms)", v.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5", "Sun, 06 Nov 1994 08:49:37 PST", ""})
    void malformedRetryAfterFallsBackToTheBodyAndIsReported(String value) {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("Retry-After: " + value + "\n"), GENESYS_BODY_42, NOW);

        assertEquals(Optional.of(Duration.ofSeconds(42)), v.waitDuration());
        assertEquals(WaitSource.GENESYS_BODY, v.source());
        assertTrue(v.isHintMalformed());
        MalformedHint hint = v.malformedHint().orElseThrow();
        assertEquals("Retry-After", hint.source());
        assertEquals(value, hint.value());
        assertTrue(v.reason().startsWith("429 Too Many Requests, Retry-After: " + value + " unusable ("), v.reason());
        assertTrue(v.reason().endsWith(", body: Retry the request in [42] seconds (42000 ms)"), v.reason());
    }

    @Test
    void malformedRetryAfterAndNoBodyHintLeavesTheDefaultToTheCaller() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("Retry-After: soon\n"), "<html>busy</html>", NOW);

        assertTrue(v.isRateLimited());
        assertEquals(Optional.empty(), v.waitDuration());
        assertEquals(WaitSource.NONE, v.source());
        assertTrue(v.isHintMalformed());
        assertEquals(Duration.ofSeconds(3), v.waitOr(Duration.ofSeconds(3)));
        assertEquals("429 Too Many Requests, Retry-After: soon unusable ("
                + RetryAfter.NOT_A_WAIT + "), no wait hint", v.reason());
    }

    @Test
    void noHintAtAll() {
        RateLimitVerdict v = SIGNALS.interpret(429, ResponseHeaders.empty(), null, NOW);
        assertTrue(v.isRateLimited());
        assertEquals(WaitSource.NONE, v.source());
        assertFalse(v.isHintMalformed());
        assertEquals("429 Too Many Requests, no wait hint", v.reason());
    }

    @Test
    void oneUsableOfSeveralRetryAftersIsNotMalformedAndTheLongestWins() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("Retry-After: junk\nRetry-After: 4\nretry-after: 7\n"), "", NOW);
        assertEquals(Optional.of(Duration.ofSeconds(7)), v.waitDuration());
        assertFalse(v.isHintMalformed());
        assertEquals("429 Too Many Requests, Retry-After: 7 (7000 ms)", v.reason());
    }

    @Test
    void cappedWaitIsFlaggedAndExplained() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("Retry-After: 3600\n"), "", NOW);
        assertEquals(Optional.of(CAP), v.waitDuration());
        assertTrue(v.isCapped());
        assertEquals("429 Too Many Requests, Retry-After: 3600 (capped to 120000 ms)", v.reason());
    }

    @Test
    void httpDateRetryAfterIsMeasuredFromNow() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("Retry-After: Sun, 06 Nov 1994 08:49:37 GMT\n"), "", NOW);
        assertEquals(Optional.of(Duration.ofSeconds(7)), v.waitDuration());
    }

    @Test
    void serviceUnavailableCountsOnlyWhenEnabled() {
        ResponseHeaders headers = ResponseHeaders.parse("HTTP/1.1 503 Service Unavailable\nRetry-After: 8\n");

        RateLimitVerdict off = new RateLimitSignals(CAP, false).interpret(503, headers, "", NOW);
        assertFalse(off.isRateLimited());
        assertEquals(Optional.empty(), off.waitDuration());
        assertEquals(WaitSource.NONE, off.source());
        assertTrue(off.reason().startsWith("503 Service Unavailable, not treated as rate limiting"), off.reason());

        RateLimitVerdict on = new RateLimitSignals(CAP, true).interpret(503, headers, "", NOW);
        assertTrue(on.isRateLimited());
        assertEquals(Optional.of(Duration.ofSeconds(8)), on.waitDuration());
        assertEquals("503 Service Unavailable, Retry-After: 8 (8000 ms)", on.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 204, 400, 500, 502, 504})
    void otherStatusesAreNotRateLimitingEvenWithRetryAfter(int status) {
        RateLimitVerdict v = new RateLimitSignals(CAP, true).interpret(status, raw("Retry-After: 5\n"), GENESYS_BODY_42, NOW);
        assertFalse(v.isRateLimited());
        assertEquals(Optional.empty(), v.waitDuration());
        assertEquals(status + ", not rate limiting", v.reason());
    }

    @Test
    void olderBodyAnnouncesItsLimit() {
        RateLimitVerdict v = SIGNALS.interpret(429, ResponseHeaders.empty(), OLD_BODY, NOW);
        assertEquals(WaitSource.NONE, v.source());
        assertEquals(Optional.of(new AnnouncedLimit(300, Duration.ofSeconds(60))), v.announcedLimit());
        assertEquals("429 Too Many Requests, no wait hint, announced limit: 300 requests per 60 s", v.reason());
    }

    @Test
    void legacyIninHeadersAreExposedButNotUsedForTheWait() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("inin-ratelimit-allowed: 180\nININ-RateLimit-Count: 1\n"
                + "inin-ratelimit-reset: 61\n"), "", NOW);

        IninRateLimitHeaders legacy = v.legacyHeaders();
        assertTrue(legacy.isPresent());
        assertEquals(OptionalLong.of(180), legacy.allowed());
        assertEquals(OptionalLong.of(1), legacy.count());
        assertEquals(Optional.of(Duration.ofSeconds(61)), legacy.reset());
        assertEquals(WaitSource.NONE, v.source());
        assertEquals(Optional.empty(), v.waitDuration());
    }

    @Test
    void legacyHeadersAreReadOnEveryResponseAndToleratedWhenMalformed() {
        RateLimitVerdict ok = SIGNALS.interpret(200, ResponseHeaders.parse("HTTP/1.1 200 OK\n"
                + "inin-ratelimit-allowed: lots\ninin-ratelimit-count: 99999999999999999999\ninin-ratelimit-reset: 30\n"), "", NOW);
        assertEquals(OptionalLong.empty(), ok.legacyHeaders().allowed());
        assertEquals(OptionalLong.empty(), ok.legacyHeaders().count());
        assertEquals(Optional.of(Duration.ofSeconds(30)), ok.legacyHeaders().reset());
        assertFalse(SIGNALS.interpret(429, ResponseHeaders.empty(), "", NOW).legacyHeaders().isPresent());
    }

    @Test
    void reasonNeverCarriesControlCharactersOrHugeValues() {
        Map<String, List<String>> headers = Map.of("Retry-After", List.of("bad\u001b[31m" + "x".repeat(500)));
        RateLimitVerdict v = SIGNALS.interpret(429, ResponseHeaders.of(headers), "", NOW);
        assertFalse(v.reason().chars().anyMatch(Character::isISOControl), v.reason());
        assertTrue(v.reason().length() < 250, v.reason());
    }

    @Test
    void nullHeadersMeanNone() {
        assertEquals(WaitSource.NONE, SIGNALS.interpret(429, null, null, NOW).source());
    }

    @Test
    void invalidConfigurationIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimitSignals(Duration.ofSeconds(-1), false));
        assertThrows(NullPointerException.class, () -> new RateLimitSignals(null, false));
        assertThrows(NullPointerException.class, () -> SIGNALS.interpret(429, null, null, null));
    }
}
