package io.rateguard.jmeter;

import io.rateguard.retry.RetryPolicy;
import io.rateguard.signals.RateLimitSignals;

import java.time.Duration;

/**
 * The RateGuard fields of one RateGuard HTTP Request, read and checked once per sample (they may
 * hold ${var}s).
 */
record RateLimitSettings(String bucket, RetryPolicy policy, RateLimitSignals signals) {

    static final String DEFAULT_MAX_RETRIES = "5";
    static final String DEFAULT_MAX_TOTAL_WAIT = "300";
    static final String DEFAULT_WAIT = "3";
    static final String DEFAULT_MAX_WAIT = "180";

    static RateLimitSettings read(RateGuardHttpSampler s) {
        FieldParser p = new FieldParser("RateGuard HTTP Request", s.getName());
        String bucket = p.text("bucket name", s.getBucketName(), RateGuardBucket.DEFAULT_NAME);
        int retries = (int) Math.min(1000, p.wholeNumber("max retries", s.getMaxRetries(), 5, 0));
        Duration total = p.seconds("max total wait (seconds)", s.getMaxTotalWait(), Duration.ofMinutes(5), true);
        Duration fallback = p.seconds("default wait (seconds)", s.getDefaultWait(), Duration.ofSeconds(3), true);
        Duration cap = p.seconds("max wait per answer (seconds)", s.getMaxWait(), Duration.ofSeconds(180), false);
        boolean on503 = p.flag("retry on 503", s.getRetryOn503(), false);
        return new RateLimitSettings(bucket, new RetryPolicy(retries, total, min(fallback, cap)),
                new RateLimitSignals(cap, on503));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
