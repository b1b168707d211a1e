package io.rateguard.signals;

import java.time.Duration;
import java.util.Objects;

/**
 * A limit a server stated in a response, e.g. Genesys' older 429 message "Rate limit exceeded the
 * maximum [300] requests within [60] seconds". It does not say when to retry, but it tells a user
 * (and a budget) what rate the service enforces.
 *
 * @param requests the number of requests allowed per period, positive
 * @param period   the period, positive
 */
public record AnnouncedLimit(long requests, Duration period) {

    public AnnouncedLimit {
        Objects.requireNonNull(period, "period");
        if (requests <= 0) {
            throw new IllegalArgumentException("requests must be positive: " + requests);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
    }

    @Override
    public String toString() {
        return requests + " requests per " + period.toSeconds() + " s";
    }
}
