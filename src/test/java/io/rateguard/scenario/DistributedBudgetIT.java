package io.rateguard.scenario;

import io.rateguard.budget.redis.RedisLocation;
import io.rateguard.harness.JMeterHome;
import io.rateguard.harness.JMeterResult;
import io.rateguard.harness.RedisServerProcess;
import io.rateguard.harness.RunSummary;
import io.rateguard.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two JMeter engines in separate JVMs on one budget, through a real redis-server, against one
 * local server whose limit is shared by both engines' tokens. Limits are scaled (100/s in 5 s
 * windows) so each run takes seconds.
 */
@Timeout(240) // a hang fails the test instead of holding CI
class DistributedBudgetIT {

    private static final int LIMIT = 500;
    private static final int PERIOD = 5;
    /**
     * The buckets run 2 % under the server's limit: a fixed-window server counts a request sent a
     * millisecond late across a window's edge in the next window, so pacing at exactly the limit
     * meets an occasional 429 (docs/distributed.md).
     */
    private static final int BUCKET = 490;

    private static Path out(String name) {
        return JMeterHome.projectDir().resolve("target/it/distributed/" + name);
    }

    private static SimulatorConfig.Builder server() {
        // only the token limit binds: the plan's IVR updates would otherwise meet the IVR PUT limit
        return SimulatorConfig.builder().tokenLimit(LIMIT).tokenPeriodSeconds(PERIOD).ivrPutLimit(0);
    }

    /** What one configuration did, for the side-by-side table. */
    private record Figures(String backend, DistributedBurst.Goodput goodput, long refusedAll, long failed,
                           long retries, long pauseMs, long redisCommands, long requests, String pluginReport) {

        /** From the engines' own end-of-test lines: all round trips over all permits that came from Redis. */
        double roundTripsPerRedisPermit() {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("\\((\\d+) from Redis, \\d+ from the local share\\), (\\d+) Redis round trips")
                    .matcher(pluginReport);
            long permits = 0;
            long trips = 0;
            while (m.find()) {
                permits += Long.parseLong(m.group(1));
                trips += Long.parseLong(m.group(2));
            }
            return permits == 0 ? Double.NaN : (double) trips / permits;
        }

        String row() {
            return String.format(Locale.ROOT, "| %-6s | %8d | %8d | %6d | %7.1f s | %7.1f/s | %5.3f | %6d | %s | %s |",
                    backend, goodput.served(), refusedAll, retries, pauseMs / 1000.0, goodput.perSecond(),
                    goodput.ratioToLimit(), failed,
                    redisCommands < 0 ? "-" : String.format(Locale.ROOT, "%d (%.3f per request)", redisCommands,
                            (double) redisCommands / requests),
                    redisCommands < 0 ? "-" : String.format(Locale.ROOT, "%.3f", roundTripsPerRedisPermit()));
        }
    }

    /**
     * The target: 2 engines x 200 threads on one Redis budget at the server's limit L get 0 429s
     * and at least 0.95 x L together, with at most one Redis round trip per request; the same
     * engines with local buckets each take all of L and meet the 429s Redis prevents.
     */
    @Test
    void twoEnginesShareOneBudgetThroughRedisWhereLocalBucketsMeet429s() throws Exception {
        Figures local;
        Figures shared;
        try (RedisServerProcess redis = RedisServerProcess.start(out("redis"))) {
            local = run("local", redis, DistributedBurst.of(server().build(), 2, BUCKET, PERIOD, 200, 25, out("local"))
                    .property("rateguard.backend", "local"));
            shared = run("redis", redis, DistributedBurst.of(server().build(), 2, BUCKET, PERIOD, 200, 25, out("shared"))
                    .property("rateguard.backend", "redis")
                    .property("rateguard.redis.url", redis.url())
                    .property("rateguard.run.id", UUID.randomUUID()));
        }
        String table = String.join(System.lineSeparator(),
                "2 JMeter engines x 200 threads, server limit " + LIMIT + " per " + PERIOD + " s ("
                        + (LIMIT / PERIOD) + "/s) shared by both engines' tokens, buckets at " + BUCKET + " per " + PERIOD + " s, 25 s runs",
                "",
                "| bucket | served (whole windows) | 429s (server, whole run) | retries | threads held in pauses (sum) | goodput | x limit | failed samples | Redis commands (server's count, scripts' inner calls included) | round trips per request (engines' count) |",
                "|---|---|---|---|---|---|---|---|---|---|",
                local.row(), shared.row(),
                "",
                "Redis round trips counted by the plugin on each engine:" + shared.pluginReport());
        System.out.println(table);
        Files.writeString(out("").resolve("local-vs-redis.md"), table + System.lineSeparator());

        assertTrue(local.refusedAll() > 0, "local buckets on two engines should exceed the shared limit");
        assertEquals(0, shared.refusedAll(), "429s counted by the server with the Redis budget");
        assertEquals(0, shared.failed(), "failed samples with the Redis budget");
        assertTrue(shared.goodput().windows() >= 2, "too few whole windows: " + shared.goodput());
        assertTrue(shared.goodput().ratioToLimit() >= 0.95, "combined goodput " + shared.goodput());
        assertEquals(2, shared.pluginReport().lines().filter(l -> !l.isBlank()).count(),
                "each engine reports its round trips: " + shared.pluginReport());
        assertTrue(shared.roundTripsPerRedisPermit() <= 1.0, "Redis round trips per request: " + shared.pluginReport());
    }

    private static Figures run(String backend, RedisServerProcess redis, DistributedBurst burst) throws Exception {
        long before = redis.totalCommandCalls();
        DistributedBurst.Outcome o = burst.run();
        Map<String, Long> calls = redis.commandCalls();
        long commands = calls.values().stream().mapToLong(Long::longValue).sum() - before;
        for (JMeterResult r : o.engines()) {
            r.requireCleanExit();
        }
        for (int i = 0; i < o.engines().size(); i++) {
            System.out.println("engine " + (i + 1) + " (" + backend + "):" + System.lineSeparator() + o.summary(i).format());
        }
        System.out.println(backend + ": " + o.goodput() + "; Redis commands " + calls);
        StringBuilder report = new StringBuilder();
        for (JMeterResult r : o.engines()) {
            Files.readAllLines(r.stdout()).stream().filter(l -> l.contains("on Redis: "))
                    .forEach(l -> report.append(System.lineSeparator()).append("  ").append(l));
        }
        long retries = 0;
        long pauseMs = 0;
        for (int i = 0; i < o.engines().size(); i++) {
            retries += o.summary(i).retries();
            pauseMs += o.summary(i).pauseMs();
        }
        return new Figures(backend, o.goodput(), o.server().refused(), o.failedSamples(), retries, pauseMs,
                backend.equals("local") ? -1 : commands, o.server().total(), report.toString());
    }

    /** Redis killed mid-test with fallback: every engine goes on at its local share, then the shared budget resumes. */
    @Test
    void redisKilledMidTestFallsBackToLocalSharesAndTheSharedBudgetResumes() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start(out("fallback-redis"))) {
            DistributedBurst.Outcome o = DistributedBurst.of(server().build(), 2, BUCKET, PERIOD, 50, 18, out("fallback"))
                    .property("rateguard.backend", "redis")
                    .property("rateguard.redis.url", redis.url())
                    .property("rateguard.onFailure", "fallback")
                    .run(during -> {
                        awaitServed(during, 200);
                        redis.kill();
                        sleep(5000);
                        redis.restart();
                    });
            for (JMeterResult r : o.engines()) {
                r.requireCleanExit();
                String stdout = Files.readString(r.stdout());
                assertTrue(stdout.contains("lost Redis at redis://127.0.0.1:" + redis.port()), () -> tail(r));
                assertTrue(stdout.contains("answers again: the shared budget resumes"), () -> tail(r));
            }
            assertEquals(0, o.failedSamples(), "failed samples across the loss of Redis");
            assertEquals(0, o.server().refused(), "429s: the local shares (limit / 2 engines) kept under the limit");
            // no lost sample: every request the server answered is a row in some engine's results
            assertEquals(o.server().served(), o.successfulApiSamples());
        }
    }

    /** Redis killed mid-test with 'fail': the run stops soon and says why; no thread hangs, no sample is lost. */
    @Test
    void redisKilledMidTestWithFailStopsTheRun() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start(out("fail-redis"))) {
            DistributedBurst.Outcome o = DistributedBurst.of(server().build(), 1, BUCKET, PERIOD, 20, 90, out("fail"))
                    .property("rateguard.backend", "redis")
                    .property("rateguard.redis.url", redis.url())
                    .run(during -> {
                        awaitServed(during, 100);
                        redis.kill();
                    });
            JMeterResult r = o.engines().get(0);
            assertFalse(r.timedOut());
            assertTrue(r.wallTime().compareTo(Duration.ofSeconds(45)) < 0, "ran on for " + r.wallTime());
            assertTrue(Files.readString(r.stdout()).contains("was lost during the test. On failure is 'fail', so the test stops"),
                    () -> tail(r));
            // threads stop before sending (as on Stop): no request goes out without a permit or a result row
            RunSummary s = o.summary(0);
            assertEquals(0, s.failedSamples(), () -> s.topFailures().toString());
            assertEquals(o.server().served(), o.successfulApiSamples(), "a request the server answered has no result row");
        }
    }

    /** Redis unreachable at start with 'fail': the test does not start, says why, and never shows the password. */
    @Test
    void unreachableRedisAtStartStopsTheTestBeforeAnyRequest() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String password = "it-redis-pw-" + UUID.randomUUID();
        DistributedBurst.Outcome o = DistributedBurst.of(server().build(), 1, LIMIT, PERIOD, 5, 20, out("unreachable"))
                .property("rateguard.backend", "redis")
                .property("rateguard.redis.url", "redis://127.0.0.1:" + closed)
                .environment(RedisLocation.PASSWORD_ENV, password)
                .timeout(Duration.ofMinutes(1))
                .run();
        JMeterResult r = o.engines().get(0);
        assertFalse(r.timedOut());
        String stdout = Files.readString(r.stdout());
        assertTrue(stdout.contains("Redis at redis://:***@127.0.0.1:" + closed + "/0 is unreachable"), () -> tail(r));
        assertTrue(stdout.contains("The test does not start."), () -> tail(r));
        assertEquals(0, o.server().total(), "no API request reached the server");
        for (Path file : new Path[] {r.log(), r.stdout(), r.stderr()}) {
            assertFalse(Files.readString(file).contains(password), "Redis password in " + file);
        }
    }

    private static void awaitServed(DistributedBurst.During during, long n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (during.server().stats().served() < n && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertTrue(during.server().stats().served() >= n, "the engines did not start sending");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(JMeterResult r) {
        try {
            String s = Files.readString(r.stdout());
            return r.describe() + System.lineSeparator() + s.substring(Math.max(0, s.length() - 3000));
        } catch (IOException e) {
            return r.describe();
        }
    }
}
