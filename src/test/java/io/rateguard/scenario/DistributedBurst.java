package io.rateguard.scenario;

import io.rateguard.harness.JMeterHome;
import io.rateguard.harness.JMeterResult;
import io.rateguard.harness.JMeterRun;
import io.rateguard.harness.JtlReader;
import io.rateguard.harness.JtlRow;
import io.rateguard.harness.RunSummary;
import io.rateguard.harness.RunningJMeter;
import io.rateguard.jmeter.SampleFigures;
import io.rateguard.sim.GenesysSimulator;
import io.rateguard.sim.RequestEvent;
import io.rateguard.sim.SimulatorConfig;
import io.rateguard.sim.SimulatorStats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Singapore plan on several headless JMeter engines at once (separate JVMs, as a distributed
 * test runs them), against one local Genesys-like server whose limit is client-wide: each
 * engine takes its own token, and all tokens share the one limit.
 */
public final class DistributedBurst {

    private final SimulatorConfig server;
    private final int engines;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Path outputDir;
    private Duration timeout = Duration.ofMinutes(3);

    private DistributedBurst(SimulatorConfig server, int engines, Path outputDir) {
        this.server = server;
        this.engines = engines;
        this.outputDir = outputDir;
    }

    /**
     * @param server the server; made client-wide here, since each engine fetches its own token
     */
    public static DistributedBurst of(SimulatorConfig server, int engines, long bucketLimit, double bucketPeriodSeconds,
                                      int threadsPerEngine, int durationSeconds, Path outputDir) {
        DistributedBurst run = new DistributedBurst(server.toBuilder().clientWideLimit(true).build(), engines, outputDir);
        run.property("threads", threadsPerEngine)
                .property("duration", durationSeconds)
                .property("rampup", 1)
                .property("rateguard.limit", bucketLimit)
                .property("rateguard.period", bucketPeriodSeconds)
                .property("rateguard.engines", engines);
        return run;
    }

    public DistributedBurst property(String name, Object value) {
        properties.put(name, String.valueOf(value));
        return this;
    }

    /** An environment variable of every engine (secrets: JMeter logs every property). */
    public DistributedBurst environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public DistributedBurst timeout(Duration t) {
        timeout = t;
        return this;
    }

    public Outcome run() throws InterruptedException, IOException {
        return run(d -> { });
    }

    /** Starts every engine, hands them to {@code during}, waits for all to end. */
    public Outcome run(Consumer<During> during) throws InterruptedException, IOException {
        try (GenesysSimulator sim = GenesysSimulator.start(server)) {
            List<RunningJMeter> running = new ArrayList<>();
            try {
                for (int i = 1; i <= engines; i++) {
                    JMeterRun.Builder b = JMeterRun.builder()
                            .home(JMeterHome.locate())
                            .plan(JMeterHome.projectDir().resolve("test-plans/architect-flows-burst.jmx"))
                            .outputDir(outputDir.resolve("engine-" + i))
                            .timeout(timeout)
                            .sampleVariables(SampleFigures.THROTTLE_MS, SampleFigures.PAUSE_MS, SampleFigures.RETRIES)
                            .jvmArgs("-Xmx512m")
                            .property("protocol", "http")
                            .property("api.host", "127.0.0.1")
                            .property("login.host", "127.0.0.1")
                            .property("port", sim.port())
                            .environment(ArchitectBurst.CLIENT_ID_ENV, server.clientId())
                            .environment(ArchitectBurst.CLIENT_SECRET_ENV, server.clientSecret());
                    properties.forEach(b::property);
                    environment.forEach(b::environment);
                    running.add(b.build().start());
                }
                during.accept(new During(List.copyOf(running), sim));
                List<JMeterResult> results = new ArrayList<>();
                List<List<JtlRow>> rows = new ArrayList<>();
                for (RunningJMeter r : running) {
                    JMeterResult result = r.await();
                    results.add(result);
                    rows.add(Files.exists(result.jtl()) ? JtlReader.read(result.jtl()) : List.of());
                }
                return new Outcome(results, rows, sim.stats(), server);
            } finally {
                running.forEach(RunningJMeter::close);
            }
        }
    }

    public record During(List<RunningJMeter> engines, GenesysSimulator server) {
    }

    /** Every engine's exit and rows, and the server's own count. */
    public record Outcome(List<JMeterResult> engines, List<List<JtlRow>> rows, SimulatorStats server, SimulatorConfig config) {

        public double limitPerSecond() {
            return (double) config.tokenLimit() / config.tokenPeriodSeconds();
        }

        public RunSummary summary(int engine) {
            return RunSummary.of(rows.get(engine));
        }

        public long failedSamples() {
            return rows.stream().mapToLong(r -> RunSummary.of(r).failedSamples()).sum();
        }

        /** API requests the server answered with 2xx, as counted in the JTLs of all engines. */
        public long successfulApiSamples() {
            return rows.stream().flatMap(List::stream)
                    .filter(r -> !r.isAttempt() && r.success() && r.responseCode().startsWith("2") && !r.label().contains("token"))
                    .count();
        }

        /**
         * Served requests per second, counted by the server over its whole rate windows during
         * which every engine was sending (from each token's first to its last request), so
         * start-up and wind-down of the JVMs do not count.
         */
        public Goodput goodput() {
            Map<Integer, long[]> spanByToken = new LinkedHashMap<>();
            for (RequestEvent e : server.events()) {
                spanByToken.merge(e.token(), new long[] {e.arrivalMicros(), e.arrivalMicros()},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
            long from = spanByToken.values().stream().mapToLong(s -> s[0]).max().orElse(0);
            long to = spanByToken.values().stream().mapToLong(s -> s[1]).min().orElse(0);
            long window = config.tokenPeriodSeconds() * 1_000_000L;
            long firstWindow = (from + window - 1) / window;
            long endWindow = to / window; // exclusive
            long served = 0;
            long refused = 0;
            for (RequestEvent e : server.events()) {
                long w = e.arrivalMicros() / window;
                if (w >= firstWindow && w < endWindow) {
                    if (e.status() == 429) {
                        refused++;
                    } else if (e.status() >= 200 && e.status() < 300) {
                        served++;
                    }
                }
            }
            long windows = Math.max(0, endWindow - firstWindow);
            double seconds = windows * (double) config.tokenPeriodSeconds();
            return new Goodput(spanByToken.size(), windows, served, refused, seconds == 0 ? 0 : served / seconds, limitPerSecond());
        }
    }

    /** Combined goodput over whole server windows. */
    public record Goodput(int tokens, long windows, long served, long refused, double perSecond, double limitPerSecond) {

        public double ratioToLimit() {
            return perSecond / limitPerSecond;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%d engines' tokens, %d whole windows: %d served, %d refused, %.2f/s = %.3f x limit %.2f/s",
                    tokens, windows, served, refused, perSecond, ratioToLimit(), limitPerSecond);
        }
    }
}
