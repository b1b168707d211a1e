package io.rateguard.sim;

/**
 * One API request as the simulator saw it. Times are microseconds: {@code arrivalEpochMicros}
 * for correlating with client logs, the others since the simulator started (monotonic clock).
 *
 * @param token             small per-token number (1, 2, ...; 0 when the request had no valid token)
 * @param retryAfterSeconds the Retry-After of a 429 (also when the header was omitted), else 0
 * @param sentMicros        when the response was handed to the socket, since start
 */
public record RequestEvent(long arrivalEpochMicros, long arrivalMicros, String method, String path, int status,
                           int token, int retryAfterSeconds, long sentMicros) {

    public double arrivalMillis() {
        return arrivalMicros / 1000.0;
    }

    public double sentMillis() {
        return sentMicros / 1000.0;
    }

    /** A rate-limit refusal: 429, or 403 in GitHub style (those carry the Retry-After they would have had). */
    public boolean refused() {
        return status == 429 || (status == 403 && retryAfterSeconds > 0);
    }
}
