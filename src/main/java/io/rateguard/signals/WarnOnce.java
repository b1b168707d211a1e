package io.rateguard.signals;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one warning per distinct (source, value) pair instead of one per sample.
 *
 * <p>A server that sends a malformed Retry-After sends it on every 429; at hundreds of samples a
 * second a per-sample warning would drown jmeter.log. The first occurrence of each value is what
 * a user needs. The set of remembered pairs is bounded so that a server sending a different
 * malformed value each time cannot grow memory without limit; once full, one last warning says
 * so and further new values are not logged. Thread-safe: sampler threads call it concurrently.
 */
public final class WarnOnce {

    public static final int DEFAULT_CAPACITY = 1000;

    /** Values longer than this are clipped in the message and in the remembered key. */
    static final int MAX_VALUE_CHARS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(WarnOnce.class);

    private final int capacity;
    private final Consumer<String> sink;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger remembered = new AtomicInteger();
    private final AtomicBoolean fullReported = new AtomicBoolean();

    /** Warns through this class's slf4j logger, remembering up to {@link #DEFAULT_CAPACITY} pairs. */
    public WarnOnce() {
        this(DEFAULT_CAPACITY, LOG::warn);
    }

    /** Warns through {@code logger}, remembering up to {@link #DEFAULT_CAPACITY} pairs. */
    public WarnOnce(Logger logger) {
        this(DEFAULT_CAPACITY, Objects.requireNonNull(logger, "logger")::warn);
    }

    /**
     * @param capacity the number of distinct pairs remembered, positive
     * @param sink     receives each complete warning message (a logger's {@code warn} in production)
     */
    public WarnOnce(int capacity, Consumer<String> sink) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Warns about a malformed hint from a verdict, once per distinct header and value. */
    public boolean warn(MalformedHint hint) {
        return warn(hint.source(), hint.value(), hint.problem());
    }

    /**
     * Warns that {@code source} (a header name) carried the unusable {@code value}, unless this
     * pair was warned about before.
     *
     * @return true if a warning was emitted by this call
     */
    public boolean warn(String source, String value, String problem) {
        String safeSource = Printable.clip(source, MAX_VALUE_CHARS);
        String safeValue = Printable.clip(value, MAX_VALUE_CHARS);
        // NUL cannot survive Printable.clip, so it separates the two parts unambiguously.
        String key = safeSource + '\u0000' + safeValue;
        if (seen.contains(key)) {
            return false;
        }
        // Reserve a slot before adding, so the bound holds exactly under concurrency.
        if (remembered.incrementAndGet() > capacity) {
            remembered.decrementAndGet();
            if (fullReported.compareAndSet(false, true)) {
                sink.accept("RateGuard: more than " + capacity + " distinct unusable rate-limit hints"
                        + " seen; further new values are not logged");
            }
            return false;
        }
        if (!seen.add(key)) { // another thread warned about the same pair first
            remembered.decrementAndGet();
            return false;
        }
        sink.accept("RateGuard: ignoring unusable " + safeSource + " header value \"" + safeValue + "\""
                + (problem == null ? "" : " (" + Printable.clip(problem, MAX_VALUE_CHARS) + ")")
                + "; using the next hint or the default wait. Logged once per distinct value.");
        return true;
    }
}
