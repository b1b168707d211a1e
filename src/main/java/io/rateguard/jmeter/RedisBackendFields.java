package io.rateguard.jmeter;

import io.rateguard.budget.redis.OnRedisFailure;
import io.rateguard.budget.redis.RedisLocation;
import io.rateguard.budget.redis.RedisSettings;

import java.util.Locale;

/**
 * Reads a RateGuard Bucket's Redis fields into {@link RedisSettings}. Messages name the element,
 * the field and the value, with any password in a URL masked.
 */
final class RedisBackendFields {

    static final String RUN_ID_PROPERTY = "rateguard.run.id";
    static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    static final String DEFAULT_PREFIX = "rateguard:";

    private RedisBackendFields() {
    }

    /** "local" or "redis". */
    static boolean isRedis(FieldParser p, String backend) {
        String v = p.text("backend", backend, "local").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "local" -> false;
            case "redis" -> true;
            default -> throw p.bad("backend", backend.trim(), "is not 'local' or 'redis'");
        };
    }

    /**
     * @param scriptName the plan's file name, as every engine of a distributed run knows it
     * @param runId      the {@value #RUN_ID_PROPERTY} property, or null
     * @param envPassword the {@value RedisLocation#PASSWORD_ENV} environment variable, or null
     */
    static RedisSettings read(FieldParser p, String url, String keyPrefix, String scope, String onFailure, String engines,
                              String scriptName, String runId, String envPassword) {
        String rawUrl = url == null || url.isBlank() ? DEFAULT_URL : url.trim();
        if (rawUrl.contains("${")) {
            throw p.bad("Redis URL", maskUserInfo(rawUrl), "has an unresolved variable or function (is the property or variable defined?)");
        }
        RedisLocation location;
        try {
            location = RedisLocation.parse(rawUrl, envPassword);
        } catch (IllegalArgumentException e) {
            throw p.bad("Redis URL", maskUserInfo(rawUrl), e.getMessage());
        }
        String prefix = keyPrefix == null ? DEFAULT_PREFIX : keyPrefix.trim();
        if (prefix.contains("${")) {
            throw p.bad("key prefix", prefix, "has an unresolved variable or function (is the property or variable defined?)");
        }
        String s = p.text("test scope", scope, defaultScope(scriptName, runId));
        String failure = p.text("on Redis failure", onFailure, "fail").toLowerCase(Locale.ROOT);
        OnRedisFailure policy = switch (failure) {
            case "fail" -> OnRedisFailure.FAIL;
            case "fallback" -> OnRedisFailure.FALLBACK;
            default -> throw p.bad("on Redis failure", onFailure.trim(), "is not 'fail' or 'fallback'");
        };
        long n = p.wholeNumber("engines", engines, 1, 1);
        if (n > 10_000) {
            throw p.bad("engines", engines.trim(), "is more than 10000");
        }
        return new RedisSettings(location, prefix, s, policy, (int) n);
    }

    /**
     * The scope when the field is empty: the plan's file name (the same on every engine of one
     * test, different between two plans), plus the run id property when set, so two runs of one
     * plan at the same time can be kept apart with -G{@value #RUN_ID_PROPERTY}=...
     */
    static String defaultScope(String scriptName, String runId) {
        String plan = scriptName == null || scriptName.isBlank() ? "unsaved-plan" : scriptName.trim();
        int slash = Math.max(plan.lastIndexOf('/'), plan.lastIndexOf('\\'));
        plan = plan.substring(slash + 1);
        if (plan.toLowerCase(Locale.ROOT).endsWith(".jmx")) {
            plan = plan.substring(0, plan.length() - 4);
        }
        return runId == null || runId.isBlank() ? plan : plan + ":" + runId.trim();
    }

    /** A URL that failed to parse may still hold a password: hide what sits before '@'. */
    static String maskUserInfo(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }
}
