package io.rateguard.budget;

/**
 * Sleeps for a slice of a wait. The system sleeper throws {@link InterruptedException} on
 * JMeter's Stop; a test sleeper advances a fake clock instead.
 */
@FunctionalInterface
public interface Sleeper {

    void sleepNanos(long nanos) throws InterruptedException;

    static Sleeper system() {
        return nanos -> {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            } else if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        };
    }
}
