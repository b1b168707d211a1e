package io.rateguard.jmeter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many rate-limited answers (429, or 503 when treated so) each bucket's samplers received in
 * the current run, for the progress log. A new run id starts from zero.
 */
final class RateLimitedAnswers {

    private static volatile Run current = new Run(Long.MIN_VALUE);

    private RateLimitedAnswers() {
    }

    static void record(long runId, String bucket) {
        Run run = current;
        if (run.id != runId) {
            synchronized (RateLimitedAnswers.class) {
                if (current.id != runId) {
                    current = new Run(runId);
                }
                run = current;
            }
        }
        run.counts.computeIfAbsent(bucket, b -> new LongAdder()).increment();
    }

    static long count(long runId, String bucket) {
        Run run = current;
        if (run.id != runId) {
            return 0;
        }
        LongAdder n = run.counts.get(bucket);
        return n == null ? 0 : n.sum();
    }

    private record Run(long id, Map<String, LongAdder> counts) {
        Run(long id) {
            this(id, new ConcurrentHashMap<>());
        }
    }
}
