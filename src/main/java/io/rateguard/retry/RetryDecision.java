package io.rateguard.retry;

import java.time.Duration;

/** Retry after a wait, or give up with a message that says how many attempts and why. */
public record RetryDecision(boolean retry, Duration delay, String failure) {

    static RetryDecision retryAfter(Duration wait) {
        return new RetryDecision(true, wait, null);
    }

    static RetryDecision giveUp(String failure) {
        return new RetryDecision(false, Duration.ZERO, failure);
    }
}
