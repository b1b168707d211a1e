package io.rateguard.jmeter;

import io.rateguard.budget.Budget;
import io.rateguard.budget.BudgetRegistry;
import io.rateguard.budget.BudgetStats;
import io.rateguard.progress.BucketFigures;
import io.rateguard.progress.ProgressLine;
import org.apache.jmeter.JMeter;
import org.apache.jmeter.util.JMeterUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The periodic progress log of a run: every {@code rateguard.progress.interval} seconds (default:
 * JMeter's {@code summariser.interval}, 30; 0 switches it off) one line per bucket with its current
 * rate, 429s and pauses, and a total line per bucket when the test ends. Printed to the console in
 * non-GUI mode, as JMeter's summariser does, and always to jmeter.log.
 */
final class ProgressLog {

    static final String INTERVAL_PROPERTY = "rateguard.progress.interval";

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);
    private static ProgressLog running;

    private final long runId;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private final Map<String, BucketFigures> previous = new HashMap<>();
    private long previousNanos = startNanos;

    private ProgressLog(long runId, long intervalSeconds) {
        this.runId = runId;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "RateGuard progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::intervalLines, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    /** Starts the log for a run; every RateGuard Bucket calls this, the first one starts it. */
    static synchronized void start(long runId) {
        if (running != null && running.runId == runId) {
            return;
        }
        stop();
        long interval = JMeterUtils.getPropDefault(INTERVAL_PROPERTY, JMeterUtils.getPropDefault("summariser.interval", 30));
        if (interval > 0) {
            running = new ProgressLog(runId, interval);
        }
    }

    /** Stops the log and prints the run's totals; later calls for the same run do nothing. */
    static synchronized void stop() {
        if (running == null) {
            return;
        }
        running.timer.shutdownNow();
        running.totalLines();
        running = null;
    }

    private synchronized void intervalLines() {
        try {
            long now = System.nanoTime();
            figures().forEach((name, f) -> print(ProgressLine.interval(name, limit(name), 
                    f.since(previous.getOrDefault(name, BucketFigures.ZERO)), now - previousNanos)));
            previous.putAll(figures());
            previousNanos = now;
        } catch (RuntimeException e) {
            // a progress line must never end the timer thread silently or disturb the run
            log.warn("RateGuard progress line failed", e);
        }
    }

    private synchronized void totalLines() {
        long now = System.nanoTime();
        figures().forEach((name, f) -> print(ProgressLine.total(name, limit(name), f, now - startNanos)));
    }

    private Map<String, BucketFigures> figures() {
        Map<String, BucketFigures> all = new TreeMap<>();
        BudgetRegistry.shared().budgets(runId).forEach((name, budget) -> {
            BudgetStats s = budget.stats();
            all.put(name, new BucketFigures(s.granted(), RateLimitedAnswers.count(runId, name), s.pauses(), s.pausedNanos()));
        });
        return all;
    }

    private double limit(String name) {
        Budget b = BudgetRegistry.shared().budgets(runId).get(name);
        return b == null ? 0 : b.ratePerSecond(); // an adaptive bucket's current rate
    }

    private static void print(String line) {
        if (JMeter.isNonGUI()) {
            System.out.println(line);
        }
        log.info(line);
    }
}
