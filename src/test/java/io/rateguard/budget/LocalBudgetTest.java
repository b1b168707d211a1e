package io.rateguard.budget;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.rateguard.budget.FakeTime.MS;
import static org.junit.jupiter.api.Assertions.*;

class LocalBudgetTest {

    private final FakeTime time = new FakeTime();

    private LocalBudget budget(long limit, long periodMillis, long burst, long initial) {
        return new LocalBudget(new BudgetSpec("b", limit, Duration.ofMillis(periodMillis), burst, initial), time, time);
    }

    private List<Long> grantTimes(LocalBudget budget, int n) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            assertTrue(budget.acquire(WaitGuard.ALWAYS).granted());
            times.add(time.millis());
        }
        return times;
    }

    @Test
    void pacesEvenlyAtTheLimit() {
        LocalBudget b = budget(10, 1000, 1, 1);
        assertEquals(List.of(0L, 100L, 200L, 300L, 400L), grantTimes(b, 5));
    }

    @Test
    void burstAndInitialTokensGoFirstThenSpacing() {
        LocalBudget b = budget(10, 1000, 3, 3);
        assertEquals(List.of(0L, 0L, 0L, 100L, 200L), grantTimes(b, 5));
    }

    @Test
    void reportsWaitOfEachAcquisition() {
        LocalBudget b = budget(4, 1000, 1, 1);
        assertEquals(0, b.acquire(WaitGuard.ALWAYS).waitedNanos());
        Acquisition second = b.acquire(WaitGuard.ALWAYS);
        assertEquals(250 * MS, second.waitedNanos());
        assertEquals(0, second.pausedNanos());
    }

    @Test
    void aLateGrantNeverPutsMoreThanTheLimitIntoAnyPeriod() {
        // the first 50 ms slice towards the grant due at 900 ms overshoots by 150 ms (a busy machine): granted at 1000
        Sleeper onceLate = nanos -> time.sleepNanos(time.millis() == 800 ? nanos + 150 * MS : nanos);
        LocalBudget b = new LocalBudget(new BudgetSpec("b", 10, Duration.ofSeconds(1), 1, 1), time, onceLate);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            assertTrue(b.acquire(WaitGuard.ALWAYS).granted());
            times.add(time.millis());
        }
        assertEquals(1000, times.get(9), "the late grant");
        // the grant due at 1900 would make 11 in [1000, 2000), one over a fixed window's limit:
        // it waits until the late one is a period (plus the 1% guard) old
        assertEquals(2010, times.get(19));
        for (int i = 0; i + 10 < times.size(); i++) {
            assertTrue(times.get(i + 10) - times.get(i) >= 1010, "11 grants within 1.01 s from " + times.get(i));
        }
    }

    @Test
    void aRequestSentLateHoldsTheRequestALogLaterUntilTheServersWindowHasRoom() {
        LocalBudget b = budget(10, 1000, 1, 1);
        List<Long> sends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Acquisition granted = b.acquire(WaitGuard.ALWAYS);
            if (i == 9) {
                time.advanceMillis(150); // granted at 900, but its thread only sends at 1050
            }
            assertTrue(b.holdBeforeSending(granted, WaitGuard.ALWAYS) >= 0);
            sends.add(time.millis());
        }
        assertEquals(1050, sends.get(9));
        // granted at 1910 (the grant log), held until the late send at 1050 is 1.01 s old
        assertEquals(2060, sends.get(19));
        for (int i = 0; i + 10 < sends.size(); i++) {
            assertTrue(sends.get(i + 10) - sends.get(i) >= 1010, "11 sends within 1.01 s from " + sends.get(i));
        }
    }

    @Test
    void holdingBeforeSendingWaitsOutAPauseAndStopsWhenTheGuardSaysSo() {
        LocalBudget b = budget(10, 1000, 1, 1);
        Acquisition granted = b.acquire(WaitGuard.ALWAYS);
        b.pause(Duration.ofMillis(300)); // another thread's 429 after this permit was granted
        assertEquals(300 * MS, b.holdBeforeSending(granted, WaitGuard.ALWAYS));
        Acquisition next = b.acquire(WaitGuard.ALWAYS);
        b.pause(Duration.ofSeconds(5));
        AtomicInteger checks = new AtomicInteger();
        assertEquals(-1, b.holdBeforeSending(next, () -> checks.incrementAndGet() < 2), "stopped: nothing may be sent");
    }

    @Test
    void onTimeGrantsAreHeldOnlyByTheOnePercentGuard() {
        LocalBudget b = budget(10, 1000, 1, 1);
        List<Long> times = grantTimes(b, 31);
        for (int i = 0; i < 10; i++) {
            assertEquals(i * 100L, times.get(i), "grant " + i);
        }
        // from then on 10 grants per 1.01 s: the guard stretches each period by 10 ms, no more
        assertEquals(1010, times.get(10));
        assertEquals(1910, times.get(19));
        assertEquals(2020, times.get(20));
        assertEquals(3030, times.get(30));
    }

    @Test
    void lateWakeUpIsReportedAsLatenessButAPauseIsNot() {
        // a sleeper that always oversleeps by 7 ms, as a loaded machine does
        Sleeper overSleeping = nanos -> time.sleepNanos(nanos + 7 * MS);
        LocalBudget b = new LocalBudget(new BudgetSpec("b", 10, Duration.ofSeconds(1), 1, 1), time, overSleeping);
        assertEquals(0, b.acquire(WaitGuard.ALWAYS).lateNanos());
        Acquisition second = b.acquire(WaitGuard.ALWAYS); // due at 100 ms
        assertEquals(107, time.millis());
        assertEquals(7 * MS, second.lateNanos());
        assertEquals(time.millis() - 7, second.dueEpochMillis(time.millis()));

        time.at(150, () -> b.pause(Duration.ofMillis(500)));
        Acquisition held = b.acquire(WaitGuard.ALWAYS); // due at 200 ms, moved to 700 ms by the pause
        assertTrue(held.pausedNanos() >= 500 * MS);
        assertEquals(time.millis() - 700, held.lateNanos() / MS, "only the overshoot past the moved deadline is late");
    }

    @Test
    void pauseDecidedWhileWaitingHoldsTheWaiter() {
        LocalBudget b = budget(1, 1000, 1, 1);
        b.acquire(WaitGuard.ALWAYS); // t=0
        // another thread sees a 429 with Retry-After 2 s at t=500 ms, while this one waits for t=1000
        time.at(500, () -> b.pause(Duration.ofSeconds(2)));
        Acquisition held = b.acquire(WaitGuard.ALWAYS);
        assertTrue(held.granted());
        assertEquals(3000, time.millis(), "deadline 1000 ms shifted by the 2 s pause");
        assertEquals(2000 * MS, held.pausedNanos());
        assertEquals(3000 * MS, held.waitedNanos());
    }

    @Test
    void afterAPauseTheBudgetResumesAtItsSpacingWithoutABurst() {
        LocalBudget b = budget(10, 1000, 5, 0);
        b.pause(Duration.ofSeconds(10));
        time.advanceMillis(10_000);
        // a bucket left to refill during the pause would now hold 5 tokens and burst them
        assertEquals(List.of(10_100L, 10_200L, 10_300L), grantTimes(b, 3));
    }

    @Test
    void nobodyIsGrantedDuringAPause() {
        LocalBudget b = budget(1000, 1000, 10, 10);
        b.pause(Duration.ofMillis(1500));
        assertTrue(b.acquire(WaitGuard.ALWAYS).granted());
        assertEquals(1500, time.millis());
    }

    @Test
    void overlappingPausesLastUntilTheLatestEndNotTheSum() {
        LocalBudget b = budget(10, 1000, 1, 1);
        b.pause(Duration.ofSeconds(2));
        time.advanceMillis(500);
        b.pause(Duration.ofSeconds(1)); // ends at 1.5 s, inside the current pause
        assertEquals(1500 * MS, b.remainingPauseNanos());
        time.advanceMillis(500);
        b.pause(Duration.ofSeconds(3)); // ends at 4 s
        assertEquals(3000 * MS, b.remainingPauseNanos());
        assertEquals(2, b.stats().pauses());
        time.advanceMillis(3000);
        assertEquals(0, b.remainingPauseNanos());
        assertEquals(4000 * MS, b.stats().pausedNanos());
    }

    @Test
    void zeroNegativeAndHugePausesAreSafe() {
        LocalBudget b = budget(10, 1000, 1, 1);
        b.pause(Duration.ZERO);
        b.pause(Duration.ofSeconds(-5));
        assertEquals(0, b.remainingPauseNanos());
        b.pause(Duration.ofSeconds(Long.MAX_VALUE));
        assertTrue(b.remainingPauseNanos() > 0);
    }

    @Test
    void waitsInShortSlices() {
        LocalBudget b = budget(1, 60_000, 1, 1);
        b.acquire(WaitGuard.ALWAYS);
        b.acquire(WaitGuard.ALWAYS);
        assertEquals(60_600, time.millis(), "due at 60 s, then the grant log's 1% guard");
        assertTrue(time.sleeps.stream().allMatch(s -> s <= LocalBudget.SLICE_NANOS), time.sleeps.toString());
    }

    @Test
    void aGuardThatSaysStopCancelsAndGivesThePermitBack() {
        LocalBudget b = budget(1, 1000, 1, 1);
        b.acquire(WaitGuard.ALWAYS);
        AtomicInteger checks = new AtomicInteger();
        Acquisition cancelled = b.acquire(() -> checks.incrementAndGet() < 3);
        assertFalse(cancelled.granted());
        assertEquals(100, time.millis(), "two 50 ms slices, then the guard said stop");
        // the given-back permit is the next one: due at 1000 ms (+ the grant log's 1% guard), not 2000 ms
        assertTrue(b.acquire(WaitGuard.ALWAYS).granted());
        assertEquals(1010, time.millis());
        assertEquals(1, b.stats().cancelled());
    }

    @Test
    void anInterruptCancelsAndKeepsTheInterruptFlag() {
        Sleeper interrupted = nanos -> { throw new InterruptedException(); };
        LocalBudget b = new LocalBudget(BudgetSpec.paced("b", 1, Duration.ofSeconds(1)), time, interrupted);
        b.acquire(WaitGuard.ALWAYS);
        try {
            assertFalse(b.acquire(WaitGuard.ALWAYS).granted());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void manyThreadsEachGetOnePermitPerCall() throws Exception {
        LocalBudget b = new LocalBudget(new BudgetSpec("fast", 1_000_000_000L, Duration.ofSeconds(1), 1_000_000, 1_000_000));
        int threads = 4;
        int each = 10_000;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    assertTrue(b.acquire(WaitGuard.ALWAYS).granted());
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        assertEquals((long) threads * each, b.stats().granted());
    }
}
