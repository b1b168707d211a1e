package io.rateguard.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One benchmark configuration. The full one is scaled so the whole command fits in 10 minutes on
 * 2 cores: L = 100 requests/s with 2 s fixed windows (200 per window; Genesys' own is 300 per
 * 60 s), and the same 1000 logical requests for every variant and thread count.
 *
 * @param limitPerSecond  L, the server's limit (a whole number)
 * @param windowSeconds   the server's fixed window; it allows L x window per window
 * @param requests        logical requests per run, the same for every variant (a multiple of
 *                        every thread count, so each thread makes the same number)
 * @param serviceMillis   the server's time per request
 * @param threadCounts    thread counts to run, in order
 * @param variants        variants to run at each thread count, in order
 * @param workDir         plans, result files and logs of each run
 * @param docsDir         where benchmarks.md and the chart are written
 * @param jmh             also run the JMH benchmark of the budget
 */
public record BenchSettings(int limitPerSecond, int windowSeconds, int requests, long serviceMillis,
                            List<Integer> threadCounts, List<Variant> variants, Path workDir, Path docsDir,
                            boolean jmh) {

    public BenchSettings {
        threadCounts = List.copyOf(threadCounts);
        variants = List.copyOf(variants);
        if (limitPerSecond < 1 || windowSeconds < 1 || requests < 1) {
            throw new IllegalArgumentException("limit, window and requests must be positive");
        }
        for (int t : threadCounts) {
            if (t < 1 || requests % t != 0) {
                throw new IllegalArgumentException(requests + " requests do not split evenly over " + t + " threads");
            }
        }
    }

    /** The committed configuration, overridable by environment variables (see docs/benchmarks.md). */
    public static BenchSettings full(Path projectDir, Map<String, String> env) {
        return new BenchSettings(
                Integer.parseInt(env.getOrDefault("BENCH_LIMIT", "100")),
                Integer.parseInt(env.getOrDefault("BENCH_WINDOW", "2")),
                Integer.parseInt(env.getOrDefault("BENCH_REQUESTS", "1000")),
                Long.parseLong(env.getOrDefault("BENCH_SERVICE_MS", "5")),
                Arrays.stream(env.getOrDefault("BENCH_THREADS", "10,100,1000").split(","))
                        .map(String::strip).filter(t -> !t.isEmpty()).map(Integer::parseInt).toList(),
                // an empty list runs no JMeter variant (e.g. only the JMH benchmark)
                Arrays.stream(env.getOrDefault("BENCH_VARIANTS", "ctt,ptt,tst,sdk,rateguard,rateguard-2x").split(","))
                        .map(String::strip).filter(v -> !v.isEmpty()).map(Variant::byId).toList(),
                projectDir.resolve("target/bench"),
                projectDir.resolve("docs"),
                !"false".equals(env.get("BENCH_JMH")));
    }

    public int loopsPerThread(int threads) {
        return requests / threads;
    }

    /** The Throughput Shaping / Precise Throughput Timer profile length: far beyond any run. */
    public int profileSeconds() {
        return Math.max(60, 10 * requests / limitPerSecond);
    }
}
