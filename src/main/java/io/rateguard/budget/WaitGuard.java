package io.rateguard.budget;

/**
 * Tells a waiting thread whether to go on waiting. JMeter's Shutdown only clears a flag (it does
 * not interrupt), so a long wait polls this between slices.
 */
@FunctionalInterface
public interface WaitGuard {

    WaitGuard ALWAYS = () -> true;

    boolean keepWaiting();
}
