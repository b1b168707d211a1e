package io.rateguard.signals;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A wait derived from one server hint, or the fact that the hint was unusable.
 *
 * <p>Callers must be able to tell "unusable" (fall back to the next hint or their default) from
 * "wait 0" (retry at once), which a plain {@code Duration} or {@code long} cannot express without
 * a magic value. It also records whether the wait was clamped to the configured cap, because a
 * clamped wait means the server asked for more than the test is willing to give and a user
 * should be able to see that.
 */
public final class WaitHint {

    private final Duration wait; // null when unusable
    private final boolean capped;
    private final String problem; // null when usable

    private WaitHint(Duration wait, boolean capped, String problem) {
        this.wait = wait;
        this.capped = capped;
        this.problem = problem;
    }

    /** A usable wait that was not clamped. */
    public static WaitHint of(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("wait must not be negative: " + wait);
        }
        return new WaitHint(wait, false, null);
    }

    /** A hint that cannot be used; {@code problem} says why, for a warning. */
    public static WaitHint unusable(String problem) {
        return new WaitHint(null, false, Objects.requireNonNull(problem, "problem"));
    }

    /**
     * The wait clamped to {@code cap}. Works on millis so that values up to {@code Long.MAX_VALUE}
     * (saturated overflow) compare correctly without any conversion that could throw.
     */
    static WaitHint bounded(long millis, Duration cap) {
        return bounded(Duration.ofMillis(Math.max(0, millis)), cap);
    }

    static WaitHint bounded(Duration wait, Duration cap) {
        Duration nonNegative = wait.isNegative() ? Duration.ZERO : wait;
        if (nonNegative.compareTo(cap) > 0) {
            return new WaitHint(cap, true, null);
        }
        return new WaitHint(nonNegative, false, null);
    }

    public boolean isUsable() {
        return wait != null;
    }

    /** The wait, empty when the hint was unusable. */
    public Optional<Duration> duration() {
        return Optional.ofNullable(wait);
    }

    /** True when the server asked for more than the cap and the wait is the cap. */
    public boolean isCapped() {
        return capped;
    }

    /** Why the hint is unusable; empty when it is usable. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WaitHint)) {
            return false;
        }
        WaitHint other = (WaitHint) o;
        return capped == other.capped
                && Objects.equals(wait, other.wait)
                && Objects.equals(problem, other.problem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(wait, capped, problem);
    }

    @Override
    public String toString() {
        if (wait == null) {
            return "WaitHint[unusable: " + problem + "]";
        }
        return "WaitHint[" + wait.toMillis() + " ms" + (capped ? ", capped" : "") + "]";
    }
}
