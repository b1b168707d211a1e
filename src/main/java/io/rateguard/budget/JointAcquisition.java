package io.rateguard.budget;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes one permit from each of several budgets for one request (layered limits: a PUT on an IVR
 * counts against the token's 300 a minute and the IVR's 100 a minute).
 *
 * <p>The rule: a permit is never held while waiting without bound on another budget. Holding a
 * permit while waiting elsewhere wastes it, and worse, sends the request later than the slot it
 * was paced for, which bunches requests up against that budget's limit. So each round first
 * waits on the slowest budget while holding nothing; then takes the others, in the callers'
 * fixed order, only if each is available within {@link #GRACE_NANOS}. If one is not, every
 * permit taken in the round is given back and the next round starts with that budget. Budgets
 * of other threads keep moving, so a round normally succeeds; the last of {@link #ROUNDS} rounds
 * takes the others whatever their wait (bounded anyway: every reservation has a deadline, and
 * pauses are capped), so a request cannot starve behind busy budgets.
 */
public final class JointAcquisition {

    /** How long a held permit may wait for another budget's permit. */
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
                if (round < ROUNDS && b.nanosUntilAvailable() > GRACE_NANOS) {
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
