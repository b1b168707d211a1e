package io.rateguard.signals;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Genesys' legacy {@code inin-ratelimit-allowed / -count / -reset} headers.
 *
 * <p>Removed in 2021 because they reported only one of several layered limits, but old
 * recordings and mocks still carry them ({@code allowed: 180, count: 1, reset: 61}). They are
 * exposed as optional hints for reporting and are never used to compute a wait. A missing or
 * malformed value is simply absent.
 */
public final class IninRateLimitHeaders {

    public static final String ALLOWED = "inin-ratelimit-allowed";
    public static final String COUNT = "inin-ratelimit-count";
    public static final String RESET = "inin-ratelimit-reset";

    private static final IninRateLimitHeaders ABSENT =
            new IninRateLimitHeaders(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    private final OptionalLong allowed;
    private final OptionalLong count;
    private final OptionalLong resetSeconds;

    private IninRateLimitHeaders(OptionalLong allowed, OptionalLong count, OptionalLong resetSeconds) {
        this.allowed = allowed;
        this.count = count;
        this.resetSeconds = resetSeconds;
    }

    public static IninRateLimitHeaders from(ResponseHeaders headers) {
        if (headers == null) {
            return ABSENT;
        }
        OptionalLong allowed = nonNegativeLong(headers, ALLOWED);
        OptionalLong count = nonNegativeLong(headers, COUNT);
        OptionalLong reset = nonNegativeLong(headers, RESET);
        if (allowed.isEmpty() && count.isEmpty() && reset.isEmpty()) {
            return ABSENT;
        }
        return new IninRateLimitHeaders(allowed, count, reset);
    }

    private static OptionalLong nonNegativeLong(ResponseHeaders headers, String name) {
        String value = headers.first(name).orElse("").trim();
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty(); // 18 digits always fit a long: no overflow to handle
        }
        return OptionalLong.of(Long.parseLong(value));
    }

    /** True when at least one of the three headers had a usable value. */
    public boolean isPresent() {
        return allowed.isPresent() || count.isPresent() || resetSeconds.isPresent();
    }

    /** Requests allowed in the current window ({@code inin-ratelimit-allowed}). */
    public OptionalLong allowed() {
        return allowed;
    }

    /** Requests counted so far in the window ({@code inin-ratelimit-count}). */
    public OptionalLong count() {
        return count;
    }

    /** Time until the window resets ({@code inin-ratelimit-reset}, seconds). */
    public Optional<Duration> reset() {
        return resetSeconds.isPresent()
                ? Optional.of(Duration.ofSeconds(resetSeconds.getAsLong()))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return "IninRateLimitHeaders[allowed=" + allowed + ", count=" + count + ", reset=" + resetSeconds + "]";
    }
}
