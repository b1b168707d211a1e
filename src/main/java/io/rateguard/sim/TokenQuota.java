package io.rateguard.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The rate windows of one access token: the general per-token window and, for
 * PUT /api/v2/architect/ivrs/{id}, a second window (docs/genesys-rate-limits.md: limits are
 * layered, one request counts against several), plus the organisation's window shared by every
 * token when one is configured. A refused request consumes nothing, so a client that waits out
 * Retry-After finds the full quota.
 */
final class TokenQuota {

    /** The organisation-wide window: one instance shared by all tokens, guarded by itself. */
    static final class Org {
        final FixedWindow window;

        Org(FixedWindow window) {
            this.window = window;
        }
    }

    private final FixedWindow tokenWindow;
    private final FixedWindow ivrPutWindow; // null when the IVR PUT limit is disabled
    private final Org org;                  // null when there is no org-wide limit

    TokenQuota(FixedWindow tokenWindow, FixedWindow ivrPutWindow) {
        this(tokenWindow, ivrPutWindow, null);
    }

    TokenQuota(FixedWindow tokenWindow, FixedWindow ivrPutWindow, Org org) {
        this.tokenWindow = tokenWindow;
        this.ivrPutWindow = ivrPutWindow;
        this.org = org;
    }

    static TokenQuota of(SimulatorConfig cfg, long originNanos) {
        return of(cfg, originNanos, null);
    }

    static TokenQuota of(SimulatorConfig cfg, long originNanos, Org org) {
        FixedWindow token = new FixedWindow(cfg.tokenLimit(), cfg.tokenPeriodSeconds() * 1_000_000_000L, originNanos);
        FixedWindow ivr = cfg.ivrPutLimit() == 0 ? null
                : new FixedWindow(cfg.ivrPutLimit(), cfg.ivrPutPeriodSeconds() * 1_000_000_000L, originNanos);
        return new TokenQuota(token, ivr, org);
    }

    static Org orgOf(SimulatorConfig cfg, long originNanos) {
        return cfg.orgLimit() == 0 ? null
                : new Org(new FixedWindow(cfg.orgLimit(), cfg.orgPeriodSeconds() * 1_000_000_000L, originNanos));
    }

    /** Checks every applicable window and consumes from all of them only if all have room. */
    RateDecision tryAcquire(long nowNanos, boolean ivrPut) {
        if (org == null) {
            return tryAcquireLocked(nowNanos, ivrPut);
        }
        synchronized (org) { // always org before token: one lock order, no deadlock
            return tryAcquireLocked(nowNanos, ivrPut);
        }
    }

    private synchronized RateDecision tryAcquireLocked(long nowNanos, boolean ivrPut) {
        FixedWindow binding = null;
        for (FixedWindow w : applicable(ivrPut)) {
            // when several are full, quota returns only when the last of them resets
            if (!w.hasRoom(nowNanos)
                    && (binding == null || w.nanosUntilReset(nowNanos) > binding.nanosUntilReset(nowNanos))) {
                binding = w;
            }
        }
        if (binding != null) {
            return RateDecision.refused(RateDecision.retryAfterSeconds(binding.nanosUntilReset(nowNanos)),
                    binding.limit(), binding.periodSeconds());
        }
        for (FixedWindow w : applicable(ivrPut)) {
            w.consume(nowNanos);
        }
        return RateDecision.ALLOWED;
    }

    /** Where each applicable window stands now, for rate-limit headers. */
    List<WindowStatus> status(long nowNanos, boolean ivrPut) {
        if (org == null) {
            return statusLocked(nowNanos, ivrPut);
        }
        synchronized (org) {
            return statusLocked(nowNanos, ivrPut);
        }
    }

    private synchronized List<WindowStatus> statusLocked(long nowNanos, boolean ivrPut) {
        List<WindowStatus> out = new ArrayList<>(3);
        out.add(statusOf("token", tokenWindow, nowNanos));
        if (ivrPut && ivrPutWindow != null) {
            out.add(statusOf("ivr-put", ivrPutWindow, nowNanos));
        }
        if (org != null) {
            out.add(statusOf("org", org.window, nowNanos));
        }
        return out;
    }

    private static WindowStatus statusOf(String name, FixedWindow w, long nowNanos) {
        return new WindowStatus(name, w.limit(), w.periodSeconds(), Math.max(0, w.limit() - w.used(nowNanos)),
                w.nanosUntilReset(nowNanos));
    }

    private List<FixedWindow> applicable(boolean ivrPut) {
        List<FixedWindow> windows = new ArrayList<>(3);
        windows.add(tokenWindow);
        if (ivrPut && ivrPutWindow != null) {
            windows.add(ivrPutWindow);
        }
        if (org != null) {
            windows.add(org.window);
        }
        return windows;
    }

    synchronized int usedInTokenWindow(long nowNanos) {
        return tokenWindow.used(nowNanos);
    }
}
