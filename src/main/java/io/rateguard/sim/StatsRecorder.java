package io.rateguard.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the server's own view of traffic. One lock for everything: contention is negligible
 * next to socket I/O, and a snapshot is then always self-consistent (totals match events).
 */
final class StatsRecorder {

    private final long startNanos;
    private final long startEpochMicros;
    private final int maxEvents;

    private long served;
    private long refused;
    private long tokensIssued;
    private long eventsDropped;
    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final List<long[]> perSecond = new ArrayList<>(); // index = second, {served, refused}
    private final List<RequestEvent> events = new ArrayList<>();

    StatsRecorder(long startNanos, long startEpochMicros, int maxEvents) {
        this.startNanos = startNanos;
        this.startEpochMicros = startEpochMicros;
        this.maxEvents = maxEvents;
    }

    synchronized void tokenIssued() {
        tokensIssued++;
    }

    /** Records an API request as its response is sent. */
    synchronized void record(long arrivalNanos, long sentNanos, String method, String path, int status,
                             int token, int retryAfterSeconds) {
        long arrivalMicros = Math.max(0, (arrivalNanos - startNanos) / 1_000);
        long sentMicros = Math.max(0, (sentNanos - startNanos) / 1_000);
        byStatus.merge(status, 1L, Long::sum);
        int second = (int) Math.min(Integer.MAX_VALUE - 1, arrivalMicros / 1_000_000);
        while (perSecond.size() <= second) {
            perSecond.add(new long[2]);
        }
        if (status == 429 || (status == 403 && retryAfterSeconds > 0)) { // 403: a refusal in GitHub style
            refused++;
            perSecond.get(second)[1]++;
        } else if (status >= 200 && status < 300) {
            served++;
            perSecond.get(second)[0]++;
        }
        if (events.size() < maxEvents) {
            events.add(new RequestEvent(startEpochMicros + arrivalMicros, arrivalMicros, method, path, status,
                    token, retryAfterSeconds, sentMicros));
        } else {
            eventsDropped++;
        }
    }

    synchronized SimulatorStats snapshot() {
        List<SecondCounts> seconds = new ArrayList<>(perSecond.size());
        for (int i = 0; i < perSecond.size(); i++) {
            seconds.add(new SecondCounts(i, perSecond.get(i)[0], perSecond.get(i)[1]));
        }
        return new SimulatorStats(startEpochMicros, served, refused, tokensIssued, byStatus, seconds,
                List.copyOf(events), eventsDropped);
    }
}
