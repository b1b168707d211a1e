package io.rateguard.jmeter;

import io.rateguard.budget.BudgetSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class RateGuardBucketTest {

    private static RateGuardBucket bucket(String name, String limit, String period, String burst, String initial) {
        RateGuardBucket b = new RateGuardBucket();
        b.setName("Token budget");
        b.setBucketName(name);
        b.setLimit(limit);
        b.setPeriod(period);
        b.setBurst(burst);
        b.setInitialTokens(initial);
        return b;
    }

    @Test
    void fieldsBecomeASpec() {
        assertEquals(new BudgetSpec("writes", 100, Duration.ofSeconds(60), 2, 0),
                bucket("writes", "100", " 60 ", "2", "0").toSpec());
        assertEquals(Duration.ofMillis(500), bucket("x", "10", "0.5", "1", "1").toSpec().period());
    }

    @Test
    void emptyFieldsTakeTheDefaults() {
        assertEquals(new BudgetSpec("default", 300, Duration.ofSeconds(60), 1, 1), bucket("", "", "", "", "").toSpec());
    }

    private static String error(RateGuardBucket b) {
        return assertThrows(IllegalArgumentException.class, b::toSpec).getMessage();
    }

    @Test
    void eachBadValueIsNamedWithTheElement() {
        assertEquals("RateGuard Bucket 'Token budget': limit 'abc' is not a whole number",
                error(bucket("d", "abc", "60", "1", "1")));
        assertEquals("RateGuard Bucket 'Token budget': limit '0' must be at least 1",
                error(bucket("d", "0", "60", "1", "1")));
        assertEquals("RateGuard Bucket 'Token budget': period (seconds) '-1' must be more than 0 seconds",
                error(bucket("d", "300", "-1", "1", "1")));
        assertEquals("RateGuard Bucket 'Token budget': period (seconds) 'soon' is not a number of seconds",
                error(bucket("d", "300", "soon", "1", "1")));
        assertEquals("RateGuard Bucket 'Token budget': initial tokens '5' must not exceed the burst capacity 2",
                error(bucket("d", "300", "60", "2", "5")));
        assertEquals("RateGuard Bucket 'Token budget': limit '${__P(missing)}' has an unresolved variable or function"
                        + " (is the property or variable defined?)",
                error(bucket("d", "${__P(missing)}", "60", "1", "1")));
    }
}
