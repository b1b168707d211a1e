package io.rateguard.jmeter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimitedAnswersTest {

    @Test
    void countsPerBucketWithinARunAndStartsAgainForTheNextRun() {
        RateLimitedAnswers.record(1_000, "default");
        RateLimitedAnswers.record(1_000, "default");
        RateLimitedAnswers.record(1_000, "ivr-writes");
        assertEquals(2, RateLimitedAnswers.count(1_000, "default"));
        assertEquals(1, RateLimitedAnswers.count(1_000, "ivr-writes"));
        assertEquals(0, RateLimitedAnswers.count(1_000, "unused"));

        RateLimitedAnswers.record(2_000, "default");
        assertEquals(1, RateLimitedAnswers.count(2_000, "default"));
        assertEquals(0, RateLimitedAnswers.count(1_000, "default"), "an earlier run's figures are gone");
    }
}
