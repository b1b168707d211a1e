package io.rateguard.jmeter;

import io.rateguard.signals.RateLimitSignals;
import io.rateguard.signals.ResponseHeaders;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs the 429 path once while the plan loads, so the first real 429 is answered at once.
 * Cold, that path loads and initialises the header parser and Jackson (~100 ms, more on a busy
 * machine); measured in the benchmark, the other threads sent 27 more requests into a 2 s
 * Retry-After before the first pause was in force, against 1 for every later pause.
 */
final class SignalWarmUp {

    private static final String HEADERS = "HTTP/1.1 429 Too Many Requests\n"
            + "Retry-After: 1\nContent-Type: application/json\nininratelimit-allowed: 300\n";
    private static final String BODY = "{\"message\":\"Rate limit exceeded the maximum. Retry the request in [1] seconds\","
            + "\"code\":\"too.many.requests.retry.after\",\"status\":429,\"contextId\":\"warm-up\",\"details\":[],\"errors\":[]}";

    private static volatile boolean done;

    private SignalWarmUp() {
    }

    static void ensure() {
        if (done) {
            return;
        }
        done = true;
        try {
            new RateLimitSignals(Duration.ofSeconds(180), false)
                    .interpret(429, ResponseHeaders.parse(HEADERS), BODY, Instant.now());
        } catch (RuntimeException ignored) {
            // only a warm-up: the real 429 reports whatever is wrong, with the element's name
        }
    }
}
