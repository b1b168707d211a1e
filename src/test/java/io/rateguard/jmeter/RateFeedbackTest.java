package io.rateguard.jmeter;

import io.rateguard.budget.AdaptiveBudget;
import io.rateguard.budget.Budget;
import io.rateguard.budget.BudgetSpec;
import io.rateguard.budget.LocalBudget;
import io.rateguard.signals.RateLimitSignals;
import io.rateguard.signals.RateLimitVerdict;
import io.rateguard.signals.ResponseHeaders;
import org.apache.jmeter.util.JMeterUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RateFeedbackTest {

    private static final RateLimitSignals SIGNALS = new RateLimitSignals(Duration.ofSeconds(120), false);
    private static final String OLD_IVR_BODY = "{\"message\":\"Rate limit exceeded the maximum [100] requests within"
            + " [60] seconds\",\"code\":\"too.many.requests\",\"status\":429}";

    @BeforeAll
    static void jmeterProperties(@TempDir Path dir) throws IOException {
        Path props = Files.writeString(dir.resolve("jmeter.properties"), "");
        JMeterUtils.loadJMeterProperties(props.toString());
    }

    private static RateLimitVerdict verdict(int status, String headers, String body) {
        return SIGNALS.interpret(status, ResponseHeaders.parse("HTTP/1.1 " + status + " X\n" + headers), body, Instant.now());
    }

    @Test
    void a429NamingTheIvrLimitPausesOnlyTheIvrBucket() {
        Budget token = new LocalBudget(BudgetSpec.paced("token", 300, Duration.ofSeconds(60)));
        Budget ivr = new LocalBudget(BudgetSpec.paced("ivr-put", 100, Duration.ofSeconds(60)));
        List<Budget> both = List.of(ivr, token);
        assertEquals(List.of(ivr), RateFeedback.targetsOf(both, verdict(429, "Retry-After: 7\n", OLD_IVR_BODY)));
        assertEquals(both, RateFeedback.targetsOf(both, verdict(429, "Retry-After: 7\n", "")));
    }

    @Test
    void anAdaptiveBucketPublishesEachNewRate() {
        AdaptiveBudget guess = new AdaptiveBudget(BudgetSpec.paced("guess", 40, Duration.ofSeconds(2)));
        RateFeedback.publishRate(guess);
        assertEquals("20.000", JMeterUtils.getProperty("rateguard.guess.rate"));
        RateFeedback.rateLimited(List.of(guess), Duration.ofMillis(1));
        assertEquals("10.000", JMeterUtils.getProperty("rateguard.guess.rate"));
        RateFeedback.answered(List.of(guess), verdict(200, "RateLimit-Policy: \"p\";q=30;w=2\nRateLimit: \"p\";r=29;t=2\n", null));
        assertEquals("15.000", JMeterUtils.getProperty("rateguard.guess.rate"));
    }

    @Test
    void aUsedUpQuotaPausesTheRequestsBuckets() {
        Budget token = new LocalBudget(BudgetSpec.paced("t", 10, Duration.ofSeconds(1)));
        RateFeedback.answered(List.of(token), verdict(200, "RateLimit-Remaining: 0\nRateLimit-Reset: 30\n", null));
        assertTrue(token.remainingPauseNanos() > Duration.ofSeconds(29).toNanos());
    }
}
