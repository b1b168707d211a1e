package io.rateguard.scenario;

import io.rateguard.harness.JMeterHome;
import io.rateguard.harness.JMeterResult;
import io.rateguard.harness.JMeterRun;
import io.rateguard.harness.JtlReader;
import io.rateguard.harness.JtlRow;
import io.rateguard.harness.RunSummary;
import io.rateguard.harness.RunningJMeter;
import io.rateguard.harness.ServerFigures;
import io.rateguard.jmeter.SampleFigures;
import io.rateguard.sim.GenesysSimulator;
import io.rateguard.sim.SimulatorConfig;
import io.rateguard.sim.SimulatorStats;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Singapore scenario, test-plans/architect-flows-burst.jmx, run by real JMeter headless
 * against a local Genesys-like server. Used by the main job and the integration tests; every knob
 * is a -J property of the plan or a simulator setting.
 */
public final class ArchitectBurst {

    public static final String CLIENT_ID_ENV = "GENESYS_CLIENT_ID";
    public static final String CLIENT_SECRET_ENV = "GENESYS_CLIENT_SECRET";

    private final SimulatorConfig server;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Path outputDir;
    private boolean htmlReport;
    private Duration timeout = Duration.ofMinutes(5);
    private String plan = "test-plans/architect-flows-burst.jmx";

    private ArchitectBurst(SimulatorConfig server, Path outputDir) {
        this.server = server;
        this.outputDir = outputDir;
    }

    /**
     * @param server     the local server's limits and behaviour
     * @param bucketLimit requests per {@code bucketPeriodSeconds} for the plan's RateGuard Bucket
     */
    public static ArchitectBurst against(SimulatorConfig server, long bucketLimit, double bucketPeriodSeconds,
                                         int threads, int durationSeconds, Path outputDir) {
        ArchitectBurst run = new ArchitectBurst(server, outputDir);
        run.property("threads", threads)
                .property("duration", durationSeconds)
                .property("rampup", Math.min(5, Math.max(1, durationSeconds / 10)))
                .property("rateguard.limit", bucketLimit)
                .property("rateguard.period", bucketPeriodSeconds);
        return run;
    }

    public ArchitectBurst property(String name, Object value) {
        properties.put(name, String.valueOf(value));
        return this;
    }

    /** Another plan of test-plans/ with the same properties, e.g. test-plans/layered-limits.jmx. */
    public ArchitectBurst plan(String projectRelativePath) {
        plan = projectRelativePath;
        return this;
    }

    public ArchitectBurst htmlReport(boolean on) {
        htmlReport = on;
        return this;
    }

    public ArchitectBurst timeout(Duration t) {
        timeout = t;
        return this;
    }

    /** Runs to the end. */
    public Outcome run() throws InterruptedException, IOException {
        return run(running -> { });
    }

    /**
     * Runs, handing the running JMeter and the server to {@code during} (for instance to send Stop
     * once the server has refused a request), then waits for JMeter to end.
     */
    public Outcome run(Consumer<During> during) throws InterruptedException, IOException {
        try (GenesysSimulator sim = GenesysSimulator.start(server)) {
            JMeterRun.Builder b = JMeterRun.builder()
                    .home(JMeterHome.locate())
                    .plan(JMeterHome.locate().projectDir().resolve(plan))
                    .outputDir(outputDir)
                    .htmlReport(htmlReport)
                    .timeout(timeout)
                    .sampleVariables(SampleFigures.THROTTLE_MS, SampleFigures.PAUSE_MS, SampleFigures.RETRIES)
                    .property("protocol", "http")
                    .property("api.host", "127.0.0.1")
                    .property("login.host", "127.0.0.1")
                    .property("port", sim.port())
                    .environment(CLIENT_ID_ENV, server.clientId())
                    .environment(CLIENT_SECRET_ENV, server.clientSecret());
            properties.forEach(b::property);
            JMeterRun jmeter = b.build();
            JMeterResult result;
            try (RunningJMeter running = jmeter.start()) {
                during.accept(new During(running, sim));
                result = running.await();
            }
            List<JtlRow> rows = java.nio.file.Files.exists(result.jtl()) ? JtlReader.read(result.jtl()) : List.of();
            return new Outcome(result, rows, sim.stats(), server);
        }
    }

    /** What a caller may touch while the run goes on. */
    public record During(RunningJMeter jmeter, GenesysSimulator server) {
    }

    /** A finished run: JMeter's exit, its result rows, and the server's own count. */
    public record Outcome(JMeterResult jmeter, List<JtlRow> rows, SimulatorStats server, SimulatorConfig config) {

        public double limitPerSecond() {
            return (double) config.tokenLimit() / config.tokenPeriodSeconds();
        }

        public RunSummary summary() {
            RunSummary plain = RunSummary.of(rows);
            double seconds = plain.runMillis() / 1000.0;
            return RunSummary.of(rows, new ServerFigures(server.served(), server.refused(), limitPerSecond(), seconds));
        }
    }
}
