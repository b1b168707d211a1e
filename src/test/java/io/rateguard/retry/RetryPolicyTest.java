package io.rateguard.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class RetryPolicyTest {

    private static final String WHY = "429 Too Many Requests, Retry-After: 2 (2000 ms)";
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(3));

    @Test
    void retriesWithTheServersWaitWhileWithinLimits() {
        RetryDecision d = policy.decide(1, Duration.ZERO, Duration.ofSeconds(2), WHY);
        assertTrue(d.retry());
        assertEquals(Duration.ofSeconds(2), d.delay());
    }

    @Test
    void givesUpWhenRetriesRunOutAndSaysHowManyAttemptsAndWhy() {
        RetryDecision d = policy.decide(4, Duration.ofSeconds(6), Duration.ofSeconds(2), WHY);
        assertFalse(d.retry());
        assertEquals("gave up after 4 attempts: " + WHY + "; the maximum of 3 retries is reached", d.failure());
    }

    @Test
    void givesUpWhenTheWaitWouldPassTheTotalWaitLimit() {
        RetryDecision d = policy.decide(2, Duration.ofSeconds(9), Duration.ofSeconds(2), WHY);
        assertFalse(d.retry());
        assertEquals("gave up after 2 attempts: " + WHY
                + "; waiting 2 s more would exceed the maximum total wait of 10 s (9 s waited)", d.failure());
    }

    @Test
    void zeroRetriesFailsOnTheFirstRateLimitedAnswer() {
        RetryDecision d = new RetryPolicy(0, Duration.ofSeconds(10), Duration.ofSeconds(3))
                .decide(1, Duration.ZERO, Duration.ZERO, WHY);
        assertFalse(d.retry());
        assertTrue(d.failure().startsWith("gave up after 1 attempt: "));
    }

    @Test
    void rejectsNegativeSettings() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ofSeconds(-1), Duration.ZERO));
    }

    @Test
    void oneRetryIsSingular() {
        RetryDecision d = new RetryPolicy(1, Duration.ofSeconds(10), Duration.ofSeconds(3))
                .decide(2, Duration.ZERO, Duration.ZERO, WHY);
        assertEquals("gave up after 2 attempts: " + WHY + "; the maximum of 1 retry is reached", d.failure());
    }
}
