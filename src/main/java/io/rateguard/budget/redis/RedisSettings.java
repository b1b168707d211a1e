package io.rateguard.budget.redis;

/**
 * How a budget is shared through Redis: where, under which keys, and what to do when Redis is
 * gone. Keys are {@code keyPrefix + scope + ":" + bucket name + ...}: the scope keeps two tests
 * that use the same bucket name apart, while every engine of one test computes the same scope.
 *
 * @param engines how many engines share the budget: a fallback runs each at limit / engines
 */
public record RedisSettings(RedisLocation location, String keyPrefix, String scope, OnRedisFailure onFailure, int engines) {

    public RedisSettings {
        if (location == null) {
            throw new IllegalArgumentException("Redis location is required");
        }
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("scope must not be empty");
        }
        if (engines < 1) {
            throw new IllegalArgumentException("engines must be at least 1, was " + engines);
        }
        keyPrefix = keyPrefix == null ? "" : keyPrefix;
    }

    /**
     * The key stem of one bucket: prefix, then scope and name in a hash tag, so that the bucket
     * and its pause land on one Redis Cluster slot (one script reads both).
     */
    public String keyOf(String bucketName) {
        return keyPrefix + "{" + scope + ":" + bucketName + "}";
    }

    @Override
    public String toString() {
        // location's own toString masks the password
        return "Redis " + location + ", keys '" + keyPrefix + "{" + scope + ":*', on failure " + onFailure
                + (onFailure == OnRedisFailure.FALLBACK ? " (local share 1/" + engines + ")" : "");
    }
}
