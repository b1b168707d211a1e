package io.rateguard.budget.redis;

import io.rateguard.budget.Acquisition;
import io.rateguard.budget.BudgetSpec;
import io.rateguard.budget.BudgetUnavailableException;
import io.rateguard.budget.WaitGuard;
import io.rateguard.harness.JMeterHome;
import io.rateguard.harness.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Redis budget against a real redis-server: two budget instances with their own connections
 * stand for two engines. Assertions are on counts with margins, never on speed.
 */
@Timeout(60) // a hang fails the test instead of holding CI
class RedisBudgetIT {

    private static RedisServerProcess redis;
    private static final List<RedisBudget> OPEN = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start(dir());
    }

    @AfterAll
    static void stopRedis() {
        OPEN.forEach(RedisBudget::close);
        redis.close();
    }

    private static Path dir() {
        return JMeterHome.projectDir().resolve("target/it/redis-budget");
    }

    private RedisBudget open(BudgetSpec spec, String url, String scope, OnRedisFailure onFailure, int engines) {
        RedisSettings settings = new RedisSettings(RedisLocation.parse(url, null), "rg-it:", scope, onFailure, engines);
        RedisBudget b = RedisBudget.open(spec, settings, events::add);
        OPEN.add(b);
        return b;
    }

    private static String scope() {
        return "scope-" + UUID.randomUUID();
    }

    @Test
    void twoEnginesOnOneKeyShareOneRate() throws Exception {
        String scope = scope();
        BudgetSpec spec = BudgetSpec.paced("shared", 50, Duration.ofSeconds(1));
        RedisBudget a = open(spec, redis.url(), scope, OnRedisFailure.FAIL, 2);
        RedisBudget b = open(spec, redis.url(), scope, OnRedisFailure.FAIL, 2);
        long grantedIn = grantsWithin(Duration.ofSeconds(3), 40, a, b);
        // 50/s for 3 s plus the one initial token; alone each would take 151
        assertTrue(grantedIn <= 151 + 3, "granted " + grantedIn + " in 3 s on a shared 50/s budget");
        assertTrue(grantedIn >= 75, "granted only " + grantedIn + " in 3 s on a shared 50/s budget");
        assertTrue(a.isShared() && b.isShared());
    }

    @Test
    void differentScopesDoNotShare() throws Exception {
        BudgetSpec spec = BudgetSpec.paced("same-name", 50, Duration.ofSeconds(1));
        RedisBudget a = open(spec, redis.url(), scope(), OnRedisFailure.FAIL, 1);
        RedisBudget b = open(spec, redis.url(), scope(), OnRedisFailure.FAIL, 1);
        long grantedIn = grantsWithin(Duration.ofSeconds(2), 20, a, b);
        assertTrue(grantedIn > 151, "two tests with their own scope each get the full rate, got " + grantedIn);
    }

    @Test
    void aPauseSeenByOneEngineHoldsTheOthersWaiters() throws Exception {
        String scope = scope();
        BudgetSpec spec = BudgetSpec.paced("pause", 100, Duration.ofSeconds(1));
        RedisBudget a = open(spec, redis.url(), scope, OnRedisFailure.FAIL, 2);
        RedisBudget b = open(spec, redis.url(), scope, OnRedisFailure.FAIL, 2);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            // ten waiters on b hold reservations 0..90 ms ahead when a is told to wait 1.5 s
            List<Future<Acquisition>> waiting = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                waiting.add(pool.submit(() -> b.acquire(WaitGuard.ALWAYS)));
            }
            a.pause(Duration.ofMillis(1500));
            long pausedAt = System.nanoTime();
            long releasedEarly = 0;
            for (Future<Acquisition> f : waiting) {
                Acquisition got = f.get(10, TimeUnit.SECONDS);
                assertTrue(got.granted());
                long heldFor = System.nanoTime() - pausedAt;
                if (got.pausedNanos() == 0 && heldFor < Duration.ofMillis(1000).toNanos()) {
                    releasedEarly++;
                }
            }
            // a waiter whose slot came before b read the pause (within 50 ms) may have gone
            assertTrue(releasedEarly <= 6, releasedEarly + " of 10 waiters on the other engine went during the pause");
            Acquisition after = b.acquire(WaitGuard.ALWAYS);
            assertTrue(System.nanoTime() - pausedAt >= Duration.ofMillis(1400).toNanos(), "a new permit came during the pause");
            assertTrue(after.granted());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unreachableAtStartFailsWithAMessageThatHidesThePassword() {
        String url = "redis://:s3cret-pw@127.0.0.1:" + closedPort() + "/0";
        BudgetUnavailableException e = assertThrows(BudgetUnavailableException.class,
                () -> open(BudgetSpec.paced("gone", 10, Duration.ofSeconds(1)), url, scope(), OnRedisFailure.FAIL, 1));
        assertTrue(e.getMessage().contains("redis://:***@127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("does not start"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-pw"), e.getMessage());
    }

    @Test
    void unreachableAtStartWithFallbackPacesLocallyAtItsShare() {
        String url = "redis://127.0.0.1:" + closedPort();
        RedisBudget b = open(new BudgetSpec("alone", 100, Duration.ofSeconds(10), 4, 4), url, scope(), OnRedisFailure.FALLBACK, 4);
        assertFalse(b.isShared());
        assertTrue(b.acquire(WaitGuard.ALWAYS).granted());
        assertEquals(1, b.localPermits());
        assertTrue(events.stream().anyMatch(m -> m.contains("Falling back") && m.contains("100 per 40.0 s, burst 1")), events::toString);
    }

    @Test
    void redisLostMidTestFallsBackAndTheSharedBudgetResumesWhenItReturns() throws Exception {
        try (RedisServerProcess own = RedisServerProcess.start(dir().resolve("lost"))) {
            RedisBudget b = open(BudgetSpec.paced("lost", 200, Duration.ofSeconds(1)), own.url(), scope(), OnRedisFailure.FALLBACK, 2);
            assertTrue(b.acquire(WaitGuard.ALWAYS).granted());
            own.kill();
            for (int i = 0; i < 20; i++) {
                assertTrue(b.acquire(WaitGuard.ALWAYS).granted(), "permit " + i + " while Redis is down");
            }
            assertFalse(b.isShared());
            assertTrue(b.localPermits() >= 19);
            own.restart();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!b.isShared() && System.nanoTime() < deadline) {
                b.acquire(WaitGuard.ALWAYS);
            }
            assertTrue(b.isShared(), "still local after Redis came back: " + events);
            long before = b.localPermits();
            b.acquire(WaitGuard.ALWAYS);
            assertEquals(before, b.localPermits(), "the permit after recovery came from the local share");
            assertTrue(events.stream().anyMatch(m -> m.contains("answers again")), events::toString);
        }
    }

    @Test
    void redisLostMidTestWithFailEndsPermitsWithAClearErrorAndNoHang() throws Exception {
        try (RedisServerProcess own = RedisServerProcess.start(dir().resolve("lost-fail"))) {
            RedisBudget b = open(BudgetSpec.paced("lost-fail", 200, Duration.ofSeconds(1)), own.url(), scope(), OnRedisFailure.FAIL, 2);
            assertTrue(b.acquire(WaitGuard.ALWAYS).granted());
            own.kill();
            long t0 = System.nanoTime();
            BudgetUnavailableException e = assertThrows(BudgetUnavailableException.class, () -> {
                for (int i = 0; i < 3; i++) {
                    b.acquire(WaitGuard.ALWAYS);
                }
            });
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos(), "waited for a dead Redis");
            assertTrue(e.getMessage().contains("was lost during the test"), e.getMessage());
        }
    }

    @Test
    void aPasswordFromTheUrlOrTheEnvironmentWorksAndNeverShows() {
        String password = "pw-" + UUID.randomUUID();
        try (RedisServerProcess secured = RedisServerProcess.start(dir().resolve("auth"), password)) {
            BudgetSpec spec = BudgetSpec.paced("auth", 10, Duration.ofSeconds(1));
            RedisBudget viaUrl = open(spec, "redis://:" + password + "@127.0.0.1:" + secured.port(), scope(), OnRedisFailure.FAIL, 1);
            assertTrue(viaUrl.acquire(WaitGuard.ALWAYS).granted());
            assertFalse(viaUrl.toString().contains(password), viaUrl.toString());

            RedisSettings fromEnv = new RedisSettings(RedisLocation.parse(secured.url(), password), "rg-it:", scope(), OnRedisFailure.FAIL, 1);
            RedisBudget viaEnv = RedisBudget.open(spec, fromEnv, events::add);
            OPEN.add(viaEnv);
            assertTrue(viaEnv.acquire(WaitGuard.ALWAYS).granted());

            BudgetUnavailableException wrong = assertThrows(BudgetUnavailableException.class,
                    () -> open(spec, "redis://:wrong-" + password + "@127.0.0.1:" + secured.port(), scope(), OnRedisFailure.FAIL, 1));
            assertFalse(wrong.getMessage().contains(password), wrong.getMessage());
        }
    }

    /** Permits granted by all budgets together in {@code span}, with {@code threads} threads on each. */
    private static long grantsWithin(Duration span, int threads, RedisBudget... budgets) throws InterruptedException {
        AtomicLong granted = new AtomicLong();
        long end = System.nanoTime() + span.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads * budgets.length);
        for (RedisBudget b : budgets) {
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    while (true) {
                        Acquisition a = b.acquire(() -> System.nanoTime() < end);
                        if (!a.granted()) {
                            return;
                        }
                        if (System.nanoTime() <= end) {
                            granted.incrementAndGet();
                        }
                    }
                });
            }
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(span.toSeconds() + 20, TimeUnit.SECONDS), "waiters did not end");
        return granted.get();
    }

    private static int closedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
