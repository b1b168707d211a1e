package io.rateguard.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The figures that say whether a RateGuard run did its job, computed from the result rows: how
 * many logical requests there were and failed, how many 429s the client met, what it retried,
 * how long it waited, and the successful rate it achieved against the server's limit.
 *
 * <p>A request that needed several attempts is one logical row followed by one row per attempt
 * ({@code <label>-attempt-<n>}); the attempt rows repeat the logical row's variables, so counts
 * and sums over variables use logical rows only.
 */
public final class RunSummary {

    public static final String RETRIES = io.rateguard.jmeter.SampleFigures.RETRIES;
    public static final String THROTTLE_MS = io.rateguard.jmeter.SampleFigures.THROTTLE_MS;
    public static final String PAUSE_MS = io.rateguard.jmeter.SampleFigures.PAUSE_MS;

    private static final int TOP_FAILURES = 5;

    private final long logicalSamples;
    private final long successfulSamples;
    private final long failedSamples;
    private final List<FailureCount> topFailures;
    private final int distinctFailures;
    private final long attempts429;
    private final long retries;
    private final long throttleWaitMs;
    private final long pauseMs;
    private final long runMillis;
    private final Optional<ServerFigures> server;

    private RunSummary(List<JtlRow> rows, Optional<ServerFigures> server) {
        this.server = server;
        long logical = 0;
        long ok = 0;
        long failed = 0;
        long seen429 = 0;
        long retried = 0;
        long throttle = 0;
        long pause = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Map<String, Long> failures = new LinkedHashMap<>();
        for (JtlRow row : rows) {
            // attempts count for the span too: the first attempt starts before its logical row
            first = Math.min(first, row.timeStamp());
            last = Math.max(last, row.endTime());
            boolean is429 = "429".equals(row.responseCode().strip());
            if (row.isAttempt()) {
                if (is429) {
                    seen429++;
                }
                continue;
            }
            logical++;
            long rowRetries = row.longVariable(RETRIES);
            // a request answered 429 without retrying has no attempt rows to count it
            if (is429 && rowRetries == 0) {
                seen429++;
            }
            retried += rowRetries;
            throttle += row.longVariable(THROTTLE_MS);
            pause += row.longVariable(PAUSE_MS);
            if (row.success()) {
                ok++;
            } else {
                failed++;
                failures.merge(failureText(row), 1L, Long::sum);
            }
        }
        this.logicalSamples = logical;
        this.successfulSamples = ok;
        this.failedSamples = failed;
        this.attempts429 = seen429;
        this.retries = retried;
        this.throttleWaitMs = throttle;
        this.pauseMs = pause;
        this.runMillis = rows.isEmpty() ? 0 : last - first;
        this.distinctFailures = failures.size();
        List<FailureCount> sorted = new ArrayList<>();
        failures.forEach((message, count) -> sorted.add(new FailureCount(message, count)));
        // most frequent first; ties in the order first seen (the sort is stable)
        sorted.sort(Comparator.comparingLong(FailureCount::count).reversed());
        this.topFailures = List.copyOf(sorted.subList(0, Math.min(TOP_FAILURES, sorted.size())));
    }

    public static RunSummary of(List<JtlRow> rows) {
        return new RunSummary(rows, Optional.empty());
    }

    public static RunSummary of(List<JtlRow> rows, ServerFigures server) {
        return new RunSummary(rows, Optional.of(server));
    }

    /**
     * The failure message of a failed logical row; a plain HTTP error carries none, so its code
     * and response message stand in for it.
     */
    static String failureText(JtlRow row) {
        if (!row.failureMessage().isBlank()) {
            return row.failureMessage().strip();
        }
        String text = (row.responseCode().strip() + " " + row.responseMessage().strip()).strip();
        return text.isEmpty() ? "(no message)" : text;
    }

    public long logicalSamples() {
        return logicalSamples;
    }

    public long successfulSamples() {
        return successfulSamples;
    }

    public long failedSamples() {
        return failedSamples;
    }

    /** Up to five distinct failure messages, most frequent first. */
    public List<FailureCount> topFailures() {
        return topFailures;
    }

    public int distinctFailures() {
        return distinctFailures;
    }

    /** 429 answers the client received, counting each attempt. */
    public long attempts429() {
        return attempts429;
    }

    /** Sum of {@value #RETRIES} over logical samples. */
    public long retries() {
        return retries;
    }

    /** Sum of {@value #THROTTLE_MS} over logical samples. */
    public long throttleWaitMs() {
        return throttleWaitMs;
    }

    /** Sum of {@value #PAUSE_MS} over logical samples. */
    public long pauseMs() {
        return pauseMs;
    }

    /** From the first sample's start to the last sample's end. */
    public long runMillis() {
        return runMillis;
    }

    /** Successful logical samples per second over {@link #runMillis()}; 0 for an empty run. */
    public double achievedRatePerSecond() {
        return runMillis > 0 ? successfulSamples * 1000.0 / runMillis : 0;
    }

    /** Achieved successful rate divided by the server's limit, when server figures were given. */
    public OptionalDouble ratioToLimit() {
        return server.map(s -> OptionalDouble.of(achievedRatePerSecond() / s.limitPerSecond()))
                .orElse(OptionalDouble.empty());
    }

    public Optional<ServerFigures> server() {
        return server;
    }

    /** An aligned block for logs and test output, starting with {@code RateGuard run summary}. */
    public String format() {
        List<String[]> lines = new ArrayList<>();
        lines.add(line("logical samples", Long.toString(logicalSamples)));
        lines.add(line("failed samples", failedSamples + (logicalSamples > 0
                ? String.format(Locale.ROOT, " (%.2f%%)", 100.0 * failedSamples / logicalSamples) : "")
                + (distinctFailures > TOP_FAILURES ? ", " + distinctFailures + " distinct messages" : "")));
        int countWidth = topFailures.stream().mapToInt(f -> Long.toString(f.count()).length()).max().orElse(1);
        for (FailureCount f : topFailures) {
            lines.add(line("", String.format(Locale.ROOT, "%" + countWidth + "dx  %s", f.count(), oneLine(f.message()))));
        }
        lines.add(line("429s seen by client", Long.toString(attempts429)));
        lines.add(line("retries", Long.toString(retries)));
        lines.add(line("throttle wait", seconds(throttleWaitMs) + perSample(throttleWaitMs)));
        lines.add(line("pause", seconds(pauseMs) + perSample(pauseMs)));
        lines.add(line("run", seconds(runMillis) + " (first start to last end)"));
        lines.add(line("successful rate", String.format(Locale.ROOT, "%.2f/s", achievedRatePerSecond())));
        server.ifPresent(s -> {
            lines.add(line("server served", String.format(Locale.ROOT, "%d in %.2f s (%.2f/s)",
                    s.served(), s.runSeconds(), s.servedPerSecond())));
            lines.add(line("server refused", Long.toString(s.refused())));
            lines.add(line("server limit", String.format(Locale.ROOT, "%.2f/s", s.limitPerSecond())));
        });
        ratioToLimit().ifPresent(r -> lines.add(line("rate / limit", String.format(Locale.ROOT, "%.3f", r))));

        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
        StringBuilder text = new StringBuilder("RateGuard run summary");
        for (String[] l : lines) {
            text.append("\n  ").append(l[0]).append(" ".repeat(width - l[0].length())).append("  ").append(l[1]);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    private static String[] line(String name, String value) {
        return new String[] {name, value};
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    private String perSample(long millis) {
        return logicalSamples > 0
                ? String.format(Locale.ROOT, " (%.1f ms per sample)", (double) millis / logicalSamples) : "";
    }

    /** Failure messages may hold newlines (stack traces); keep the block one line per entry. */
    private static String oneLine(String message) {
        String flat = message.replaceAll("\\s*[\\r\\n]+\\s*", " | ");
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }
}
