package io.rateguard.signals;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

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
    private final MalformedHint malformedHint;
    private final AnnouncedLimit announcedLimit;
    private final IninRateLimitHeaders legacyHeaders;
    private final String reason;

    RateLimitVerdict(int statusCode, boolean rateLimited, WaitHint wait, WaitSource source,
                     MalformedHint malformedHint, AnnouncedLimit announcedLimit,
                     IninRateLimitHeaders legacyHeaders, String reason) {
        if ((wait == null) != (source == WaitSource.NONE) || (wait != null && !wait.isUsable())) {
            throw new IllegalArgumentException("a usable wait goes with a source, none with NONE");
        }
        this.statusCode = statusCode;
        this.rateLimited = rateLimited;
        this.wait = wait;
        this.source = Objects.requireNonNull(source, "source");
        this.malformedHint = malformedHint;
        this.announcedLimit = announcedLimit;
        this.legacyHeaders = Objects.requireNonNull(legacyHeaders, "legacyHeaders");
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

    /** True when a Retry-After was present but unusable (the caller should warn). */
    public boolean isHintMalformed() {
        return malformedHint != null;
    }

    public Optional<MalformedHint> malformedHint() {
        return Optional.ofNullable(malformedHint);
    }

    /** The limit the body announced (Genesys' older message shape), if any. */
    public Optional<AnnouncedLimit> announcedLimit() {
        return Optional.ofNullable(announcedLimit);
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
