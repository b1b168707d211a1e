package io.rateguard.budget.redis;

/** What a Redis budget does when Redis cannot be reached, at start or during the test. */
public enum OnRedisFailure {
    /** The test does not start, or stops: no engine runs on a guess of its share. */
    FAIL,
    /** Each engine runs a local bucket at limit / engines, with a warning, until Redis is back. */
    FALLBACK
}
