package io.rateguard.budget;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.rateguard.budget.FakeTime.MS;
import static org.junit.jupiter.api.Assertions.*;

class JointAcquisitionTest {

    private final FakeTime time = new FakeTime();

    private LocalBudget budget(String name, long perSecond) {
        return new LocalBudget(BudgetSpec.paced(name, perSecond, Duration.ofSeconds(1)), time, time);
    }

    @Test
    void theSlowerBudgetSetsThePaceAndTheFasterIsNotDrained() {
        LocalBudget token = budget("token", 10);
        LocalBudget ivr = budget("ivr", 2);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assertTrue(JointAcquisition.acquire(List.of(ivr, token), WaitGuard.ALWAYS, time).granted());
            times.add(time.millis());
        }
        // 2 a second: the third grant waits for the first to be a period (+1 % guard) old
        assertEquals(List.of(0L, 500L, 1010L, 1510L), times);
        // one permit per request from the token budget, taken when the request goes, not queued ahead
        assertEquals(4, token.stats().granted());
        assertEquals(0, token.stats().waitedNanos());
    }

    @Test
    void aPauseOnOneBudgetHoldsTheRequestWithoutHoldingTheOther() {
        LocalBudget token = budget("token", 10);
        LocalBudget ivr = budget("ivr", 10);
        List<Long> tokenTakenAt = new ArrayList<>();
        Budget recorded = new Recording(token, tokenTakenAt);
        ivr.pause(Duration.ofSeconds(2));
        Acquisition a = JointAcquisition.acquire(List.of(ivr, recorded), WaitGuard.ALWAYS, time);
        assertTrue(a.granted());
        assertEquals(2000, time.millis());
        assertEquals(2000 * MS, a.pausedNanos());
        // the token budget's permit was taken when the pause ended, not held through it
        assertEquals(List.of(2000L), tokenTakenAt);
    }

    @Test
    void aPermitTakenWhileAnotherBudgetTurnedBusyIsGivenBackAndRetried() {
        LocalBudget a = budget("a", 10);
        LocalBudget b = budget("b", 10);
        // b looks free, but a pause on b is decided while this request waits on a
        a.acquire(WaitGuard.ALWAYS); // a's next permit is at 100 ms
        time.at(50, () -> b.pause(Duration.ofSeconds(1)));
        Acquisition got = JointAcquisition.acquire(List.of(a, b), WaitGuard.ALWAYS, time);
        assertTrue(got.granted());
        assertTrue(time.millis() >= 1050, "waited out b's pause: " + time.millis());
        assertEquals(1, b.stats().granted(), "one permit from b");
    }

    @Test
    void stoppingGivesEveryPermitBack() {
        LocalBudget a = budget("a", 10);
        LocalBudget b = budget("b", 1);
        b.acquire(WaitGuard.ALWAYS); // b's next permit in 1 s
        int[] polls = {0};
        Acquisition got = JointAcquisition.acquire(List.of(a, b), () -> ++polls[0] < 3, time);
        assertFalse(got.granted());
        assertEquals(0, a.nanosUntilAvailable(), "a's permit was never held or was given back");
    }

    @Test
    void oneBudgetIsAPlainAcquire() {
        LocalBudget a = budget("a", 10);
        assertTrue(JointAcquisition.acquire(List.of(a), WaitGuard.ALWAYS, time).granted());
        assertTrue(JointAcquisition.acquire(List.of(a), WaitGuard.ALWAYS, time).granted());
        assertEquals(100, time.millis());
    }

    /** Records when each permit was taken from a budget. */
    private final class Recording implements Budget {
        private final LocalBudget inner;
        private final List<Long> takenAt;

        Recording(LocalBudget inner, List<Long> takenAt) {
            this.inner = inner;
            this.takenAt = takenAt;
        }

        @Override public BudgetSpec spec() { return inner.spec(); }
        @Override public Acquisition acquire(WaitGuard guard) {
            takenAt.add(time.millis());
            return inner.acquire(guard);
        }
        @Override public void pause(Duration wait) { inner.pause(wait); }
        @Override public long remainingPauseNanos() { return inner.remainingPauseNanos(); }
        @Override public BudgetStats stats() { return inner.stats(); }
        @Override public long nanosUntilAvailable() { return inner.nanosUntilAvailable(); }
        @Override public void giveBack() { inner.giveBack(); }
    }
}
