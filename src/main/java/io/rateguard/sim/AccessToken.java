package io.rateguard.sim;

/**
 * An issued client-credentials token. {@code seq} is a small public number (1, 2, ...) so stats
 * can group requests by token without ever exposing the bearer value.
 */
record AccessToken(String value, int seq, long expiresAtNanos, TokenQuota quota) {

    boolean expiredAt(long nowNanos) {
        return nowNanos - expiresAtNanos >= 0;
    }
}
