package io.rateguard.budget;

/**
 * A monotonic nanosecond clock. Pacing code reads time only through this, so tests drive it
 * with a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface NanoClock {

    long nanoTime();

    static NanoClock system() {
        return System::nanoTime;
    }
}
