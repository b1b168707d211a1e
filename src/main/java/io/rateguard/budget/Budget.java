package io.rateguard.budget;

import java.time.Duration;
import java.util.Optional;

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

    /**
     * Right before a granted request goes out: waits while a pause is in force (a 429 another
     * thread saw after this permit was granted) and, where the budget keeps a log, while sending
     * now would put more into one period than the budget allows (the request comes late, after
     * the pre-processors or a descheduled thread). Returns the nanoseconds waited, or -1 when the
     * guard said stop or the thread was interrupted (flag set again): then nothing may be sent.
     */
    default long holdBeforeSending(Acquisition granted, WaitGuard guard) {
        long start = System.nanoTime();
        long remaining;
        while ((remaining = remainingPauseNanos()) > 0) {
            if (!guard.keepWaiting()) {
                return -1;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(remaining, 50_000_000L) / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return System.nanoTime() - start;
    }

    /** Real nanoseconds until the current pause ends, 0 when none. */
    long remainingPauseNanos();

    BudgetStats stats();

    /**
     * Nanoseconds until a permit taken now would be granted (pacing plus any pause), without
     * taking it; used to acquire from several budgets in a good order. A budget that cannot tell
     * without a round trip (a shared Redis one) reports its pause only.
     */
    default long nanosUntilAvailable() {
        return remainingPauseNanos();
    }

    /**
     * Returns a granted permit that was not used to send (the request went no further). A budget
     * that cannot take a permit back keeps it: the slot goes unused, which only sends less.
     */
    default void giveBack() {
    }

    /** The rate this budget paces at now, requests per second (changes when adaptive). */
    default double ratePerSecond() {
        return spec().ratePerSecond();
    }

    /**
     * What a response taught about the server's limit. A fixed budget ignores it; an adaptive one
     * may change its rate and says how, for a log line.
     */
    default Optional<RateChange> learn(RateEvidence evidence) {
        return Optional.empty();
    }
}
