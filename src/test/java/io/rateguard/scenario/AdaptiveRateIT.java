package io.rateguard.scenario;

import io.rateguard.harness.JMeterHome;
import io.rateguard.harness.RunSummary;
import io.rateguard.sim.SimulatorConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An adaptive bucket against a server whose limit it is not told, in real JMeter: the server
 * allows 40 requests per 2 s window per token (20/s, scaled from Genesys' 300 a minute so that
 * convergence shows in seconds) and sends only Genesys' 429s, no limit header. The bucket starts
 * at 3x or at 1/3x. Target: within 2 minutes, goodput >= 0.95 x the limit and no 429 after
 * convergence; the run lasts 70 s and the last 20 whole seconds are measured by the server.
 */
class AdaptiveRateIT {

    private static final int LIMIT = 40;
    private static final int WINDOW = 2;
    private static final double LIMIT_PER_SECOND = (double) LIMIT / WINDOW;

    @ParameterizedTest(name = "starting at {1}")
    @CsvSource({"120, 3x the limit", "13, 1/3 of the limit"})
    void findsTheUnknownLimitAndStaysUnderIt(int guess, String label) throws Exception {
        Path out = JMeterHome.locate().projectDir().resolve("target/it/adaptive-" + guess);
        ArchitectBurst.Outcome run = ArchitectBurst
                .against(SimulatorConfig.builder().tokenLimit(LIMIT).tokenPeriodSeconds(WINDOW).ivrPutLimit(0).build(),
                        guess, WINDOW, 20, 70, out)
                .plan("test-plans/layered-limits.jmx")
                .property("rateguard.token.preset", "Custom")
                .property("rateguard.adaptive", "true")
                .property("readers", 20)
                .property("editors", 0)
                .property("rampup", 1)
                .timeout(Duration.ofMinutes(3))
                .run();
        RunSummary s = run.summary();
        run.jmeter().requireCleanExit();
        List<String> changes = rateChanges(run.jmeter().log());
        ServerWindow last20 = ServerWindow.last(run.server(), 20);
        System.out.println("adaptive from " + label + " (" + guess + " per " + WINDOW + " s, limit " + LIMIT + "):");
        changes.forEach(c -> System.out.println("  " + c));
        System.out.println("  whole run: " + ServerWindow.whole(run.server()));
        System.out.println("  last 20 s: " + last20 + String.format(java.util.Locale.ROOT, " = %.3f x the limit",
                last20.servedPerSecond() / LIMIT_PER_SECOND));
        System.out.println(s.format());

        Duration settledAfter = settledAfter(run.jmeter().log());
        System.out.println("  settled " + settledAfter.toMillis() / 1000.0 + " s after the test started");
        assertEquals(0, s.failedSamples(), () -> "failures: " + s.topFailures());
        assertTrue(settledAfter.compareTo(Duration.ofMinutes(2)) <= 0, "settled after " + settledAfter);
        assertFalse(changes.isEmpty(), "the rate never changed");
        assertTrue(changes.stream().anyMatch(c -> c.contains("limit found")), "never settled: " + changes);
        assertEquals(0, last20.refused(), "429s after convergence: " + last20);
        assertTrue(last20.servedPerSecond() >= 0.95 * LIMIT_PER_SECOND,
                "goodput after convergence " + last20 + " against a limit of " + LIMIT_PER_SECOND + "/s");
    }

    /** The "rate a -> b (why)" lines RateGuard logs once per change, in order. */
    static List<String> rateChanges(Path jmeterLog) throws IOException {
        return Files.readAllLines(jmeterLog).stream()
                .filter(l -> l.contains("RateGuard Bucket '") && l.contains("': rate "))
                .map(l -> l.substring(l.indexOf("RateGuard Bucket '")))
                .toList();
    }

    /** From the bucket's "ready" line to the "limit found" line, by jmeter.log's timestamps. */
    static Duration settledAfter(Path jmeterLog) throws IOException {
        LocalDateTime ready = null;
        for (String line : Files.readAllLines(jmeterLog)) {
            if (line.length() < 23) {
                continue;
            }
            if (ready == null && line.contains("RateGuard Bucket 'RateGuard Bucket: client-credentials token' ready")) {
                ready = timestamp(line);
            } else if (ready != null && line.contains("limit found")) {
                return Duration.between(ready, timestamp(line));
            }
        }
        throw new AssertionError("no 'limit found' after the bucket was ready in " + jmeterLog);
    }

    private static LocalDateTime timestamp(String line) {
        return LocalDateTime.parse(line.substring(0, 23), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS"));
    }
}
