package io.rateguard.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Each header family with values real servers send (docs/genesys-rate-limits.md, "Other APIs'
 * rate-limit headers"), and the precedence between them.
 */
class RateLimitHeaderFamiliesTest {

    private static final Duration CAP = Duration.ofSeconds(120);
    /** 2023-11-14T22:13:20Z: GitHub's and X's resets below are measured from here. */
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final RateLimitSignals SIGNALS = new RateLimitSignals(CAP, false);

    private static ResponseHeaders raw(String status, String lines) {
        return ResponseHeaders.parse("HTTP/1.1 " + status + "\n" + lines);
    }

    // ---- IETF draft -08 onward: structured-field lists, several policies

    @Test
    void ietfPolicyAndRemainingOnASuccess() {
        RateLimitVerdict v = SIGNALS.interpret(200, raw("200 OK",
                "RateLimit-Policy: \"burst\";q=100;w=60,\"daily\";q=1000;w=86400\n"
                        + "RateLimit: \"burst\";r=50;t=30\n"), null, NOW);
        assertFalse(v.isRateLimited());
        assertEquals(2, v.quotas().size());
        QuotaReport burst = v.quotas().get(0);
        assertEquals("burst", burst.policy());
        assertEquals(OptionalLong.of(100), burst.limit());
        assertEquals(Optional.of(Duration.ofSeconds(60)), burst.window());
        assertEquals(OptionalLong.of(50), burst.remaining());
        assertEquals(Optional.of(Duration.ofSeconds(30)), burst.reset().flatMap(WaitHint::duration));
        assertFalse(burst.isExhausted());
        // the daily quota is the lower rate: 1000 a day binds a long run more than 100 a minute
        assertEquals(Optional.of(new AnnouncedLimit(1000, Duration.ofDays(1))), v.announcedLimit());
        assertEquals(Optional.empty(), v.preemptivePause());
        assertFalse(v.isHintMalformed());
    }

    @Test
    void ietfRemainingZeroPausesBeforeThe429() {
        RateLimitVerdict v = SIGNALS.interpret(200, raw("200 OK",
                "RateLimit-Policy: \"default\";q=100;w=60\nRateLimit: \"default\";r=0;t=17\n"), null, NOW);
        assertFalse(v.isRateLimited());
        assertEquals(Optional.of(Duration.ofSeconds(17)), v.preemptivePause());
        assertEquals(Optional.of(new AnnouncedLimit(100, Duration.ofSeconds(60))), v.announcedLimit());
        assertTrue(v.reason().contains("quota used up"), v.reason());
    }

    @Test
    void ietfTokenNamesOfDraft08AndByteQuotasAreSkipped() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("429 Too Many Requests",
                "RateLimit-Policy: bytes;q=65536;w=60;qu=\"content-bytes\", req;q=10;w=1\n"
                        + "RateLimit: req;r=0;t=2, bytes;r=0;t=50;qu=\"content-bytes\"\n"), "", NOW);
        assertEquals(WaitSource.IETF_RATELIMIT, v.source());
        assertEquals(Optional.of(Duration.ofSeconds(2)), v.waitDuration());
        assertEquals(Optional.of(new AnnouncedLimit(10, Duration.ofSeconds(1))), v.announcedLimit());
    }

    @Test
    void ietfRateLimitSplitOverTwoFieldLinesIsOneList() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("429 Too Many Requests",
                "RateLimit: \"a\";r=3;t=1\nRateLimit: \"b\";r=0;t=9\n"), "", NOW);
        assertEquals(Optional.of(Duration.ofSeconds(9)), v.waitDuration());
    }

    @Test
    void retryAfterTakesPrecedenceOverRateLimit() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("429 Too Many Requests",
                "Retry-After: 4\nRateLimit: \"default\";r=0;t=30\n"), "", NOW);
        assertEquals(WaitSource.RETRY_AFTER, v.source());
        assertEquals(Optional.of(Duration.ofSeconds(4)), v.waitDuration());
    }

    @Test
    void theGenesysBodyTakesPrecedenceOverHeaderResets() {
        String body = "{\"message\":\"Rate limit exceeded the maximum. Retry the request in [6] seconds\","
                + "\"code\":\"too.many.requests.retry.after\",\"status\":429}";
        RateLimitVerdict v = SIGNALS.interpret(429, raw("429 Too Many Requests",
                "RateLimit-Reset: 40\nRateLimit-Remaining: 0\n"), body, NOW);
        assertEquals(WaitSource.GENESYS_BODY, v.source());
        assertEquals(Optional.of(Duration.ofSeconds(6)), v.waitDuration());
    }

    @Test
    void malformedRateLimitIsWarnedAboutAndTheNextFamilyIsUsed() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("429 Too Many Requests",
                "RateLimit: \"default\";r=0;t=\n" + "RateLimit-Remaining: 0\nRateLimit-Reset: 12\n"), "", NOW);
        assertEquals(WaitSource.RATELIMIT_RESET, v.source());
        assertEquals(Optional.of(Duration.ofSeconds(12)), v.waitDuration());
        assertEquals(List.of(new MalformedHint("RateLimit", "\"default\";r=0;t=",
                "not a Structured-Field list of quotas")), v.malformedHints());
    }

    @Test
    void negativeRemainingOrResetIsMalformedNotAWait() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("429 Too Many Requests",
                "RateLimit: \"default\";r=0;t=-5\n"), "", NOW);
        assertEquals(WaitSource.NONE, v.source());
        assertEquals("t=-5", v.malformedHint().orElseThrow().value());
    }

    @Test
    void hugeResetIsCappedNeverWrapped() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("429 Too Many Requests",
                "RateLimit: \"default\";r=0;t=999999999999999\n"), "", NOW);
        assertEquals(Optional.of(CAP), v.waitDuration());
        assertTrue(v.isCapped());
    }

    // ---- IETF draft -07: one dictionary

    @Test
    void draft07Dictionary() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("429 Too Many Requests",
                "RateLimit: limit=100, remaining=0, reset=5\nRateLimit-Policy: 100;w=60\n"), "", NOW);
        assertEquals(WaitSource.IETF_RATELIMIT, v.source());
        assertEquals(Optional.of(Duration.ofSeconds(5)), v.waitDuration());
        assertEquals(Optional.of(new AnnouncedLimit(100, Duration.ofSeconds(60))), v.announcedLimit());
    }

    @Test
    void draft07WithoutAPolicyAnnouncesAQuotaWithoutAWindow() {
        RateLimitVerdict v = SIGNALS.interpret(200, raw("200 OK", "RateLimit: limit=10, remaining=1, reset=7\n"),
                null, NOW);
        assertEquals(Optional.empty(), v.announcedLimit());
        assertEquals(OptionalLong.of(10), v.announcedQuota());
        assertEquals(Optional.empty(), v.preemptivePause());
    }

    // ---- drafts up to -06: RateLimit-Limit / -Remaining / -Reset

    @Test
    void rateLimitLimitRemainingReset() {
        RateLimitVerdict v = SIGNALS.interpret(200, raw("200 OK",
                "RateLimit-Limit: 100, 100;w=60\nRateLimit-Remaining: 0\nRateLimit-Reset: 23\n"), null, NOW);
        assertEquals(Optional.of(Duration.ofSeconds(23)), v.preemptivePause());
        assertEquals(Optional.of(new AnnouncedLimit(100, Duration.ofSeconds(60))), v.announcedLimit());
    }

    @Test
    void rateLimitLimitAloneIsAQuota() {
        RateLimitVerdict v = SIGNALS.interpret(200, raw("200 OK",
                "RateLimit-Limit: 300\nRateLimit-Remaining: 299\nRateLimit-Reset: 59\n"), null, NOW);
        assertEquals(OptionalLong.of(300), v.announcedQuota());
        assertEquals(Optional.empty(), v.preemptivePause());
    }

    @Test
    void malformedLegacyValuesAreEachReported() {
        RateLimitVerdict v = SIGNALS.interpret(200, raw("200 OK",
                "RateLimit-Limit: lots\nRateLimit-Remaining: -1\nRateLimit-Reset: soon\n"), null, NOW);
        assertEquals(3, v.malformedHints().size(), v.malformedHints().toString());
        assertEquals(Optional.empty(), v.preemptivePause());
    }

    // ---- GitHub x-ratelimit-*: reset in Unix seconds, 403 with remaining 0 is rate limiting

    @Test
    void gitHub403WithRemainingZeroIsRateLimiting() {
        RateLimitVerdict v = SIGNALS.interpret(403, raw("403 Forbidden",
                "x-ratelimit-limit: 5000\nx-ratelimit-remaining: 0\nx-ratelimit-used: 5000\n"
                        + "x-ratelimit-reset: 1700000042\nx-ratelimit-resource: core\n"), "{\"message\":\"API rate limit exceeded\"}", NOW);
        assertTrue(v.isRateLimited());
        assertEquals(WaitSource.VENDOR_RESET, v.source());
        assertEquals(Optional.of(Duration.ofSeconds(42)), v.waitDuration());
        assertEquals(OptionalLong.of(5000), v.announcedQuota());
        assertEquals("core", v.quotas().get(0).policy());
    }

    @Test
    void gitHubSecondaryLimit403WithRetryAfter() {
        RateLimitVerdict v = SIGNALS.interpret(403, raw("403 Forbidden", "retry-after: 60\n"), "", NOW);
        assertTrue(v.isRateLimited());
        assertEquals(Optional.of(Duration.ofSeconds(60)), v.waitDuration());
    }

    @Test
    void aPlain403IsNotRateLimiting() {
        RateLimitVerdict v = SIGNALS.interpret(403, raw("403 Forbidden",
                "x-ratelimit-limit: 5000\nx-ratelimit-remaining: 4999\nx-ratelimit-reset: 1700000042\n"), "", NOW);
        assertFalse(v.isRateLimited());
    }

    @Test
    void gitHubResetInThePastMeansNoWait() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("429 Too Many Requests",
                "x-ratelimit-remaining: 0\nx-ratelimit-reset: 1699999000\n"), "", NOW);
        assertEquals(Optional.of(Duration.ZERO), v.waitDuration());
    }

    @Test
    void smallXRateLimitResetIsDelaySeconds() {
        RateLimitVerdict v = SIGNALS.interpret(429, raw("429 Too Many Requests",
                "X-RateLimit-Remaining: 0\nX-RateLimit-Reset: 8\n"), "", NOW);
        assertEquals(Optional.of(Duration.ofSeconds(8)), v.waitDuration());
    }

    // ---- X (Twitter) x-rate-limit-*

    @Test
    void xRateLimitHeaders() {
        RateLimitVerdict v = SIGNALS.interpret(200, raw("200 OK",
                "x-rate-limit-limit: 900\nx-rate-limit-remaining: 0\nx-rate-limit-reset: 1700000090\n"), null, NOW);
        assertEquals(Optional.of(Duration.ofSeconds(90)), v.preemptivePause());
        assertEquals(OptionalLong.of(900), v.announcedQuota());
    }

    @Test
    void thePreemptivePauseIsTheLongestUsedUpQuota() {
        RateLimitVerdict v = SIGNALS.interpret(200, raw("200 OK",
                "RateLimit: \"a\";r=0;t=3\nx-rate-limit-remaining: 0\nx-rate-limit-reset: 1700000010\n"), null, NOW);
        assertEquals(Optional.of(Duration.ofSeconds(10)), v.preemptivePause());
    }
}
