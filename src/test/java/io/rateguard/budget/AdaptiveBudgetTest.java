package io.rateguard.budget;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AdaptiveBudgetTest {

    private final FakeTime time = new FakeTime();

    private List<Long> grantTimes(Budget b, int n) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            assertTrue(b.acquire(WaitGuard.ALWAYS).granted());
            times.add(time.millis());
        }
        return times;
    }

    @Test
    void aChangedRateChangesTheSpacingInPlace() {
        LocalBudget b = new LocalBudget(BudgetSpec.paced("b", 10, Duration.ofSeconds(1)), time, time);
        assertEquals(List.of(0L, 100L, 200L), grantTimes(b, 3));
        b.changeRate(4);
        List<Long> after = grantTimes(b, 3);
        assertEquals(250, after.get(2) - after.get(1));
        assertEquals(4.0, b.ratePerSecond());
        assertThrows(IllegalArgumentException.class, () -> b.changeRate(0));
    }

    @Test
    void a429HalvesThePacingAndAnAnnouncementIsAdopted() {
        AdaptiveBudget b = new AdaptiveBudget(BudgetSpec.paced("guess", 20, Duration.ofSeconds(1)), time, time);
        grantTimes(b, 2);
        RateChange c = b.learn(RateEvidence.RATE_LIMITED).orElseThrow();
        assertEquals(10.0, c.toPerSecond());
        List<Long> slower = grantTimes(b, 3);
        assertEquals(100, slower.get(2) - slower.get(1));

        RateChange adopted = b.learn(RateEvidence.announced(300, Duration.ofSeconds(60))).orElseThrow();
        assertEquals(5.0, adopted.toPerSecond());
        assertTrue(b.isSettled());
        List<Long> announced = grantTimes(b, 3);
        assertEquals(200, announced.get(2) - announced.get(1));
    }

    @Test
    void aQuotaWithoutWindowUsesTheBudgetsPeriod() {
        AdaptiveBudget b = new AdaptiveBudget(BudgetSpec.paced("gh", 1000, Duration.ofHours(1)), time, time);
        RateChange c = b.learn(RateEvidence.announced(5000, null)).orElseThrow();
        assertEquals(5000 / 3600.0, c.toPerSecond(), 1e-9);
    }

    @Test
    void aFixedBudgetLearnsNothing() {
        LocalBudget b = new LocalBudget(BudgetSpec.paced("b", 10, Duration.ofSeconds(1)), time, time);
        assertTrue(b.learn(RateEvidence.RATE_LIMITED).isEmpty());
        assertEquals(10.0, b.ratePerSecond());
    }

    @Test
    void anIncreaseWhileThreadsWaitDoesNotSlipNewRequestsBetweenThem() {
        LocalBudget b = new LocalBudget(BudgetSpec.paced("b", 10, Duration.ofSeconds(1)), time, time);
        assertTrue(b.acquire(WaitGuard.ALWAYS).granted()); // t=0
        // a second thread's permit is due at 100 ms; at 10 ms the rate doubles
        time.at(10, () -> b.changeRate(20));
        assertTrue(b.acquire(WaitGuard.ALWAYS).granted());
        assertEquals(100, time.millis());
        assertTrue(b.acquire(WaitGuard.ALWAYS).granted());
        // the next slot follows the queue at the new spacing, not inside it
        assertTrue(time.millis() >= 150, "granted at " + time.millis() + " ms");
        assertTrue(time.millis() <= 200, "granted at " + time.millis() + " ms");
    }
}
