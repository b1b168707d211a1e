package io.rateguard.bench;

import io.rateguard.harness.JMeterHome;
import io.rateguard.harness.JMeterResult;
import io.rateguard.harness.JMeterRun;
import io.rateguard.harness.JtlReader;
import io.rateguard.harness.JtlRow;
import io.rateguard.harness.RunningJMeter;
import io.rateguard.jmeter.SampleFigures;
import io.rateguard.sim.GenesysSimulator;
import io.rateguard.sim.SimulatorConfig;
import io.rateguard.sim.SimulatorStats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One variant at one thread count: a fresh local server (so its windows, counters and events are
 * this run's alone), the variant's plan in real JMeter headless, and the figures of both sides.
 */
final class VariantRun {

    private static final String CLIENT_ID_ENV = "GENESYS_CLIENT_ID";
    private static final String CLIENT_SECRET_ENV = "GENESYS_CLIENT_SECRET";

    private VariantRun() {
    }

    static RunFigures run(BenchSettings s, JMeterHome home, Variant variant, int threads) throws Exception {
        Path dir = s.workDir().resolve(threads + "-threads").resolve(variant.id());
        Path plan = BenchPlan.write(dir.resolve("plan.jmx"), variant, s.limitPerSecond(), threads,
                s.loopsPerThread(threads), s.profileSeconds());
        SimulatorConfig server = SimulatorConfig.builder()
                .tokenLimit(s.limitPerSecond() * s.windowSeconds())
                .tokenPeriodSeconds(s.windowSeconds())
                .serviceTimeMillis(s.serviceMillis())
                .flowCount(20)
                .build();
        try (GenesysSimulator sim = GenesysSimulator.start(server)) {
            JMeterRun jmeter = JMeterRun.builder()
                    .home(home)
                    .plan(plan)
                    .outputDir(dir)
                    .timeout(Duration.ofMinutes(3))
                    .sampleVariables(SampleFigures.SAMPLE_VARIABLES, SampleFigures.INTENDED_START)
                    .property("port", sim.port())
                    .environment(CLIENT_ID_ENV, server.clientId())
                    .environment(CLIENT_SECRET_ENV, server.clientSecret())
                    .build();
            JMeterResult result;
            double cpu;
            try (RunningJMeter running = jmeter.start(); CpuMeter meter = CpuMeter.watch(running.pid())) {
                result = running.await();
                cpu = meter.seconds();
            }
            if (result.timedOut()) {
                throw new IllegalStateException(variant.id() + " at " + threads + " threads: " + result.describe());
            }
            List<JtlRow> rows = Files.exists(result.jtl()) ? JtlReader.read(result.jtl()) : List.of();
            SimulatorStats stats = sim.stats();
            // the server's own record, events included, for looking into any figure later
            Files.writeString(dir.resolve("server-stats.json"), stats.toJson());
            RunFigures figures = RunFigures.of(variant, threads, s.limitPerSecond(), s.windowSeconds(), rows, stats, cpu);
            if (figures.logical() == 0) {
                throw new IllegalStateException(variant.id() + " at " + threads + " threads made no sample: "
                        + result.describe());
            }
            return figures;
        }
    }
}
