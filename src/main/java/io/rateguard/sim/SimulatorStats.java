package io.rateguard.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of what the simulator served, so tests can assert on the server's view
 * rather than the client's. API requests only; token and stats requests are not counted.
 */
public final class SimulatorStats {

    private final long startEpochMicros;
    private final long served;
    private final long refused;
    private final long tokensIssued;
    private final Map<Integer, Long> byStatus;
    private final List<SecondCounts> perSecond;
    private final List<RequestEvent> events;
    private final long eventsDropped;

    SimulatorStats(long startEpochMicros, long served, long refused, long tokensIssued, Map<Integer, Long> byStatus,
                   List<SecondCounts> perSecond, List<RequestEvent> events, long eventsDropped) {
        this.startEpochMicros = startEpochMicros;
        this.served = served;
        this.refused = refused;
        this.tokensIssued = tokensIssued;
        this.byStatus = Collections.unmodifiableMap(new TreeMap<>(byStatus));
        this.perSecond = List.copyOf(perSecond);
        this.events = List.copyOf(events);
        this.eventsDropped = eventsDropped;
    }

    /** Parses {@link #toJson()} output, e.g. fetched from {@code GET /__sim/stats} of another process. */
    public static SimulatorStats fromJson(String json) {
        return StatsJson.read(json);
    }

    /** When the simulator started, microseconds since the epoch. */
    public long startEpochMicros() { return startEpochMicros; }

    /** API responses with a 2xx status. */
    public long served() { return served; }

    /** 429 responses. */
    public long refused() { return refused; }

    /** Successful POST /oauth/token calls. */
    public long tokensIssued() { return tokensIssued; }

    /** API responses by status code (2xx, 401, 404, 429, ...), ascending. */
    public Map<Integer, Long> byStatus() { return byStatus; }

    public long count(int status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /** All API responses. */
    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One entry per second since start, up to the last second with traffic. */
    public List<SecondCounts> perSecond() { return perSecond; }

    /** API requests in arrival-recording order, at most {@link SimulatorConfig#maxEvents()}. */
    public List<RequestEvent> events() { return events; }

    /** Requests counted in the totals but not kept as events because the event list was full. */
    public long eventsDropped() { return eventsDropped; }

    /**
     * For every 429 sent at T with Retry-After R: the API requests of the same token that arrived
     * in [T + allowanceMs, T + R s). The allowance excuses requests already in flight when the
     * 429 went out (other threads' requests the client could not recall).
     */
    public List<PauseCount> requestsDuringPauses(long allowanceMs) {
        Map<Integer, List<Long>> arrivalsByToken = new HashMap<>();
        for (RequestEvent e : events) {
            if (e.token() > 0) {
                arrivalsByToken.computeIfAbsent(e.token(), k -> new ArrayList<>()).add(e.arrivalMicros());
            }
        }
        Map<Integer, long[]> sorted = new HashMap<>();
        arrivalsByToken.forEach((token, list) -> {
            long[] a = list.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            sorted.put(token, a);
        });
        List<PauseCount> result = new ArrayList<>();
        for (RequestEvent e : events) {
            if (!e.refused() || e.token() <= 0) {
                continue;
            }
            long from = e.sentMicros() + allowanceMs * 1_000;
            long to = e.sentMicros() + e.retryAfterSeconds() * 1_000_000L;
            long[] arrivals = sorted.get(e.token());
            int n = from >= to ? 0 : lowerBound(arrivals, to) - lowerBound(arrivals, from);
            if (e.arrivalMicros() >= from && e.arrivalMicros() < to) {
                n--; // the refused request itself (arrival == sent at microsecond resolution) is no breach
            }
            result.add(new PauseCount(e, n));
        }
        return result;
    }

    /** The sum of {@link #requestsDuringPauses(long)}: 0 means every pause was honoured. */
    public long totalRequestsDuringPauses(long allowanceMs) {
        return requestsDuringPauses(allowanceMs).stream().mapToLong(PauseCount::requestsDuringPause).sum();
    }

    /** The whole snapshot as JSON (the body of {@code GET /__sim/stats}). */
    public String toJson() {
        return StatsJson.write(this, true);
    }

    /** As {@link #toJson()}, optionally without the (possibly huge) event list. */
    public String toJson(boolean includeEvents) {
        return StatsJson.write(this, includeEvents);
    }

    @Override
    public String toString() {
        return "SimulatorStats{served=" + served + ", refused=" + refused + ", byStatus=" + byStatus
                + ", tokensIssued=" + tokensIssued + ", events=" + events.size()
                + ", eventsDropped=" + eventsDropped + "}";
    }

    /** First index whose value is >= key. */
    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
