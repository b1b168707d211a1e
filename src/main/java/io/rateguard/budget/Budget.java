package io.rateguard.budget;

import java.time.Duration;

/**
 * A named request budget shared by every thread that sends through it.
 */
public interface Budget {

    BudgetSpec spec();

    default String name() {
        return spec().name();
    }

    /**
     * Takes one permit, waiting in short slices for as long as pacing and any pause require.
     * Returns a cancelled acquisition (permit given back) when the guard says stop or the thread
     * is interrupted; the interrupt flag is then set again for the caller to see.
     */
    Acquisition acquire(WaitGuard guard);

    /**
     * Holds every thread of this budget for {@code wait} from now, including threads already
     * waiting. A pause that ends before the current one adds nothing.
     */
    void pause(Duration wait);

    /** Real nanoseconds until the current pause ends, 0 when none. */
    long remainingPauseNanos();

    BudgetStats stats();
}
