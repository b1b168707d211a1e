package io.rateguard.budget;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes one permit from each of several budgets for one request (layered limits: a PUT on an IVR
 * counts against the token's 300 a minute and the IVR's 100 a minute).
 *
 * <p>The rule: a permit is never held while waiting without bound on another budget. Each round
 * first waits for the slowest budget (pacing plus pause) while holding nothing; then takes the
 * others in the caller's fixed order. A permit is therefore held only for the others' queues,
 * which are short and bounded: every thread holds at most one reservation per budget, each with
 * a deadline, so the wait is at most threads x spacing. A pause is what could be long: if another
 * budget is paused (a 429 seen meanwhile), every permit of the round is given back and the next
 * round starts by waiting out that pause, holding nothing. After {@link #ROUNDS} rounds the
 * remaining pause is waited while holding (it is capped by the sampler's "max wait per answer"),
 * so a request cannot starve.
 *
 * <p>Giving a permit back is not free: the budget's other waiters keep their deadlines, so the
 * slot returned now mostly goes unused. That is why queues are waited while holding and only
 * pauses cause a give-back (measured: giving back on every queue wait halved the PUT IVR rate of
 * a mixed plan).
 */
public final class JointAcquisition {

    /** A pause on another budget longer than this makes the round give its permits back. */
    public static final long GRACE_NANOS = 50_000_000L;
    static final int ROUNDS = 3;

    private JointAcquisition() {
    }

    /**
     * One permit from every budget in {@code budgets} (in the order given, which callers keep
     * fixed, e.g. sorted by name), or none: a cancelled acquisition has given every permit back.
     */
    public static Acquisition acquire(List<Budget> budgets, WaitGuard guard, NanoClock clock) {
        if (budgets.size() == 1) {
            return budgets.get(0).acquire(guard);
        }
        long started = clock.nanoTime();
        long paused = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            Budget slowest = budgets.get(0);
            long longest = slowest.nanosUntilAvailable();
            for (Budget b : budgets) {
                long wait = b.nanosUntilAvailable();
                if (wait > longest) {
                    longest = wait;
                    slowest = b;
                }
            }
            Acquisition first = slowest.acquire(guard);
            paused += first.pausedNanos();
            if (!first.granted()) {
                return Acquisition.cancelledAfter(clock.nanoTime() - started, paused);
            }
            List<Budget> held = new ArrayList<>(budgets.size());
            held.add(slowest);
            boolean complete = true;
            for (Budget b : budgets) {
                if (b == slowest) {
                    continue;
                }
                if (round < ROUNDS && b.remainingPauseNanos() > GRACE_NANOS) {
                    complete = false;
                    break;
                }
                Acquisition next = b.acquire(guard);
                paused += next.pausedNanos();
                if (!next.granted()) {
                    held.forEach(Budget::giveBack);
                    return Acquisition.cancelledAfter(clock.nanoTime() - started, paused);
                }
                held.add(b);
            }
            if (complete) {
                return Acquisition.grantedAfter(clock.nanoTime() - started, paused);
            }
            held.forEach(Budget::giveBack);
        }
        throw new AssertionError("the last round takes every permit");
    }
}
