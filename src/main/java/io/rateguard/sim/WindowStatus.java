package io.rateguard.sim;

/**
 * Where one rate window stands after a request, for the rate-limit headers a server can send:
 * its name (the IETF policy name), limit, length, requests left and time until it resets.
 */
record WindowStatus(String name, int limit, int periodSeconds, int remaining, long nanosUntilReset) {

    /** Whole seconds until the window resets, rounded up: a client waiting that long is never early. */
    long resetSeconds() {
        return (nanosUntilReset + 999_999_999L) / 1_000_000_000L;
    }
}
