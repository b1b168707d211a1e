package io.rateguard.budget.redis;

import io.rateguard.budget.BudgetSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class RedisLocationTest {

    @Test
    void readsHostPortDatabaseAndTls() {
        RedisLocation l = RedisLocation.parse("rediss://cache.example:6380/3", null);
        assertEquals("cache.example", l.host());
        assertEquals(6380, l.port());
        assertEquals(3, l.database());
        assertEquals("rediss://cache.example:6380/3", l.toString());
        assertTrue(l.toRedisUri(Duration.ofSeconds(1)).isSsl());
        assertEquals(6379, RedisLocation.parse("redis://127.0.0.1", null).port());
    }

    @Test
    void aPasswordComesFromTheUrlOrElseTheEnvironmentAndNeverShows() {
        RedisLocation fromUrl = RedisLocation.parse("redis://app:p%40ss@127.0.0.1:6379/0", "from-env");
        assertEquals("redis://app:***@127.0.0.1:6379/0", fromUrl.toString());
        assertArrayEquals("p@ss".toCharArray(), fromUrl.toRedisUri(Duration.ofSeconds(1)).getPassword());
        assertEquals("app", fromUrl.toRedisUri(Duration.ofSeconds(1)).getUsername());
        assertEquals("refused for *** at 127.0.0.1", fromUrl.mask("refused for p@ss at 127.0.0.1"));

        RedisLocation fromEnv = RedisLocation.parse("redis://127.0.0.1:6379", "from-env");
        assertTrue(fromEnv.hasPassword());
        assertEquals("redis://:***@127.0.0.1:6379/0", fromEnv.toString());
        assertFalse(RedisLocation.parse("redis://127.0.0.1:6379", "").hasPassword());
    }

    @Test
    void badUrlsSayWhatIsWrong() {
        assertEquals("must start with redis:// or rediss://",
                assertThrows(IllegalArgumentException.class, () -> RedisLocation.parse("localhost:6379", null)).getMessage());
        assertEquals("is empty (expected e.g. redis://127.0.0.1:6379)",
                assertThrows(IllegalArgumentException.class, () -> RedisLocation.parse(" ", null)).getMessage());
        assertEquals("has no host (expected e.g. redis://127.0.0.1:6379)",
                assertThrows(IllegalArgumentException.class, () -> RedisLocation.parse("redis:///0", null)).getMessage());
    }

    @Test
    void settingsNeverShowThePasswordAndKeepTestsApart() {
        RedisSettings s = new RedisSettings(RedisLocation.parse("redis://:topsecret@127.0.0.1:6379", null),
                "rg:", "plan:run-1", OnRedisFailure.FALLBACK, 2);
        assertFalse(s.toString().contains("topsecret"), s.toString());
        assertEquals("rg:{plan:run-1:default}", s.keyOf("default"));
        assertNotEquals(s.keyOf("default"), new RedisSettings(s.location(), "rg:", "plan:run-2", OnRedisFailure.FAIL, 1).keyOf("default"));
    }

    @Test
    void theFallbackShareIsTheLimitOverTheEngines() {
        BudgetSpec share = RedisBudget.localShare(new BudgetSpec("token", 300, Duration.ofSeconds(60), 10, 5), 4);
        assertEquals(0.0, share.ratePerSecond() - 300.0 / 60 / 4, 1e-9);
        assertEquals(2, share.burst());
        assertEquals(2, share.initialTokens());
        assertEquals(1, RedisBudget.localShare(BudgetSpec.paced("t", 10, Duration.ofSeconds(1)), 8).burst());
    }
}
