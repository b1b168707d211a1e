package io.rateguard.budget;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class AdaptiveRateTest {

    private static final long S = 1_000_000_000L;

    @Test
    void a429HalvesTheRateWhenNothingIsKnown() {
        AdaptiveRate r = new AdaptiveRate(60, Duration.ofSeconds(3), 0);
        RateChange c = r.onRateLimited(S).orElseThrow();
        assertEquals(60, c.fromPerSecond());
        assertEquals(30, c.toPerSecond());
        assertEquals(30, r.ratePerSecond());
    }

    @Test
    void four29sRightAfterADecreaseAreEchoesNotNewEvidence() {
        AdaptiveRate r = new AdaptiveRate(60, Duration.ofSeconds(3), 0);
        r.onRateLimited(S);
        assertTrue(r.onRateLimited(2 * S).isEmpty());
        assertTrue(r.onRateLimited(3 * S).isEmpty());
        assertEquals(30, r.ratePerSecond());
        assertEquals(15, r.onRateLimited(4 * S).orElseThrow().toPerSecond());
    }

    @Test
    void clearForTwoPeriodsAddsHalfTheInitialGuess() {
        AdaptiveRate r = new AdaptiveRate(10, Duration.ofSeconds(3), 0);
        assertTrue(r.onClear(5 * S).isEmpty(), "not yet two periods");
        assertEquals(15, r.onClear(6 * S).orElseThrow().toPerSecond());
        assertTrue(r.onClear(7 * S).isEmpty());
        assertEquals(20, r.onClear(12 * S).orElseThrow().toPerSecond());
    }

    @Test
    void withACeilingItProbesHalfwayAndA429ReturnsToTheFloor() {
        AdaptiveRate r = new AdaptiveRate(20, Duration.ofSeconds(1), 0);
        r.onClear(2 * S);                 // floor 20, rate 30
        r.onRateLimited(3 * S);           // ceiling 30, back to 20
        assertEquals(20, r.ratePerSecond());
        assertEquals(25, r.onClear(5 * S).orElseThrow().toPerSecond());
        r.onRateLimited(6 * S);           // ceiling 25
        assertEquals(20, r.ratePerSecond());
        assertEquals(22.5, r.onClear(8 * S).orElseThrow().toPerSecond());
    }

    @Test
    void settlesBelowTheFloorOnceCeilingAndFloorMeet() {
        AdaptiveRate r = new AdaptiveRate(20, Duration.ofSeconds(1), 0);
        r.onClear(2 * S);                 // floor 20 -> 30
        r.onRateLimited(3 * S);           // ceiling 30 -> 20
        r.onClear(5 * S);                 // 25
        r.onRateLimited(6 * S);           // ceiling 25 -> 20
        r.onClear(8 * S);                 // 22.5
        r.onRateLimited(9 * S);           // ceiling 22.5 -> 20
        r.onClear(11 * S);                // 21.25
        RateChange settle = r.onRateLimited(12 * S).orElseThrow(); // ceiling 21.25 but gap > 4 %: back to 20
        assertFalse(r.isSettled(), settle.toString());
        r.onClear(14 * S);                // 20.625
        r.onRateLimited(15 * S);          // 3.1 %: one more probe
        assertFalse(r.isSettled());
        r.onClear(17 * S);                // 20.3125
        RateChange last = r.onRateLimited(18 * S).orElseThrow();   // within 3 %
        assertTrue(r.isSettled());
        assertEquals(20 * 0.99, last.toPerSecond(), 1e-9);
        assertTrue(r.onClear(100 * S).isEmpty(), "a settled rate no longer probes");
    }

    @Test
    void anAnnouncedLimitIsAdoptedAndLoggedOnce() {
        AdaptiveRate r = new AdaptiveRate(5, Duration.ofSeconds(60), 0);
        assertEquals(5.0, r.onAnnounced(5.0, S).orElseThrow().toPerSecond());
        assertTrue(r.onAnnounced(5.0, 2 * S).isEmpty(), "the same announcement again changes nothing");
        assertEquals(7.5, r.onAnnounced(7.5, 3 * S).orElseThrow().toPerSecond());
        assertTrue(r.onRateLimited(400 * S).isEmpty(), "the server's number stands");
        assertTrue(r.onClear(900 * S).isEmpty());
        assertTrue(r.isSettled());
    }

    @Test
    void aRateBelievedClearThatMeetsA429LowersTheFloor() {
        AdaptiveRate r = new AdaptiveRate(20, Duration.ofSeconds(1), 0);
        r.onClear(2 * S);                 // floor 20 -> 30
        r.onRateLimited(3 * S);           // -> 20
        RateChange c = r.onRateLimited(5 * S).orElseThrow(); // 429 at the floor itself
        assertTrue(c.toPerSecond() < 20, c.toString());
    }

    @Test
    void neverBelowOneRequestPerPeriodNorNonPositive() {
        AdaptiveRate r = new AdaptiveRate(2, Duration.ofSeconds(1), 0);
        for (int i = 1; i < 50; i++) {
            r.onRateLimited(i * 2 * S);
        }
        assertEquals(1.0, r.ratePerSecond(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveRate(0, Duration.ofSeconds(1), 0));
        assertTrue(new AdaptiveRate(1, Duration.ofSeconds(1), 0).onAnnounced(-3, 0).isEmpty());
    }

    /**
     * The whole loop on a virtual clock: an evenly paced client against a fixed-window server of
     * 20 requests/s in 3 s windows that answers 429 with Retry-After to the window's end. Starting
     * at 3x and at 1/3x the limit, within 2 minutes the client's goodput is >= 0.95 x the limit
     * and no 429 comes after convergence.
     */
    @ParameterizedTest
    @ValueSource(doubles = {60.0, 20.0 / 3, 20.0 * 1.5, 20.0 / 2})
    void convergesOnAFixedWindowServer(double initial) {
        int limit = 60;
        long window = 3 * S;
        AdaptiveRate r = new AdaptiveRate(initial, Duration.ofSeconds(3), 0);
        long t = 0;
        long windowIndex = 0;
        int used = 0;
        long pausedUntil = 0;
        long lastRefusal = -1;
        long servedAfter90s = 0;
        while (t < 120 * S) {
            t = Math.max(t + (long) (S / r.ratePerSecond()), pausedUntil);
            long index = t / window;
            if (index != windowIndex) {
                windowIndex = index;
                used = 0;
            }
            if (used < limit) {
                used++;
                r.onClear(t);
                if (t >= 90 * S) {
                    servedAfter90s++;
                }
            } else {
                lastRefusal = t;
                pausedUntil = (index + 1) * window; // Retry-After to the window's end, as the simulator
                r.onRateLimited(t);
            }
        }
        assertTrue(r.isSettled(), "settled at " + r.ratePerSecond());
        assertTrue(lastRefusal < 90 * S, "429 at " + lastRefusal / 1e9 + " s, after convergence");
        double goodput = servedAfter90s / 30.0;
        assertTrue(goodput >= 0.95 * 20, "goodput " + goodput + "/s for a limit of 20/s");
    }
}
