package io.rateguard.signals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No header string, whatever a server or a proxy sends, makes the interpreter throw, and no wait
 * or pause it derives is negative or above the cap.
 */
class SignalsNeverThrowPropertyTest {

    private static final Duration CAP = Duration.ofSeconds(90);
    private static final RateLimitSignals SIGNALS = new RateLimitSignals(CAP, true);
    private static final List<String> NAMES = List.of("Retry-After", "RateLimit", "RateLimit-Policy",
            "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "x-ratelimit-limit",
            "x-ratelimit-remaining", "x-ratelimit-reset", "x-rate-limit-limit", "x-rate-limit-remaining",
            "x-rate-limit-reset", "inin-ratelimit-allowed", "inin-ratelimit-count", "inin-ratelimit-reset");

    @Property(tries = 3000)
    void anyValueOfAnyRateLimitHeader(@ForAll("headerName") String name, @ForAll("hostileValue") String value,
                                      @ForAll("status") int status) {
        checkAll(status, name + ": " + value + "\n");
    }

    @Property(tries = 2000)
    void severalHeadersTogether(@ForAll("hostileValue") String a, @ForAll("hostileValue") String b,
                                @ForAll("hostileValue") String c) {
        checkAll(429, "RateLimit: " + a + "\nRateLimit-Policy: " + b + "\nRetry-After: " + c
                + "\nx-ratelimit-remaining: 0\nx-ratelimit-reset: " + b + "\nRateLimit-Reset: " + a + "\n");
        checkAll(200, "RateLimit: " + a + "\nRateLimit-Policy: " + b + "\nRateLimit-Remaining: " + c + "\n");
    }

    @Property(tries = 2000)
    void anyRawHeaderBlock(@ForAll String block) {
        checkAll(429, block);
        checkAll(403, block);
        checkAll(200, block);
    }

    private static void checkAll(int status, String rawHeaders) {
        RateLimitVerdict v = SIGNALS.interpret(status, ResponseHeaders.parse("HTTP/1.1 " + status + " X\n" + rawHeaders),
                "{\"message\":\"" + rawHeaders.replace("\"", "") + "\",\"code\":\"too.many.requests\"}",
                Instant.ofEpochSecond(1_700_000_000L));
        v.waitDuration().ifPresent(SignalsNeverThrowPropertyTest::withinCap);
        v.preemptivePause().ifPresent(SignalsNeverThrowPropertyTest::withinCap);
        v.announcedLimit().ifPresent(a -> assertTrue(a.requests() > 0));
        assertFalse(v.reason().contains("\n"), "a reason is one log line");
    }

    private static void withinCap(Duration d) {
        assertFalse(d.isNegative(), d::toString);
        assertTrue(d.compareTo(CAP) <= 0, d::toString);
    }

    @Provide
    Arbitrary<String> headerName() {
        return Arbitraries.of(NAMES);
    }

    @Provide
    Arbitrary<Integer> status() {
        return Arbitraries.of(200, 403, 429, 503);
    }

    /** Random text, numbers at the edges of long, and fragments of real structured values. */
    @Provide
    Arbitrary<String> hostileValue() {
        Arbitrary<String> fragments = Arbitraries.of("\"", ";", "=", ",", "r=", "t=", "q=", "w=", "0", "-1",
                "999999999999999", "9223372036854775808", "1.5", "?1", ":", "(", ")", "\"default\"", "limit=",
                "remaining=", "reset=", " ", "\t", "\u00e9", "Sun, 06 Nov 1994 08:49:37 GMT", "1700000000")
                .list().ofMaxSize(12).map(l -> String.join("", l));
        return Arbitraries.oneOf(fragments, Arbitraries.strings().ofMaxLength(40),
                Arbitraries.longs().map(String::valueOf));
    }
}
