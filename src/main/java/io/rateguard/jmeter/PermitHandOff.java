package io.rateguard.jmeter;

import io.rateguard.budget.Acquisition;
import org.apache.jmeter.samplers.Sampler;

import java.util.Optional;

/**
 * Carries a permit from the RateGuard Timer to the RateGuard sampler it ran for, so the sampler
 * does not take a second one. Keyed by the sampler instance: a permit taken for a stock sampler
 * is never spent by the next RateGuard sampler.
 */
final class PermitHandOff {

    private record Handed(Sampler sampler, String bucket, Acquisition acquisition) {
    }

    private static final ThreadLocal<Handed> CURRENT = new ThreadLocal<>();

    private PermitHandOff() {
    }

    static void handTo(Sampler sampler, String bucket, Acquisition acquisition) {
        CURRENT.set(new Handed(sampler, bucket, acquisition));
    }

    /** The timer's permit for this sampler and bucket, if any; always clears the marker. */
    static Optional<Acquisition> take(Sampler sampler, String bucket) {
        Handed h = CURRENT.get();
        CURRENT.remove();
        if (h != null && h.sampler() == sampler && h.bucket().equals(bucket)) {
            return Optional.of(h.acquisition());
        }
        return Optional.empty();
    }
}
