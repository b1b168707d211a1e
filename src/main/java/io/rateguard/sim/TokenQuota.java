package io.rateguard.sim;

/**
 * The rate windows of one access token: the general per-token window and, for
 * PUT /api/v2/architect/ivrs/{id}, a second window (docs/genesys-rate-limits.md: limits are
 * layered, one request counts against several). A refused request consumes nothing, so a
 * client that waits out Retry-After finds the full quota.
 */
final class TokenQuota {

    private final FixedWindow tokenWindow;
    private final FixedWindow ivrPutWindow; // null when the IVR PUT limit is disabled

    TokenQuota(FixedWindow tokenWindow, FixedWindow ivrPutWindow) {
        this.tokenWindow = tokenWindow;
        this.ivrPutWindow = ivrPutWindow;
    }

    static TokenQuota of(SimulatorConfig cfg, long originNanos) {
        FixedWindow token = new FixedWindow(cfg.tokenLimit(), cfg.tokenPeriodSeconds() * 1_000_000_000L, originNanos);
        FixedWindow ivr = cfg.ivrPutLimit() == 0 ? null
                : new FixedWindow(cfg.ivrPutLimit(), cfg.ivrPutPeriodSeconds() * 1_000_000_000L, originNanos);
        return new TokenQuota(token, ivr);
    }

    /** Checks every applicable window and consumes from all of them only if all have room. */
    synchronized RateDecision tryAcquire(long nowNanos, boolean ivrPut) {
        FixedWindow binding = null;
        if (!tokenWindow.hasRoom(nowNanos)) {
            binding = tokenWindow;
        }
        FixedWindow ivr = ivrPut ? ivrPutWindow : null;
        if (ivr != null && !ivr.hasRoom(nowNanos)
                && (binding == null || ivr.nanosUntilReset(nowNanos) > binding.nanosUntilReset(nowNanos))) {
            // when both are full, quota returns only when the later of the two resets
            binding = ivr;
        }
        if (binding != null) {
            return RateDecision.refused(RateDecision.retryAfterSeconds(binding.nanosUntilReset(nowNanos)),
                    binding.limit(), binding.periodSeconds());
        }
        tokenWindow.consume(nowNanos);
        if (ivr != null) {
            ivr.consume(nowNanos);
        }
        return RateDecision.ALLOWED;
    }

    synchronized int usedInTokenWindow(long nowNanos) {
        return tokenWindow.used(nowNanos);
    }
}
