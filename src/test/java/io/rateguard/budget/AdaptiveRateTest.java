package io.rateguard.budget;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class AdaptiveRateTest {

    private static final long S = 1_000_000_000L;

    /** Virtual time of the test, in nanoseconds. */
    private long t;

    /** Clear answers at the current rate until the rate changes or {@code seconds} pass. */
    private Optional<RateChange> clearFor(AdaptiveRate r, double seconds) {
        long end = t + (long) (seconds * S);
        while (t < end) {
            t += (long) (S / r.ratePerSecond());
            Optional<RateChange> c = r.onClear(t);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private Optional<RateChange> refusedAfter(AdaptiveRate r, double seconds) {
        t += (long) (seconds * S);
        return r.onRateLimited(t);
    }

    @Test
    void a429HalvesTheRateWhenNothingIsKnown() {
        AdaptiveRate r = new AdaptiveRate(60, Duration.ofSeconds(3));
        RateChange c = refusedAfter(r, 1).orElseThrow();
        assertEquals(60, c.fromPerSecond());
        assertEquals(30, c.toPerSecond());
        assertEquals(30, r.ratePerSecond());
    }

    @Test
    void four29sRightAfterADecreaseAreEchoesNotNewEvidence() {
        AdaptiveRate r = new AdaptiveRate(60, Duration.ofSeconds(3));
        refusedAfter(r, 1);
        assertTrue(refusedAfter(r, 1).isEmpty());
        assertTrue(refusedAfter(r, 1).isEmpty());
        assertEquals(30, r.ratePerSecond());
        assertEquals(15, refusedAfter(r, 1).orElseThrow().toPerSecond());
    }

    @Test
    void clearForTwoPeriodsOfTrafficAddsHalfTheInitialGuess() {
        AdaptiveRate r = new AdaptiveRate(10, Duration.ofSeconds(3));
        assertTrue(clearFor(r, 5.9).isEmpty(), "not yet two periods");
        assertEquals(15, clearFor(r, 0.2).orElseThrow().toPerSecond());
        assertEquals(20, clearFor(r, 6.5).orElseThrow().toPerSecond());
    }

    @Test
    void timeWithoutTrafficDoesNotCountAsClear() {
        AdaptiveRate r = new AdaptiveRate(10, Duration.ofSeconds(3));
        // JMeter still starting, then a first answer long after the bucket was made
        assertTrue(r.onClear(30 * S).isEmpty());
        // answers at a quarter of the rate for two periods: the rate was never used, so not known clear
        for (long at = 30 * S; at < 37 * S; at += 400_000_000L) {
            assertTrue(r.onClear(at).isEmpty(), "raised after too little traffic at " + at);
        }
        assertEquals(10, r.ratePerSecond());
    }

    @Test
    void withACeilingItProbesHalfwayAndA429ReturnsToTheFloor() {
        AdaptiveRate r = new AdaptiveRate(20, Duration.ofSeconds(1));
        clearFor(r, 3);                   // floor 20, rate 30
        refusedAfter(r, 0.5);             // ceiling 30, back to 20
        assertEquals(20, r.ratePerSecond());
        assertEquals(25, clearFor(r, 3).orElseThrow().toPerSecond());
        refusedAfter(r, 0.5);             // ceiling 25
        assertEquals(20, r.ratePerSecond());
        assertEquals(22.5, clearFor(r, 3).orElseThrow().toPerSecond());
    }

    @Test
    void settlesBelowTheFloorOnceCeilingAndFloorMeet() {
        AdaptiveRate r = new AdaptiveRate(20, Duration.ofSeconds(1));
        clearFor(r, 3);                   // floor 20 -> 30
        refusedAfter(r, 0.5);             // ceiling 30 -> 20
        clearFor(r, 3);                   // 25
        refusedAfter(r, 0.5);             // ceiling 25 -> 20
        clearFor(r, 3);                   // 22.5
        refusedAfter(r, 0.5);             // ceiling 22.5 -> 20
        clearFor(r, 3);                   // 21.25
        refusedAfter(r, 0.5);             // 6 %: back to 20
        clearFor(r, 3);                   // 20.625
        refusedAfter(r, 0.5);             // 3.1 %: one more probe
        assertFalse(r.isSettled());
        assertEquals(20.3125, clearFor(r, 3).orElseThrow().toPerSecond());
        RateChange last = refusedAfter(r, 0.5).orElseThrow();   // within 3 %
        assertTrue(r.isSettled());
        assertEquals(20 * 0.98, last.toPerSecond(), 1e-9);
        assertTrue(clearFor(r, 100).isEmpty(), "a settled rate no longer probes");
    }

    @Test
    void a429RightAfterSettlingBelongsToTheProbeNotToTheSettledRate() {
        AdaptiveRate r = new AdaptiveRate(20, Duration.ofSeconds(1));
        clearFor(r, 3);                   // floor 20 -> 30
        refusedAfter(r, 0.5);             // ceiling 30 -> 20
        clearFor(r, 3);                   // 25
        refusedAfter(r, 0.5);             // ceiling 25 -> 20
        clearFor(r, 3);                   // 22.5
        refusedAfter(r, 0.5);             // ceiling 22.5 -> 20
        clearFor(r, 3);                   // 21.25
        refusedAfter(r, 0.5);             // -> 20
        clearFor(r, 3);                   // 20.625
        refusedAfter(r, 0.5);             // -> 20
        assertEquals(20.3125, clearFor(r, 3).orElseThrow().toPerSecond());
        // 20.3125 clear: the floor is within 3 % of the ceiling 20.625, it settles below
        RateChange settle = clearFor(r, 3).orElse(null);
        assertTrue(r.isSettled(), String.valueOf(settle));
        double settled = r.ratePerSecond();
        assertTrue(refusedAfter(r, 0.5).isEmpty(), "an echo of the window sent at the probe's rate");
        assertEquals(settled, r.ratePerSecond());
        assertTrue(refusedAfter(r, 1).isPresent(), "a 429 a period later is about the settled rate");
    }

    @Test
    void anAnnouncedLimitIsAdoptedAndLoggedOnce() {
        AdaptiveRate r = new AdaptiveRate(5, Duration.ofSeconds(60));
        assertEquals(5.0, r.onAnnounced(5.0, S).orElseThrow().toPerSecond());
        assertTrue(r.onAnnounced(5.0, 2 * S).isEmpty(), "the same announcement again changes nothing");
        assertEquals(7.5, r.onAnnounced(7.5, 3 * S).orElseThrow().toPerSecond());
        assertTrue(r.onRateLimited(400 * S).isEmpty(), "the server's number stands");
        t = 400 * S;
        assertTrue(clearFor(r, 500).isEmpty());
        assertTrue(r.isSettled());
    }

    @Test
    void a429AtARateBelievedClearLowersTheFloorAndTheSearchGoesOn() {
        AdaptiveRate r = new AdaptiveRate(20, Duration.ofSeconds(1));
        clearFor(r, 3);                   // floor 20 -> 30
        refusedAfter(r, 0.5);             // -> 20
        RateChange c = refusedAfter(r, 2).orElseThrow(); // 429 at the floor itself
        assertEquals(18.8, c.toPerSecond(), 1e-9, c.toString());
        assertFalse(r.isSettled());
        // probing goes on between the new floor and the rate just refused
        assertEquals(19.4, clearFor(r, 3).orElseThrow().toPerSecond(), 1e-9);
    }

    @Test
    void neverBelowOneRequestPerPeriodNorNonPositive() {
        AdaptiveRate r = new AdaptiveRate(2, Duration.ofSeconds(1));
        for (int i = 1; i < 50; i++) {
            refusedAfter(r, 2);
        }
        assertEquals(1.0, r.ratePerSecond(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveRate(0, Duration.ofSeconds(1)));
        assertTrue(new AdaptiveRate(1, Duration.ofSeconds(1)).onAnnounced(-3, 0).isEmpty());
    }

    /**
     * The whole loop on a virtual clock: an evenly paced client against a fixed-window server of
     * 20 requests/s in 3 s windows that answers 429 with Retry-After to the window's end. Starting
     * at 3x and at 1/3x the limit (and between), within 2 minutes the client's goodput is
     * >= 0.95 x the limit and no 429 comes after convergence. The client starts 5 s after the
     * bucket is made, as JMeter does.
     */
    @ParameterizedTest
    @ValueSource(doubles = {60.0, 20.0 / 3, 20.0 * 1.5, 20.0 / 2})
    void convergesOnAFixedWindowServer(double initial) {
        int limit = 60;
        long window = 3 * S;
        AdaptiveRate r = new AdaptiveRate(initial, Duration.ofSeconds(3));
        long now = 5 * S;
        long windowIndex = 0;
        int used = 0;
        long pausedUntil = 0;
        long lastRefusal = -1;
        long servedAfter90s = 0;
        while (now < 120 * S) {
            now = Math.max(now + (long) (S / r.ratePerSecond()), pausedUntil);
            long index = now / window;
            if (index != windowIndex) {
                windowIndex = index;
                used = 0;
            }
            if (used < limit) {
                used++;
                r.onClear(now);
                if (now >= 90 * S) {
                    servedAfter90s++;
                }
            } else {
                lastRefusal = now;
                pausedUntil = (index + 1) * window; // Retry-After to the window's end, as the simulator
                r.onRateLimited(now);
            }
        }
        assertTrue(r.isSettled(), "settled at " + r.ratePerSecond());
        assertTrue(lastRefusal < 90 * S, "429 at " + lastRefusal / 1e9 + " s, after convergence");
        double goodput = servedAfter90s / 30.0;
        assertTrue(goodput >= 0.95 * 20, "goodput " + goodput + "/s for a limit of 20/s");
    }
}
