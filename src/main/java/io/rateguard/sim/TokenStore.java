package io.rateguard.sim;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Issues random bearer tokens, each with its own rate windows, and looks them up. */
final class TokenStore {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger seq = new AtomicInteger();
    private final SimulatorConfig cfg;
    private final long originNanos;
    /** The one quota of every token when the limit is client-wide, else null. */
    private final TokenQuota clientQuota;
    private final TokenQuota.Org org; // shared by every token; null without an org-wide limit

    TokenStore(SimulatorConfig cfg, long originNanos) {
        this.cfg = cfg;
        this.originNanos = originNanos;
        this.org = TokenQuota.orgOf(cfg, originNanos);
        this.clientQuota = cfg.clientWideLimit() ? TokenQuota.of(cfg, originNanos, org) : null;
    }

    AccessToken issue(long nowNanos) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AccessToken token = new AccessToken(value, seq.incrementAndGet(),
                nowNanos + cfg.tokenTtlSeconds() * 1_000_000_000L,
                clientQuota != null ? clientQuota : TokenQuota.of(cfg, originNanos, org));
        tokens.put(value, token);
        return token;
    }

    /** The token, or null when unknown. Expiry is the caller's check, so it can answer differently. */
    AccessToken find(String value) {
        return value == null ? null : tokens.get(value);
    }

    /** Drops an expired token so a long run does not accumulate them. */
    void forget(AccessToken token) {
        tokens.remove(token.value(), token);
    }

    int issuedCount() {
        return seq.get();
    }
}
