package io.rateguard.scenario;

import io.rateguard.harness.RunSummary;
import io.rateguard.sim.SimulatorConfig;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The README's main job: the Singapore burst plan, 50 threads, headless JMeter 5.6.3 with the
 * built plugin, against the local Genesys-like server; prints a summary and fails on any
 * unrecovered failure.
 * <p>
 * Scaled to run in under two minutes: the server's limit and the RateGuard Bucket are both
 * {@code -Dlimit} per {@code -Dperiod} seconds (default 150 per 15 s, i.e. 10/s; Genesys' own is
 * 300 per 60 s), for {@code -Dduration} seconds (default 45) with {@code -Dthreads} (default 50).
 */
public final class MainJob {

    /** A whole number of at least 1, or a clear error naming the option (the simulator's windows are whole seconds). */
    static int option(String name, int fallback) {
        String raw = System.getProperty(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + name + " must be a whole number of at least 1, was '" + raw + "'");
    }

    public static void main(String[] args) throws Exception {
        int limit = option("limit", 150);
        int period = option("period", 15);
        int threads = option("threads", 50);
        int duration = option("duration", 45);
        Path out = Path.of(System.getProperty("rateguard.project.dir", "."), "target", "main-job").toAbsolutePath();

        SimulatorConfig server = SimulatorConfig.builder().tokenLimit(limit).tokenPeriodSeconds(period).build();
        System.out.printf(Locale.ROOT, "RateGuard main job: %d threads for %d s through one bucket of %d per %d s,"
                + " against a local Genesys-like server with the same limit%n", threads, duration, limit, period);
        ArchitectBurst.Outcome outcome = ArchitectBurst.against(server, limit, period, threads, duration, out)
                .htmlReport(true)
                .run();

        RunSummary summary = outcome.summary();
        System.out.println();
        System.out.println(summary.format());
        System.out.printf(Locale.ROOT, "Server's own count       : %d served, %d refused with 429, limit %.2f/s%n",
                outcome.server().served(), outcome.server().refused(), outcome.limitPerSecond());
        System.out.println("Results                  : " + outcome.jmeter().jtl());
        outcome.jmeter().reportDir().ifPresent(r -> System.out.println("HTML dashboard           : " + r.resolve("index.html")));
        System.out.println("JMeter log               : " + outcome.jmeter().log());

        if (!outcome.jmeter().exitedCleanly()) {
            throw new IllegalStateException("JMeter did not end cleanly: " + outcome.jmeter().describe());
        }
        if (summary.logicalSamples() == 0) {
            throw new IllegalStateException("no samples in " + outcome.jmeter().jtl() + ": see " + outcome.jmeter().log());
        }
        if (summary.failedSamples() > 0) {
            throw new IllegalStateException(summary.failedSamples() + " unrecovered failures: " + summary.topFailures());
        }
        System.out.println("RESULT: OK, 0 unrecovered failures");
    }
}
