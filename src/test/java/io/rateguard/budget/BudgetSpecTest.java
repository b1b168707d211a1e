package io.rateguard.budget;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class BudgetSpecTest {

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void rejectsEachBadValueWithTheBucketNameAndTheValue() {
        Duration minute = Duration.ofMinutes(1);
        assertTrue(error(() -> new BudgetSpec("x", 0, minute, 1, 1)).contains("'x': limit must be at least 1, was 0"));
        assertTrue(error(() -> new BudgetSpec("x", 1, Duration.ZERO, 1, 1)).contains("period must be positive"));
        assertTrue(error(() -> new BudgetSpec("x", 1, minute, 0, 0)).contains("burst capacity must be at least 1, was 0"));
        assertTrue(error(() -> new BudgetSpec("x", 1, minute, 2, 3)).contains("initial tokens must be between 0 and the burst capacity 2, was 3"));
        assertTrue(error(() -> new BudgetSpec(" ", 1, minute, 1, 1)).contains("name must not be empty"));
        assertTrue(error(() -> new BudgetSpec("x", Long.MAX_VALUE, minute, 1, 1))
                .contains("is more than one request per nanosecond"));
        assertTrue(error(() -> new BudgetSpec("x", 300, Duration.ofNanos(100), 1, 1))
                .contains("'x': 300 per 100 ns is more than one request per nanosecond"));
    }

    @Test
    void everyValidSpecMakesABucket() {
        // the spec, not Bucket4j, is where a bad budget is refused
        new LocalBudget(new BudgetSpec("x", 1_000_000_000L, Duration.ofSeconds(1), 1_000_000, 0));
        new LocalBudget(new BudgetSpec("y", 1, Duration.ofDays(365), 1, 1));
    }

    @Test
    void genesysTokenLimitIsFivePerSecond() {
        assertEquals(5.0, BudgetSpec.paced("t", 300, Duration.ofMinutes(1)).ratePerSecond(), 1e-9);
    }
}
