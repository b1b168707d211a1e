package io.rateguard.signals;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one rate-limit header family said about one quota: its limit and window when stated, the
 * requests remaining and the time until quota returns (already capped). Every header family
 * (IETF RateLimit, RateLimit-Limit/-Remaining/-Reset, GitHub's x-ratelimit-*, X's
 * x-rate-limit-*) is reduced to this shape, so precedence is decided in one place.
 *
 * @param family    the family, for precedence and for naming the source in a reason
 * @param header    the field it came from, e.g. {@code RateLimit} or {@code x-ratelimit-reset}
 * @param policy    the quota's name when the server gave one (IETF policies), else empty text
 * @param limit     requests allowed per window, when stated
 * @param window    the window, when stated
 * @param remaining requests left in the current window, when stated
 * @param reset     time until quota returns, capped, when stated
 */
public record QuotaReport(WaitSource family, String header, String policy, OptionalLong limit,
                          Optional<Duration> window, OptionalLong remaining, Optional<WaitHint> reset) {

    public QuotaReport {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(reset, "reset");
    }

    /** No request left and a time at which more come: the client should hold until then. */
    public boolean isExhausted() {
        return remaining.isPresent() && remaining.getAsLong() == 0 && reset.isPresent();
    }

    /** The limit as a rate, when both the limit and its window are known and positive. */
    public Optional<AnnouncedLimit> announcedLimit() {
        if (limit.isEmpty() || limit.getAsLong() <= 0 || window.isEmpty()
                || window.get().isZero() || window.get().isNegative()) {
            return Optional.empty();
        }
        return Optional.of(new AnnouncedLimit(limit.getAsLong(), window.get()));
    }

    /** The wait until quota returns, or zero when not stated. */
    Duration resetOrZero() {
        return reset.flatMap(WaitHint::duration).orElse(Duration.ZERO);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(header);
        if (!policy.isEmpty()) {
            s.append(" \"").append(Printable.clip(policy, 40)).append('"');
        }
        limit.ifPresent(l -> s.append(" limit=").append(l));
        window.ifPresent(w -> s.append(" window=").append(w.toSeconds()).append("s"));
        remaining.ifPresent(r -> s.append(" remaining=").append(r));
        reset.flatMap(WaitHint::duration).ifPresent(r -> s.append(" reset=").append(r.toMillis()).append("ms"));
        return s.toString();
    }
}
