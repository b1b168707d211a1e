package io.rateguard.signals;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one response says about rate limiting: whether it is a rate-limit response, how long to
 * wait and on whose word, whether a hint was malformed, and a one-line reason for a failure
 * message. Produced by {@link RateLimitSignals}; immutable.
 */
public final class RateLimitVerdict {

    private final int statusCode;
    private final boolean rateLimited;
    private final WaitHint wait; // usable, or null when source is NONE
    private final WaitSource source;
    private final List<MalformedHint> malformedHints;
    private final AnnouncedLimit announcedLimit;
    private final Long announcedQuota; // a limit without a window, null when none
    private final IninRateLimitHeaders legacyHeaders;
    private final List<QuotaReport> quotas;
    private final Duration preemptivePause; // null when none
    private final String reason;

    RateLimitVerdict(int statusCode, boolean rateLimited, WaitHint wait, WaitSource source,
                     List<MalformedHint> malformedHints, AnnouncedLimit announcedLimit, Long announcedQuota,
                     IninRateLimitHeaders legacyHeaders, List<QuotaReport> quotas, Duration preemptivePause,
                     String reason) {
        if ((wait == null) != (source == WaitSource.NONE) || (wait != null && !wait.isUsable())) {
            throw new IllegalArgumentException("a usable wait goes with a source, none with NONE");
        }
        this.statusCode = statusCode;
        this.rateLimited = rateLimited;
        this.wait = wait;
        this.source = Objects.requireNonNull(source, "source");
        this.malformedHints = List.copyOf(malformedHints);
        this.announcedLimit = announcedLimit;
        this.announcedQuota = announcedQuota;
        this.legacyHeaders = Objects.requireNonNull(legacyHeaders, "legacyHeaders");
        this.quotas = List.copyOf(quotas);
        this.preemptivePause = preemptivePause;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public int statusCode() {
        return statusCode;
    }

    /** True for 429, and for 503 when configured to count as rate limiting. */
    public boolean isRateLimited() {
        return rateLimited;
    }

    /** The server's wait, already capped; empty when there was no usable hint. */
    public Optional<Duration> waitDuration() {
        return wait == null ? Optional.empty() : wait.duration();
    }

    /** The server's wait, or {@code defaultWait} when it gave none. */
    public Duration waitOr(Duration defaultWait) {
        Objects.requireNonNull(defaultWait, "defaultWait");
        return waitDuration().orElse(defaultWait);
    }

    /** Where {@link #waitDuration()} came from; {@code NONE} when it is empty. */
    public WaitSource source() {
        return source;
    }

    /** True when the server asked for more than the cap and the wait is the cap. */
    public boolean isCapped() {
        return wait != null && wait.isCapped();
    }

    /** True when a rate-limit hint was present but unusable (the caller should warn). */
    public boolean isHintMalformed() {
        return !malformedHints.isEmpty();
    }

    /** The first unusable hint, Retry-After's if it was one. */
    public Optional<MalformedHint> malformedHint() {
        return malformedHints.isEmpty() ? Optional.empty() : Optional.of(malformedHints.get(0));
    }

    /** Every unusable hint of the response, in precedence order (warn once per distinct value). */
    public List<MalformedHint> malformedHints() {
        return malformedHints;
    }

    /**
     * The limit the server announced with its window: an IETF {@code RateLimit-Policy} (the
     * lowest rate of several), Genesys' older body, or {@code RateLimit-Limit} with a policy.
     */
    public Optional<AnnouncedLimit> announcedLimit() {
        return Optional.ofNullable(announcedLimit);
    }

    /**
     * A request limit stated without a window ({@code x-ratelimit-limit}, {@code RateLimit-Limit}
     * alone, draft -07 {@code limit}); only present when {@link #announcedLimit()} is empty.
     */
    public OptionalLong announcedQuota() {
        return announcedQuota == null ? OptionalLong.empty() : OptionalLong.of(announcedQuota);
    }

    /** What every rate-limit header family said about its quotas. */
    public List<QuotaReport> quotas() {
        return quotas;
    }

    /**
     * On a response that is not rate limiting: a quota is used up (remaining 0) and says when it
     * returns, so the budget should hold until then instead of waiting for the server's 429.
     * Capped like every wait; empty when no quota is exhausted.
     */
    public Optional<Duration> preemptivePause() {
        return Optional.ofNullable(preemptivePause);
    }

    /** The legacy {@code inin-ratelimit-*} headers; informational only. */
    public IninRateLimitHeaders legacyHeaders() {
        return legacyHeaders;
    }

    /** E.g. {@code 429 Too Many Requests, Retry-After: 42 (42000 ms)}. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "RateLimitVerdict[" + reason + "]";
    }
}
