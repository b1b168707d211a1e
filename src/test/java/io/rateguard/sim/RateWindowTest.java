package io.rateguard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The window arithmetic behind Retry-After, on an injected clock: no sleeps. */
class RateWindowTest {

    private static final long SECOND = 1_000_000_000L;

    private final FakeClock clock = new FakeClock();
    private final long origin = clock.getAsLong();

    private TokenQuota quota(int tokenLimit, int ivrLimit) {
        SimulatorConfig cfg = SimulatorConfig.builder().tokenLimit(tokenLimit).tokenPeriodSeconds(60)
                .ivrPutLimit(ivrLimit).ivrPutPeriodSeconds(60).build();
        return TokenQuota.of(cfg, origin);
    }

    @Test
    void retryAfterIsTheCeilingOfTheSecondsUntilTheWindowEnds() {
        TokenQuota q = quota(3, 0);
        clock.advanceMillis(17_300);
        for (int i = 0; i < 3; i++) {
            assertTrue(q.tryAcquire(clock.getAsLong(), false).allowed());
        }
        RateDecision d = q.tryAcquire(clock.getAsLong(), false);
        assertFalse(d.allowed());
        assertEquals(43, d.retryAfterSeconds(), "60 - 17.3 = 42.7 s, rounded up");
        assertEquals(3, d.limit());
        assertEquals(60, d.periodSeconds());

        clock.advanceMillis(42_700 - 1); // 1 ms before the end: still refused, Retry-After 1 (never 0)
        assertEquals(1, q.tryAcquire(clock.getAsLong(), false).retryAfterSeconds());

        clock.advanceMillis(1); // the new window starts exactly at origin + 60 s
        assertTrue(q.tryAcquire(clock.getAsLong(), false).allowed());
    }

    @Test
    void wholeSecondsAreNotRoundedUp() {
        assertEquals(42, RateDecision.retryAfterSeconds(42 * SECOND));
        assertEquals(43, RateDecision.retryAfterSeconds(42 * SECOND + 1));
        assertEquals(1, RateDecision.retryAfterSeconds(1));
    }

    @Test
    void windowsAreAlignedToTheOriginNotToTheFirstRequest() {
        FixedWindow w = new FixedWindow(1, 60 * SECOND, origin);
        long t = origin + 59 * SECOND;
        w.consume(t);
        assertFalse(w.hasRoom(t));
        assertEquals(SECOND, w.nanosUntilReset(t));
        assertTrue(w.hasRoom(origin + 60 * SECOND));
        assertEquals(60 * SECOND, w.nanosUntilReset(origin + 60 * SECOND));
    }

    @Test
    void aRefusedRequestConsumesNothing() {
        TokenQuota q = quota(2, 0);
        long now = clock.getAsLong();
        q.tryAcquire(now, false);
        q.tryAcquire(now, false);
        for (int i = 0; i < 50; i++) {
            assertFalse(q.tryAcquire(now, false).allowed());
        }
        assertEquals(2, q.usedInTokenWindow(now));
        long next = now + 60 * SECOND;
        assertTrue(q.tryAcquire(next, false).allowed());
        assertTrue(q.tryAcquire(next, false).allowed(), "the full quota is back, not quota minus refusals");
    }

    @Test
    void ivrPutWindowIsIndependentAndLayeredOnTheTokenWindow() {
        TokenQuota q = quota(10, 2);
        long now = clock.getAsLong();
        assertTrue(q.tryAcquire(now, true).allowed());
        assertTrue(q.tryAcquire(now, true).allowed());
        RateDecision third = q.tryAcquire(now, true);
        assertFalse(third.allowed(), "the IVR PUT window is full");
        assertEquals(2, third.limit(), "the binding window is the IVR PUT one");
        assertTrue(q.tryAcquire(now, false).allowed(), "other requests still have token quota");
        assertEquals(3, q.usedInTokenWindow(now), "IVR PUTs counted against the token window too; the refusal did not");
    }

    @Test
    void ivrPutRefusedByTheTokenWindowDoesNotConsumeIvrQuota() {
        SimulatorConfig cfg = SimulatorConfig.builder().tokenLimit(1).tokenPeriodSeconds(10)
                .ivrPutLimit(1).ivrPutPeriodSeconds(60).build();
        TokenQuota q = TokenQuota.of(cfg, origin);
        assertTrue(q.tryAcquire(origin, false).allowed());
        RateDecision d = q.tryAcquire(origin, true);
        assertFalse(d.allowed());
        assertEquals(1, d.limit(), "the token window binds");
        assertEquals(10, d.retryAfterSeconds());
        // next token window, same IVR window: the refused PUT left the IVR quota untouched
        assertTrue(q.tryAcquire(origin + 10 * SECOND, true).allowed());
    }

    @Test
    void whenBothWindowsAreFullTheLaterResetBinds() {
        SimulatorConfig cfg = SimulatorConfig.builder().tokenLimit(1).tokenPeriodSeconds(10)
                .ivrPutLimit(1).ivrPutPeriodSeconds(60).build();
        TokenQuota q = TokenQuota.of(cfg, origin);
        long now = origin + 5 * SECOND;
        assertTrue(q.tryAcquire(now, true).allowed());
        RateDecision d = q.tryAcquire(now, true);
        assertEquals(55, d.retryAfterSeconds(), "quota returns only when the 60 s IVR window ends");
        assertEquals(5, q.tryAcquire(now, false).retryAfterSeconds(), "a non-IVR request waits for the token window");
    }
}
