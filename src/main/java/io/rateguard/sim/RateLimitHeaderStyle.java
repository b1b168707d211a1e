package io.rateguard.sim;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Which rate-limit header family the simulator sends on API responses (docs/genesys-rate-limits.md,
 * "Other APIs' rate-limit headers"). Genesys itself sends none; the others let a client's reading
 * of each family be tested end to end.
 */
public enum RateLimitHeaderStyle {
    /** None, as Genesys Cloud today. */
    GENESYS,
    /** IETF draft -08 onward: {@code RateLimit-Policy} and {@code RateLimit} lists, one item per window. */
    IETF,
    /** IETF draft -07: {@code RateLimit: limit=, remaining=, reset=} and {@code RateLimit-Policy: N;w=S}. */
    IETF_DRAFT_07,
    /** Drafts up to -06: {@code RateLimit-Limit / -Remaining / -Reset}. */
    RATELIMIT_HEADERS,
    /** GitHub: {@code x-ratelimit-limit / -remaining / -used / -reset} (Unix seconds). */
    GITHUB,
    /** X (Twitter): {@code x-rate-limit-limit / -remaining / -reset} (Unix seconds). */
    X;

    /** The option value, e.g. {@code ietf-draft-07}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RateLimitHeaderStyle fromOption(String value) {
        for (RateLimitHeaderStyle s : values()) {
            if (s.optionValue().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        StringJoiner known = new StringJoiner(", ");
        for (RateLimitHeaderStyle s : values()) {
            known.add(s.optionValue());
        }
        throw new IllegalArgumentException("--rate-limit-headers: expected one of " + known + ", got '" + value + "'");
    }

    /**
     * Adds this family's headers for {@code windows} (every window the request counted against)
     * to {@code r}. The single-quota families describe the window with the fewest requests left.
     */
    SimResponse addTo(SimResponse r, List<WindowStatus> windows, long nowEpochMillis) {
        if (this == GENESYS || windows.isEmpty()) {
            return r;
        }
        WindowStatus tightest = windows.get(0);
        for (WindowStatus w : windows) {
            if (w.remaining() < tightest.remaining()
                    || (w.remaining() == tightest.remaining() && w.nanosUntilReset() > tightest.nanosUntilReset())) {
                tightest = w;
            }
        }
        long resetEpoch = (nowEpochMillis + tightest.nanosUntilReset() / 1_000_000L + 999) / 1000;
        switch (this) {
            case IETF -> {
                StringJoiner policy = new StringJoiner(", ");
                StringJoiner state = new StringJoiner(", ");
                for (WindowStatus w : windows) {
                    policy.add("\"" + w.name() + "\";q=" + w.limit() + ";w=" + w.periodSeconds());
                    state.add("\"" + w.name() + "\";r=" + w.remaining() + ";t=" + w.resetSeconds());
                }
                return r.withHeader("RateLimit-Policy", policy.toString()).withHeader("RateLimit", state.toString());
            }
            case IETF_DRAFT_07 -> {
                return r.withHeader("RateLimit", "limit=" + tightest.limit() + ", remaining=" + tightest.remaining()
                                + ", reset=" + tightest.resetSeconds())
                        .withHeader("RateLimit-Policy", tightest.limit() + ";w=" + tightest.periodSeconds());
            }
            case RATELIMIT_HEADERS -> {
                return r.withHeader("RateLimit-Limit", tightest.limit() + ", " + tightest.limit() + ";w=" + tightest.periodSeconds())
                        .withHeader("RateLimit-Remaining", Integer.toString(tightest.remaining()))
                        .withHeader("RateLimit-Reset", Long.toString(tightest.resetSeconds()));
            }
            case GITHUB -> {
                return r.withHeader("x-ratelimit-limit", Integer.toString(tightest.limit()))
                        .withHeader("x-ratelimit-remaining", Integer.toString(tightest.remaining()))
                        .withHeader("x-ratelimit-used", Integer.toString(tightest.limit() - tightest.remaining()))
                        .withHeader("x-ratelimit-reset", Long.toString(resetEpoch))
                        .withHeader("x-ratelimit-resource", tightest.name());
            }
            case X -> {
                return r.withHeader("x-rate-limit-limit", Integer.toString(tightest.limit()))
                        .withHeader("x-rate-limit-remaining", Integer.toString(tightest.remaining()))
                        .withHeader("x-rate-limit-reset", Long.toString(resetEpoch));
            }
            default -> {
                return r;
            }
        }
    }
}
