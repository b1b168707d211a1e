package io.rateguard.bench;

import io.rateguard.harness.JMeterHome;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side benchmark: every variant at every thread count against the local
 * Genesys-like server, then the JMH benchmark of the budget; prints the table and each target,
 * rewrites the generated block of docs/benchmarks.md and docs/benchmarks.png, and exits 1 when a
 * target is missed.
 * <pre>mvn -B -DskipTests -Pbenchmarks package exec:exec@benchmarks</pre>
 */
public final class BenchmarkCommand {

    public static final String DOC = "benchmarks.md";
    public static final String CHART = "benchmarks.png";

    /** What one benchmark command produced. */
    public record Outcome(List<RunFigures> runs, List<JmhSuite.Figure> jmh, List<TargetCheck> checks, Path doc, Path chart) {

        public boolean allTargetsMet() {
            return checks.stream().allMatch(TargetCheck::met);
        }
    }

    private BenchmarkCommand() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.full(JMeterHome.projectDir(), System.getenv());
        String extDir = System.getProperty(BenchHome.EXT_PROPERTY);
        Outcome outcome = run(settings, extDir == null ? null : Path.of(extDir), commandStart());
        System.exit(outcome.allTargetsMet() ? 0 : 1);
    }

    /**
     * @param shapingJars directory with the Throughput Shaping Timer jars (needed only when that variant runs)
     * @param commandStart when the whole command began (the Maven build included), for the 10-minute target; null to skip
     */
    public static Outcome run(BenchSettings s, Path shapingJars, Instant commandStart) throws Exception {
        String loadBefore = MachineLoad.describe();
        JMeterHome home = JMeterHome.locate();
        if (s.variants().stream().anyMatch(Variant::needsShapingTimer)) {
            home = BenchHome.assemble(home, s.workDir().resolve("jmeter-bench"), shapingJars);
        }
        System.out.printf(Locale.ROOT, "Benchmark: L = %d/s (%d per %d s window), %d requests per run, threads %s, variants %s%n",
                s.limitPerSecond(), s.limitPerSecond() * s.windowSeconds(), s.windowSeconds(), s.requests(),
                s.threadCounts(), s.variants().stream().map(Variant::id).toList());
        List<RunFigures> runs = new ArrayList<>();
        Map<Integer, List<RunFigures>> panels = new LinkedHashMap<>();
        for (int threads : s.threadCounts()) {
            for (Variant v : s.variants()) {
                RunFigures r = VariantRun.run(s, home, v, threads);
                System.out.printf(Locale.ROOT, "  %4d threads  %-13s 429s %5d  ok %4d/%4d  %6.2f s  goodput %.3f x L over %d windows  cpu %.1f s%n",
                        threads, v.id(), r.server429(), r.successful(), r.logical(), r.finishSeconds(), r.goodput(),
                        r.goodputWindows(), r.cpuSeconds());
                runs.add(r);
                panels.computeIfAbsent(threads, t -> new ArrayList<>()).add(r);
            }
        }
        List<JmhSuite.Figure> jmh = s.jmh() ? JmhSuite.run() : List.of();
        double minutes = commandStart == null ? 0 : Duration.between(commandStart, Instant.now()).toMillis() / 60_000.0;
        List<TargetCheck> checks = TargetCheck.of(runs, jmh, minutes);
        String machine = loadBefore + "; at the end: " + MachineLoad.describe();

        Path chart = s.docsDir().resolve(CHART);
        RateChart.write(chart, panels, s.limitPerSecond(), String.format(Locale.ROOT,
                "Server requests per second, L = %d/s, %d requests per run", s.limitPerSecond(), s.requests()));
        Path doc = s.docsDir().resolve(DOC);
        String generated = BenchReport.markdown(s, runs, jmh, checks, machine, CHART);
        BenchReport.writeInto(doc, generated);

        System.out.println();
        System.out.println(generated);
        System.out.println("Targets:");
        checks.forEach(c -> System.out.println("  " + c.line()));
        System.out.println("Wrote " + doc + " and " + chart);
        return new Outcome(runs, jmh, checks, doc, chart);
    }

    /** The Maven process that launched this one started the command; else this JVM's start. */
    private static Instant commandStart() {
        ProcessHandle self = ProcessHandle.current();
        return self.parent().flatMap(p -> p.info().startInstant())
                .or(() -> self.info().startInstant())
                .orElse(Instant.now());
    }
}
