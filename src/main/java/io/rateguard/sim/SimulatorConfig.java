package io.rateguard.sim;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Immutable settings of a {@link GenesysSimulator}. Build one with {@link #builder()}; every
 * field has a default that mirrors Genesys Cloud (docs/genesys-rate-limits.md), so
 * {@code SimulatorConfig.builder().build()} behaves like a real org with one OAuth client.
 */
public final class SimulatorConfig {

    /** Demo credentials: the simulator only ever runs on 127.0.0.1, so a fixed default is safe. */
    public static final String DEFAULT_CLIENT_ID = "rateguard-demo";
    public static final String DEFAULT_CLIENT_SECRET = "rateguard-demo-secret";

    private final int port;
    private final String clientId;
    private final String clientSecret;
    private final long tokenTtlSeconds;
    private final int tokenLimit;
    private final int tokenPeriodSeconds;
    private final int ivrPutLimit;
    private final int ivrPutPeriodSeconds;
    private final long serviceTimeMillis;
    private final int flowCount;
    private final int ivrCount;
    private final boolean always429;
    private final int retryAfterSeconds;
    private final boolean omitRetryAfter;
    private final boolean legacyBody;
    private final RateLimitHeaderStyle headerStyle;
    private final boolean refuseWith403;
    private final int orgLimit;
    private final int orgPeriodSeconds;
    private final int maxEvents;
    private final boolean clientWideLimit;
    private final LongSupplier clock;

    private SimulatorConfig(Builder b) {
        port = b.port;
        clientId = b.clientId;
        clientSecret = b.clientSecret;
        tokenTtlSeconds = b.tokenTtlSeconds;
        tokenLimit = b.tokenLimit;
        tokenPeriodSeconds = b.tokenPeriodSeconds;
        ivrPutLimit = b.ivrPutLimit;
        ivrPutPeriodSeconds = b.ivrPutPeriodSeconds;
        serviceTimeMillis = b.serviceTimeMillis;
        flowCount = b.flowCount;
        ivrCount = b.ivrCount;
        always429 = b.always429;
        retryAfterSeconds = b.retryAfterSeconds;
        omitRetryAfter = b.omitRetryAfter;
        legacyBody = b.legacyBody;
        headerStyle = b.headerStyle;
        refuseWith403 = b.refuseWith403;
        orgLimit = b.orgLimit;
        orgPeriodSeconds = b.orgPeriodSeconds;
        maxEvents = b.maxEvents;
        clientWideLimit = b.clientWideLimit;
        clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A config with every default. */
    public static SimulatorConfig defaults() {
        return builder().build();
    }

    /**
     * Parses command-line options (see {@link GenesysSimulator#USAGE}). The client secret is read
     * from the environment variable named by {@code --client-secret-env}, never from argv,
     * because argv is visible to every user of the machine.
     *
     * @throws IllegalArgumentException naming the option and the bad value
     */
    public static SimulatorConfig fromArgs(String[] args) {
        return SimulatorArgs.parse(args, System::getenv);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.clientId = clientId;
        b.clientSecret = clientSecret;
        b.tokenTtlSeconds = tokenTtlSeconds;
        b.tokenLimit = tokenLimit;
        b.tokenPeriodSeconds = tokenPeriodSeconds;
        b.ivrPutLimit = ivrPutLimit;
        b.ivrPutPeriodSeconds = ivrPutPeriodSeconds;
        b.serviceTimeMillis = serviceTimeMillis;
        b.flowCount = flowCount;
        b.ivrCount = ivrCount;
        b.always429 = always429;
        b.retryAfterSeconds = retryAfterSeconds;
        b.omitRetryAfter = omitRetryAfter;
        b.legacyBody = legacyBody;
        b.headerStyle = headerStyle;
        b.refuseWith403 = refuseWith403;
        b.orgLimit = orgLimit;
        b.orgPeriodSeconds = orgPeriodSeconds;
        b.maxEvents = maxEvents;
        b.clientWideLimit = clientWideLimit;
        b.clock = clock;
        return b;
    }

    public int port() { return port; }
    public String clientId() { return clientId; }
    public String clientSecret() { return clientSecret; }
    public long tokenTtlSeconds() { return tokenTtlSeconds; }
    public int tokenLimit() { return tokenLimit; }
    public int tokenPeriodSeconds() { return tokenPeriodSeconds; }
    public int ivrPutLimit() { return ivrPutLimit; }
    public int ivrPutPeriodSeconds() { return ivrPutPeriodSeconds; }
    public long serviceTimeMillis() { return serviceTimeMillis; }
    public int flowCount() { return flowCount; }
    public int ivrCount() { return ivrCount; }
    public boolean always429() { return always429; }
    public int retryAfterSeconds() { return retryAfterSeconds; }
    public boolean omitRetryAfter() { return omitRetryAfter; }
    public boolean legacyBody() { return legacyBody; }
    public RateLimitHeaderStyle headerStyle() { return headerStyle; }
    public boolean refuseWith403() { return refuseWith403; }
    public int orgLimit() { return orgLimit; }
    public int orgPeriodSeconds() { return orgPeriodSeconds; }
    public int maxEvents() { return maxEvents; }
    public boolean clientWideLimit() { return clientWideLimit; }
    public LongSupplier clock() { return clock; }

    /** Never shows the secret: configs end up in logs. */
    @Override
    public String toString() {
        return "SimulatorConfig{port=" + port + ", clientId=" + clientId + ", clientSecret=***"
                + ", tokenTtlSeconds=" + tokenTtlSeconds
                + ", tokenLimit=" + tokenLimit + "/" + tokenPeriodSeconds + "s"
                + ", ivrPutLimit=" + ivrPutLimit + "/" + ivrPutPeriodSeconds + "s"
                + ", serviceTimeMillis=" + serviceTimeMillis
                + ", flows=" + flowCount + ", ivrs=" + ivrCount
                + ", always429=" + always429 + (always429 ? " (Retry-After " + retryAfterSeconds + ")" : "")
                + ", omitRetryAfter=" + omitRetryAfter + ", legacyBody=" + legacyBody
                + ", headers=" + headerStyle.optionValue() + (refuseWith403 ? ", refusals as 403" : "")
                + (orgLimit > 0 ? ", orgLimit=" + orgLimit + "/" + orgPeriodSeconds + "s" : "")
                + ", maxEvents=" + maxEvents + (clientWideLimit ? ", clientWideLimit" : "") + "}";
    }

    /** Mutable builder; {@link #build()} validates and names the bad field. */
    public static final class Builder {
        private int port = 0;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private long tokenTtlSeconds = 86_400;
        private int tokenLimit = 300;
        private int tokenPeriodSeconds = 60;
        private int ivrPutLimit = 100;
        private int ivrPutPeriodSeconds = 60;
        private long serviceTimeMillis = 0;
        private int flowCount = 20;
        private int ivrCount = 5;
        private boolean always429 = false;
        private int retryAfterSeconds = 60;
        private boolean omitRetryAfter = false;
        private boolean legacyBody = false;
        private RateLimitHeaderStyle headerStyle = RateLimitHeaderStyle.GENESYS;
        private boolean refuseWith403 = false;
        private int orgLimit = 0;
        private int orgPeriodSeconds = 60;
        private int maxEvents = 2_000_000;
        private boolean clientWideLimit = false;
        private LongSupplier clock = System::nanoTime;

        private Builder() {
        }

        /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
        public Builder port(int v) { port = v; return this; }

        /** OAuth client id accepted by POST /oauth/token (default {@value SimulatorConfig#DEFAULT_CLIENT_ID}). */
        public Builder clientId(String v) { clientId = v; return this; }

        /** OAuth client secret (default {@link #DEFAULT_CLIENT_SECRET}). */
        public Builder clientSecret(String v) { clientSecret = v; return this; }

        /** Lifetime of issued tokens, the {@code expires_in} value (default 86400 s). */
        public Builder tokenTtlSeconds(long v) { tokenTtlSeconds = v; return this; }

        /** Requests allowed per token per window (default 300, Genesys' per-token limit). */
        public Builder tokenLimit(int v) { tokenLimit = v; return this; }

        /** Length of the per-token fixed window (default 60 s); windows start at server start. */
        public Builder tokenPeriodSeconds(int v) { tokenPeriodSeconds = v; return this; }

        /** PUT /api/v2/architect/ivrs/{id} allowed per token per window (default 100; 0 disables). */
        public Builder ivrPutLimit(int v) { ivrPutLimit = v; return this; }

        /** Length of the IVR PUT window (default 60 s). */
        public Builder ivrPutPeriodSeconds(int v) { ivrPutPeriodSeconds = v; return this; }

        /** Artificial service time added to every served API request (default 0 ms). */
        public Builder serviceTimeMillis(long v) { serviceTimeMillis = v; return this; }

        /** Number of seeded flows (default 20), ids from {@link SeedIds#flowId(int)}. */
        public Builder flowCount(int v) { flowCount = v; return this; }

        /** Number of seeded IVRs (default 5), ids from {@link SeedIds#ivrId(int)}. */
        public Builder ivrCount(int v) { ivrCount = v; return this; }

        /** Answer every authorised API request with 429 (to test give-up and Stop during a pause). */
        public Builder always429(boolean v) { always429 = v; return this; }

        /** The fixed Retry-After used by {@link #always429(boolean)} mode (default 60 s). */
        public Builder retryAfterSeconds(int v) { retryAfterSeconds = v; return this; }

        /** Send 429s without a Retry-After header, like older Genesys responses. */
        public Builder omitRetryAfter(boolean v) { omitRetryAfter = v; return this; }

        /** Send the pre-2021 body ({@code too.many.requests}, "maximum [300] requests within [60] seconds"). */
        public Builder legacyBody(boolean v) { legacyBody = v; return this; }

        /** The rate-limit header family sent on every API response (default none, as Genesys). */
        public Builder headerStyle(RateLimitHeaderStyle v) { headerStyle = v; return this; }

        /** Refuse with 403 instead of 429, as GitHub does for a used-up primary quota. */
        public Builder refuseWith403(boolean v) { refuseWith403 = v; return this; }

        /** Requests allowed per org window across all tokens (default 0: no org-wide limit). */
        public Builder orgLimit(int v) { orgLimit = v; return this; }

        /** Length of the org-wide window (default 60 s). */
        public Builder orgPeriodSeconds(int v) { orgPeriodSeconds = v; return this; }

        /** Upper bound of recorded request events (default 2,000,000); later ones are only counted. */
        public Builder maxEvents(int v) { maxEvents = v; return this; }

        /**
         * One set of rate windows for every token of the client instead of one per token, like an
         * organisation-wide limit: engines that each fetch their own token then share one limit
         * (the distributed tests' server). Default false: per token, as documented by Genesys.
         */
        public Builder clientWideLimit(boolean v) { clientWideLimit = v; return this; }

        /** Monotonic nanosecond clock for windows, expiry and stats; tests inject a fake one. */
        public Builder clock(LongSupplier v) { clock = v; return this; }

        public SimulatorConfig build() {
            require(port >= 0 && port <= 65_535, "port", port, "0..65535");
            require(clientId != null && !clientId.isBlank() && clientId.indexOf(':') < 0,
                    "clientId", clientId, "non-blank, without ':'");
            require(clientSecret != null && !clientSecret.isEmpty(), "clientSecret", "(hidden)", "non-empty");
            require(tokenTtlSeconds >= 1, "tokenTtlSeconds", tokenTtlSeconds, ">= 1");
            require(tokenLimit >= 1, "tokenLimit", tokenLimit, ">= 1");
            require(tokenPeriodSeconds >= 1, "tokenPeriodSeconds", tokenPeriodSeconds, ">= 1");
            require(ivrPutLimit >= 0, "ivrPutLimit", ivrPutLimit, ">= 0 (0 disables)");
            require(ivrPutPeriodSeconds >= 1, "ivrPutPeriodSeconds", ivrPutPeriodSeconds, ">= 1");
            require(serviceTimeMillis >= 0, "serviceTimeMillis", serviceTimeMillis, ">= 0");
            require(flowCount >= 0, "flowCount", flowCount, ">= 0");
            require(ivrCount >= 0, "ivrCount", ivrCount, ">= 0");
            require(retryAfterSeconds >= 1, "retryAfterSeconds", retryAfterSeconds, ">= 1");
            require(maxEvents >= 0, "maxEvents", maxEvents, ">= 0");
            require(headerStyle != null, "headerStyle", headerStyle, "a header style");
            require(orgLimit >= 0, "orgLimit", orgLimit, ">= 0 (0 disables)");
            require(orgPeriodSeconds >= 1, "orgPeriodSeconds", orgPeriodSeconds, ">= 1");
            Objects.requireNonNull(clock, "clock");
            return new SimulatorConfig(this);
        }

        private static void require(boolean ok, String field, Object value, String expected) {
            if (!ok) {
                throw new IllegalArgumentException(field + ": expected " + expected + ", got " + value);
            }
        }
    }
}
