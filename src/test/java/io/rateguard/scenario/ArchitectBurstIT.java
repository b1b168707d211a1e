package io.rateguard.scenario;

import io.rateguard.harness.FailureCount;
import io.rateguard.harness.JMeterHome;
import io.rateguard.harness.RunSummary;
import io.rateguard.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Singapore plan in real JMeter 5.6.3, headless, with the built plugin in lib/ext, against the
 * local Genesys-like server. Limits are scaled (10/s instead of 5/s) so each run takes seconds.
 */
class ArchitectBurstIT {

    /** The server's limit in these runs: 100 requests per 10 s window per token. */
    private static final int LIMIT = 100;
    private static final int PERIOD = 10;

    private static Path out(String name) {
        return JMeterHome.locate().projectDir().resolve("target/it/" + name);
    }

    private static SimulatorConfig.Builder server() {
        return SimulatorConfig.builder().tokenLimit(LIMIT).tokenPeriodSeconds(PERIOD);
    }

    /** (a) 50 threads, Timer + sampler at the server's limit: no refusal, no failure, goodput >= 0.9 x limit. */
    @Test
    void fiftyThreadsAtTheLimitGetNo429AndNearlyAllOfIt() throws Exception {
        String secret = "it-secret-" + UUID.randomUUID();
        ArchitectBurst.Outcome run = ArchitectBurst
                .against(server().clientSecret(secret).build(), LIMIT, PERIOD, 50, 30, out("at-limit"))
                .run();
        RunSummary s = run.summary();
        System.out.println(s.format());
        run.jmeter().requireCleanExit();
        assertEquals(0, run.server().refused(), "the server refused requests");
        assertEquals(0, s.failedSamples(), () -> "failures: " + s.topFailures());
        assertTrue(s.logicalSamples() > 200, "samples: " + s.logicalSamples());
        assertTrue(s.achievedRatePerSecond() >= 0.9 * run.limitPerSecond(),
                "goodput " + s.achievedRatePerSecond() + "/s against a limit of " + run.limitPerSecond() + "/s");
        // secrets never reach a log or a result file
        for (Path file : new Path[] {run.jmeter().jtl(), run.jmeter().log(), run.jmeter().stdout(), run.jmeter().stderr()}) {
            assertFalse(Files.readString(file).contains(secret), "client secret in " + file);
            assertFalse(Files.readString(file).contains("access_token"), "token response in " + file);
        }
    }

    /**
     * (b) a bucket at twice the limit: 429s happen, every sample still succeeds, nobody sends
     * during a pause. Each thread runs one iteration (300 requests) rather than for a duration, so
     * no retry is cut short by the scheduled end.
     */
    @Test
    void aBucketAboveTheLimitRecoversEvery429AndHoldsAllThreadsForRetryAfter() throws Exception {
        ArchitectBurst.Outcome run = ArchitectBurst
                .against(server().build(), 2 * LIMIT, PERIOD, 50, 180, out("above-limit"))
                .property("loops", 1)
                .run();
        RunSummary s = run.summary();
        System.out.println(s.format());
        run.jmeter().requireCleanExit();
        assertTrue(run.server().refused() > 0, "the bucket above the limit should have met 429s");
        assertEquals(0, s.failedSamples(), () -> "failures: " + s.topFailures());
        assertTrue(s.retries() > 0);
        // Requests already sent when a 429 left the server may still arrive, and the client needs
        // a moment to read the 429: 200 ms covers that on loopback. Without the shared pause a
        // 20/s bucket would send ~15 requests into a 1 s window, ~95 into a 5 s one.
        assertEquals(0, run.server().totalRequestsDuringPauses(200),
                () -> "requests sent during a Retry-After pause: " + run.server().requestsDuringPauses(200));
    }

    /**
     * (c) a server that only answers 429: every sample fails with a clear message once its retries
     * run out, and the run ends by itself (one iteration per thread).
     */
    @Test
    void aServerThatNeverStopsSending429FailsSamplesClearlyAndTheRunEnds() throws Exception {
        ArchitectBurst.Outcome run = ArchitectBurst
                .against(server().always429(true).retryAfterSeconds(1).build(), LIMIT, PERIOD, 2, 120, out("always-429"))
                .property("loops", 1)
                .property("rateguard.maxRetries", 1)
                .timeout(Duration.ofMinutes(2))
                .run();
        RunSummary s = run.summary();
        System.out.println(s.format());
        run.jmeter().requireCleanExit();
        assertTrue(run.jmeter().wallTime().compareTo(Duration.ofSeconds(60)) < 0, "took " + run.jmeter().wallTime());
        assertEquals(2 * 6 + 1, s.logicalSamples(), "the token request and 2 threads x 6 requests");
        assertEquals(2 * 6, s.failedSamples(), "every API sample fails (the token request does not)");
        assertEquals(List.of(new FailureCount("RateGuard: gave up after 2 attempts: 429 Too Many Requests,"
                + " Retry-After: 1 (1000 ms); the maximum of 1 retry is reached", 12)), s.topFailures());
        assertEquals(24, run.server().refused(), "two attempts a sample, no more");
    }

    /** A 429 wait cut by the thread group's scheduled end fails its sample and says why. */
    @Test
    void aRetryWaitEndsAtTheScheduledEndAndSaysSo() throws Exception {
        ArchitectBurst.Outcome run = ArchitectBurst
                .against(server().always429(true).retryAfterSeconds(60).build(), LIMIT, PERIOD, 2, 4, out("retry-past-end"))
                .timeout(Duration.ofMinutes(2))
                .run();
        run.jmeter().requireCleanExit();
        assertTrue(run.jmeter().wallTime().compareTo(Duration.ofSeconds(20)) < 0,
                "a 60 s Retry-After must not outlive a 4 s test: took " + run.jmeter().wallTime());
        RunSummary s = run.summary();
        assertEquals(1, s.failedSamples(), () -> "" + s.topFailures());
        assertEquals("RateGuard: gave up after 1 attempt: 429 Too Many Requests, Retry-After: 60 (60000 ms);"
                + " the thread group's scheduled duration ended during the wait to retry", s.topFailures().get(0).message());
    }

    /** (d) Stop during a 30 s Retry-After pause: JMeter exits within 2 s. */
    @Test
    void stopDuringALongPauseEndsJMeterWithinTwoSeconds() throws Exception {
        ArchitectBurst.Outcome run = stopDuringPause("stop-in-pause", true);
        Duration stopToExit = run.jmeter().stopToExit().orElseThrow();
        assertTrue(stopToExit.compareTo(Duration.ofSeconds(2)) < 0, "exit " + stopToExit.toMillis() + " ms after Stop");
    }

    /** Shutdown (the gentle stop) also ends waits: JMeter itself needs ~1.3 s more to exit. */
    @Test
    void shutdownDuringALongPauseEndsJMeterPromptly() throws Exception {
        ArchitectBurst.Outcome run = stopDuringPause("shutdown-in-pause", false);
        Duration stopToExit = run.jmeter().stopToExit().orElseThrow();
        assertTrue(stopToExit.compareTo(Duration.ofMillis(2500)) < 0, "exit " + stopToExit.toMillis() + " ms after Shutdown");
    }

    private static ArchitectBurst.Outcome stopDuringPause(String name, boolean now) throws Exception {
        ArchitectBurst.Outcome run = ArchitectBurst
                .against(server().always429(true).retryAfterSeconds(30).build(), LIMIT, PERIOD, 10, 120, out(name))
                .timeout(Duration.ofMinutes(2))
                .run(during -> {
                    try {
                        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                        while (during.server().stats().refused() == 0 && System.nanoTime() < deadline) {
                            Thread.sleep(50);
                        }
                        assertTrue(during.server().stats().refused() > 0, "no 429 was sent");
                        Thread.sleep(1000); // every thread is now waiting out the 30 s pause
                        if (now) {
                            during.jmeter().stopTestNow();
                        } else {
                            during.jmeter().shutdown();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
        System.out.println(run.summary().format());
        assertFalse(run.jmeter().timedOut());
        assertEquals(1, run.server().refused(), "one 429, then every thread held by the pause");
        return run;
    }

    /** A wrong property stops the test at start, naming the element and the value, before any request. */
    @Test
    void aBadBucketPropertyStopsTheTestAtStartWithAClearMessage() throws Exception {
        ArchitectBurst.Outcome run = ArchitectBurst
                .against(server().build(), LIMIT, PERIOD, 5, 30, out("bad-bucket"))
                .property("rateguard.limit", "lots")
                .timeout(Duration.ofMinutes(1))
                .run();
        assertFalse(run.jmeter().timedOut());
        assertTrue(Files.readString(run.jmeter().stdout()).contains(
                "RateGuard Bucket 'RateGuard Bucket: client-credentials token': limit 'lots' is not a whole number."
                        + " The test does not start."), () -> lastLines(run));
        assertEquals(0, run.server().total(), "no request reached the server");

        // a limit no bucket can pace (more than one request per nanosecond) is refused the same way
        ArchitectBurst.Outcome tooFast = ArchitectBurst
                .against(server().build(), LIMIT, PERIOD, 5, 30, out("bad-bucket-rate"))
                .property("rateguard.limit", Long.MAX_VALUE)
                .timeout(Duration.ofMinutes(1))
                .run();
        assertTrue(Files.readString(tooFast.jmeter().stdout()).contains("RateGuard Bucket 'RateGuard Bucket:"
                + " client-credentials token': bucket 'default': 9223372036854775807 per 10000000000 ns is more than"
                + " one request per nanosecond. The test does not start."), () -> lastLines(tooFast));
        assertEquals(0, tooFast.server().total(), "no request reached the server");
    }

    /** A wrong sampler property fails its sample with the element and the value, and stops the test. */
    @Test
    void aBadSamplerPropertyFailsTheSampleWithAClearMessageAndStopsTheTest() throws Exception {
        ArchitectBurst.Outcome run = ArchitectBurst
                .against(server().build(), LIMIT, PERIOD, 5, 60, out("bad-sampler"))
                .property("rateguard.maxRetries", "often")
                .timeout(Duration.ofMinutes(1))
                .run();
        run.jmeter().requireCleanExit();
        assertTrue(run.jmeter().wallTime().compareTo(Duration.ofSeconds(30)) < 0, "took " + run.jmeter().wallTime());
        RunSummary s = run.summary();
        assertTrue(s.failedSamples() > 0);
        assertEquals("RateGuard HTTP Request 'List flows': max retries 'often' is not a whole number",
                s.topFailures().get(0).message());
        assertEquals(0, run.server().total(), "no API request was sent (the token request is not an API request)");
    }

    private static String lastLines(ArchitectBurst.Outcome run) {
        try {
            return Files.readString(run.jmeter().stdout());
        } catch (IOException e) {
            return e.toString();
        }
    }
}
