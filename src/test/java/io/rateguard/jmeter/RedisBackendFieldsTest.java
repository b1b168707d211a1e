package io.rateguard.jmeter;

import io.rateguard.budget.redis.OnRedisFailure;
import io.rateguard.budget.redis.RedisSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RedisBackendFieldsTest {

    private final FieldParser p = new FieldParser("RateGuard Bucket", "token budget");

    private RedisSettings read(String url, String prefix, String scope, String onFailure, String engines) {
        return RedisBackendFields.read(p, url, prefix, scope, onFailure, engines, "/plans/architect-flows-burst.jmx", null, null);
    }

    @Test
    void backendIsLocalOrRedis() {
        assertFalse(RedisBackendFields.isRedis(p, null));
        assertFalse(RedisBackendFields.isRedis(p, " Local "));
        assertTrue(RedisBackendFields.isRedis(p, "redis"));
        var e = assertThrows(IllegalArgumentException.class, () -> RedisBackendFields.isRedis(p, "memcached"));
        assertEquals("RateGuard Bucket 'token budget': backend 'memcached' is not 'local' or 'redis'", e.getMessage());
    }

    @Test
    void emptyFieldsTakeTheDefaults() {
        RedisSettings s = read(null, null, null, null, null);
        assertEquals("redis://127.0.0.1:6379/0", s.location().toString());
        assertEquals("rateguard:{architect-flows-burst:default}", s.keyOf("default"));
        assertEquals(OnRedisFailure.FAIL, s.onFailure());
        assertEquals(1, s.engines());
    }

    @Test
    void theDefaultScopeIsThePlanAndTheRunIdEveryEngineIsGiven() {
        assertEquals("architect-flows-burst", RedisBackendFields.defaultScope("C:\\plans\\architect-flows-burst.jmx", null));
        assertEquals("architect-flows-burst:nightly-7", RedisBackendFields.defaultScope("architect-flows-burst.jmx", " nightly-7 "));
        assertEquals("unsaved-plan", RedisBackendFields.defaultScope(null, ""));
        RedisSettings s = RedisBackendFields.read(p, "", "", "", "fallback", "3", "a.jmx", "run-1", null);
        assertEquals("a:run-1", s.scope());
        assertEquals(OnRedisFailure.FALLBACK, s.onFailure());
        assertEquals(3, s.engines());
    }

    @Test
    void eachBadValueIsNamedWithTheElementAndAPasswordNeverShows() {
        var e = assertThrows(IllegalArgumentException.class, () -> read("http://127.0.0.1:6379", null, null, null, null));
        assertEquals("RateGuard Bucket 'token budget': Redis URL 'http://127.0.0.1:6379' must start with redis:// or rediss://", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read("redis://:hunter2@127.0.0.1:6379/x", null, null, null, null));
        assertEquals("RateGuard Bucket 'token budget': Redis URL 'redis://***@127.0.0.1:6379/x' names database 'x', which is not a number",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read("${__P(redis.url)}", null, null, null, null));
        assertTrue(e.getMessage().contains("Redis URL '${__P(redis.url)}' has an unresolved variable"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read(null, null, null, "retry", null));
        assertEquals("RateGuard Bucket 'token budget': on Redis failure 'retry' is not 'fail' or 'fallback'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read(null, null, null, null, "0"));
        assertEquals("RateGuard Bucket 'token budget': engines '0' must be at least 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read(null, null, "${__P(run)}", null, null));
        assertTrue(e.getMessage().startsWith("RateGuard Bucket 'token budget': test scope '${__P(run)}' has an unresolved"), e.getMessage());
    }
}
