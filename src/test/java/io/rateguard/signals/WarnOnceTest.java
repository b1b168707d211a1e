package io.rateguard.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarnOnceTest {

    private final List<String> messages = new ArrayList<>();

    @Test
    void warnsOncePerDistinctValue() {
        WarnOnce warnOnce = new WarnOnce(1000, messages::add);

        assertTrue(warnOnce.warn("Retry-After", "abc", "not a number"));
        assertFalse(warnOnce.warn("Retry-After", "abc", "not a number"));
        assertFalse(warnOnce.warn("Retry-After", "abc", "a differently worded problem"));
        assertTrue(warnOnce.warn("Retry-After", "-5", "negative delay"));
        assertTrue(warnOnce.warn("X-Other", "abc", "not a number")); // same value, other source
        for (int i = 0; i < 100; i++) {
            warnOnce.warn("Retry-After", "abc", "not a number");
        }

        assertEquals(3, messages.size());
        assertTrue(messages.get(0).contains("Retry-After"), messages.get(0));
        assertTrue(messages.get(0).contains("\"abc\""), messages.get(0));
        assertTrue(messages.get(0).contains("not a number"), messages.get(0));
    }

    @Test
    void warnsAboutAVerdictsMalformedHint() {
        WarnOnce warnOnce = new WarnOnce(10, messages::add);
        RateLimitSignals signals = new RateLimitSignals(java.time.Duration.ofMinutes(1), false);
        ResponseHeaders headers = ResponseHeaders.parse("HTTP/1.1 429 Too Many Requests\nretry-after: soon\n");

        for (int sample = 0; sample < 50; sample++) {
            RateLimitVerdict v = signals.interpret(429, headers, "", java.time.Instant.EPOCH);
            v.malformedHint().ifPresent(warnOnce::warn);
        }

        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("Retry-After header value \"soon\""), messages.get(0));
    }

    @Test
    void theSetIsBoundedAndSaysSoOnce() {
        WarnOnce warnOnce = new WarnOnce(3, messages::add);
        for (int i = 0; i < 10; i++) {
            warnOnce.warn("Retry-After", "v" + i, "bad");
        }
        assertEquals(4, messages.size()); // three values and one "further values are not logged"
        assertTrue(messages.get(3).contains("more than 3"), messages.get(3));
        assertFalse(warnOnce.warn("Retry-After", "v0", "bad")); // remembered ones stay quiet
    }

    @Test
    void logLinesCannotBeForged() {
        WarnOnce warnOnce = new WarnOnce(10, messages::add);
        warnOnce.warn("Retry-After", "1\r\nFAKE LOG LINE", "bad");
        assertFalse(messages.get(0).contains("\n"), messages.get(0));
        assertFalse(messages.get(0).contains("\r"), messages.get(0));
    }

    @Test
    void concurrentSamplersWarnExactlyOncePerValue() throws Exception {
        Queue<String> sink = new ConcurrentLinkedQueue<>();
        WarnOnce warnOnce = new WarnOnce(1000, sink::add);
        int threads = 16;
        int values = 50;
        AtomicInteger emitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 20; round++) {
                        for (int v = 0; v < values; v++) {
                            if (warnOnce.warn("Retry-After", "value-" + v, "bad")) {
                                emitted.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(values, sink.size());
        assertEquals(values, emitted.get());
    }

    @Test
    void theDefaultConstructorLogsThroughSlf4j() {
        // Only checks that it works without a custom sink; the output goes to the test log.
        assertTrue(new WarnOnce().warn("Retry-After", "abc", "not a number"));
    }
}
