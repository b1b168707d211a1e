package io.rateguard.signals;

/** Where the wait of a rate-limited response (or a pre-emptive pause) came from, in precedence order. */
public enum WaitSource {
    /** The Retry-After header (takes precedence over everything else). */
    RETRY_AFTER,
    /** Genesys' "Retry the request in [N] seconds" body message. */
    GENESYS_BODY,
    /** The IETF {@code RateLimit} field, draft -07 or -08 onward: t / reset of an exhausted quota. */
    IETF_RATELIMIT,
    /** {@code RateLimit-Reset} (IETF drafts up to -06). */
    RATELIMIT_RESET,
    /** GitHub's {@code x-ratelimit-reset} or X's {@code x-rate-limit-reset} (Unix seconds). */
    VENDOR_RESET,
    /** No usable hint: the caller applies its default wait. */
    NONE
}
