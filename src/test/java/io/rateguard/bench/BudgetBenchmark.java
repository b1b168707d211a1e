package io.rateguard.bench;

import io.rateguard.budget.Acquisition;
import io.rateguard.budget.BudgetSpec;
import io.rateguard.budget.LocalBudget;
import io.rateguard.budget.WaitGuard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The budget's hot paths, sampled per call so medians and tails are visible: taking a permit that
 * is available (what every request pays), and publishing a pause (a 429) while other threads read
 * it. The budget under test never makes a caller wait: a wait would measure the sleep, not the code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BudgetBenchmark {

    /**
     * 100 000 permits per millisecond with as many in hand: never waits during a benchmark, yet
     * small enough per period that the grant log (the fixed-window guard) is on, as in real use.
     */
    private static final BudgetSpec ALWAYS_AVAILABLE =
            new BudgetSpec("bench", 100_000, Duration.ofMillis(1), 100_000, 100_000);
    private static final Duration ONE_MS = Duration.ofMillis(1);

    private LocalBudget budget;

    @Setup(Level.Iteration)
    public void freshBudget() {
        budget = new LocalBudget(ALWAYS_AVAILABLE);
    }

    @Benchmark
    @Threads(1)
    public Acquisition acquire1Thread() {
        return budget.acquire(WaitGuard.ALWAYS);
    }

    @Benchmark
    @Threads(2)
    public Acquisition acquire2Threads() {
        return budget.acquire(WaitGuard.ALWAYS);
    }

    /** A 429 seen: each call extends the pause, so each one publishes a new timeline. */
    @Benchmark
    @Threads(1)
    public void pause1Thread() {
        budget.pause(ONE_MS);
    }

    /** Two threads seeing 429s at once: the timeline's compare-and-set under contention. */
    @Benchmark
    @Threads(2)
    public void pause2Threads() {
        budget.pause(ONE_MS);
    }

    /** Propagation: one thread publishes pauses while another reads them as a waiter does. */
    @Benchmark
    @Group("propagation")
    @GroupThreads(1)
    public void publishPause() {
        budget.pause(ONE_MS);
    }

    @Benchmark
    @Group("propagation")
    @GroupThreads(1)
    public long waiterSeesPause() {
        return budget.remainingPauseNanos();
    }
}
