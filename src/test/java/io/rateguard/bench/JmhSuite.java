package io.rateguard.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link BudgetBenchmark} briefly (one fork, 2 x 1 s warm-up, 3 x 1 s measurement per
 * benchmark: about 30 s in all) and returns per-call percentiles. Short, so the whole benchmark
 * command stays within its 10 minutes; the medians are stable at this length, the far tails less so.
 */
final class JmhSuite {

    /** One measured operation: sampled per-call time, ns. */
    record Figure(String operation, int threads, double p50, double p99, double p999, long samples) {
    }

    private JmhSuite() {
    }

    static List<Figure> run() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(BudgetBenchmark.class.getName())
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Figure> figures = new ArrayList<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            if (r.getParams().getThreadGroups().length > 1) {
                // a group: one figure per member, each on its own thread
                for (Map.Entry<String, Result> member : r.getSecondaryResults().entrySet()) {
                    if (!member.getKey().matches("[A-Za-z_$][\\w$]*") || member.getKey().matches("p\\d.*")) {
                        continue; // JMH also lists each percentile as a secondary result
                    }
                    figures.add(figure(name + "/" + member.getKey(), r.getParams().getThreads(), member.getValue().getStatistics()));
                }
            } else {
                figures.add(figure(name, r.getParams().getThreads(), r.getPrimaryResult().getStatistics()));
            }
        }
        return figures;
    }

    private static Figure figure(String name, int threads, Statistics st) {
        return new Figure(name, threads, st.getPercentile(50), st.getPercentile(99), st.getPercentile(99.9), st.getN());
    }
}
