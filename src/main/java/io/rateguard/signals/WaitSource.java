package io.rateguard.signals;

/** Where the wait of a rate-limited response came from. */
public enum WaitSource {
    /** The Retry-After header (takes precedence over everything else). */
    RETRY_AFTER,
    /** Genesys' "Retry the request in [N] seconds" body message. */
    GENESYS_BODY,
    /** No usable hint: the caller applies its default wait. */
    NONE
}
