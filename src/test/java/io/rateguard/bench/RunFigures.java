package io.rateguard.bench;

import io.rateguard.harness.JtlRow;
import io.rateguard.jmeter.SampleFigures;
import io.rateguard.sim.SecondCounts;
import io.rateguard.sim.SimulatorStats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The figures of one variant at one thread count, computed from JMeter's result rows and the
 * server's own count. Logical samples only (a RateGuard or SDK retry's attempts are sub-rows).
 *
 * @param server429        429s the server sent
 * @param logical          logical samples in the result file
 * @param successful       of which successful
 * @param finishMillis     first sample's start to last sample's end
 * @param goodput          served per whole server window inside the run / what a window allows ({@link WindowGoodput})
 * @param rawRate          successful per second over finishMillis, divided by L (window edges inflate it)
 * @param pacingErrorP50   |actual send - intended send|, ms (see {@link #intendedStarts})
 * @param throttleP99      p99 of the time a thread waited before sending (timers, pauses), ms
 * @param elapsedP50       JMeter's elapsed (what reports show), ms
 * @param fromIntendedP50  end minus intended start: latency free of coordinated omission, ms
 * @param cpuSeconds       CPU time of the JMeter process
 * @param duringPauses     requests that arrived inside a Retry-After after a 100 ms allowance
 * @param perSecond        the server's requests (served + refused) per second from the first
 */
public record RunFigures(Variant variant, int threads, double limitPerSecond, long server429, long serverServed,
                         long logical, long successful, long finishMillis, double goodput, double rawRate,
                         int goodputWindows,
                         double pacingErrorP50, double pacingErrorP99, double throttleP99,
                         double elapsedP50, double elapsedP99, double fromIntendedP50, double fromIntendedP99,
                         double cpuSeconds, long duringPauses, int pauses, long pausesOverdrawn, int maxPerPause,
                         List<Long> perSecond) {

    /** Allowance for a 429's answer to reach the client on loopback before it counts as ignored. */
    static final long IN_FLIGHT_ALLOWANCE_MS = 100;

    static RunFigures of(Variant variant, int threads, int limitPerSecond, int windowSeconds, List<JtlRow> rows,
                         SimulatorStats server, double cpuSeconds) {
        List<JtlRow> logical = rows.stream()
                .filter(r -> !r.isAttempt() && !r.label().equals(BenchPlan.TOKEN_LABEL))
                .sorted(Comparator.comparingLong(JtlRow::timeStamp))
                .toList();
        long successful = logical.stream().filter(JtlRow::success).count();
        long first = logical.stream().mapToLong(JtlRow::timeStamp).min().orElse(0);
        long last = logical.stream().mapToLong(JtlRow::endTime).max().orElse(0);
        long finish = Math.max(0, last - first);
        double rawRate = finish > 0 ? successful * 1000.0 / finish / limitPerSecond : 0;
        WindowGoodput windows = WindowGoodput.of(server.events(), limitPerSecond, windowSeconds);

        long[] intended = intendedStarts(variant, logical, limitPerSecond);
        List<Double> pacing = new ArrayList<>();
        List<Double> elapsed = new ArrayList<>();
        List<Double> fromIntended = new ArrayList<>();
        for (int i = 0; i < logical.size(); i++) {
            JtlRow r = logical.get(i);
            elapsed.add((double) r.elapsed());
            if (intended[i] > 0) {
                pacing.add((double) Math.abs(r.timeStamp() - intended[i]));
                fromIntended.add((double) Math.max(r.elapsed(), r.endTime() - intended[i]));
            }
        }
        Percentiles pace = Percentiles.of(pacing);
        Percentiles el = Percentiles.of(elapsed);
        Percentiles co = Percentiles.of(fromIntended);
        PauseEpisodes episodes = PauseEpisodes.of(server.events(), IN_FLIGHT_ALLOWANCE_MS);
        return new RunFigures(variant, threads, limitPerSecond, server.refused(), server.served(),
                logical.size(), successful, finish, windows.goodput(), rawRate, windows.windows(),
                pace.p(50), pace.p(99), Percentiles.of(throttleWaits(rows, logical)).p(99),
                el.p(50), el.p(99), co.p(50), co.p(99),
                cpuSeconds, episodes.ignoring(),
                episodes.count(), episodes.overdrawn(), episodes.maxRefused(), perSecond(server));
    }

    /**
     * When each logical sample (in start order) was meant to go. RateGuard publishes it per sample
     * (the moment its budget had the permit due); for the others it is the schedule their
     * configuration asks for: the k-th request at first start + k / L. 0 where unknown.
     */
    static long[] intendedStarts(Variant variant, List<JtlRow> logicalByStart, double limitPerSecond) {
        long[] intended = new long[logicalByStart.size()];
        if (logicalByStart.isEmpty()) {
            return intended;
        }
        long t0 = logicalByStart.get(0).timeStamp();
        for (int k = 0; k < intended.length; k++) {
            JtlRow r = logicalByStart.get(k);
            if (variant.rateGuard()) {
                intended[k] = r.variable(SampleFigures.INTENDED_START)
                        .filter(s -> !s.isBlank()).map(s -> Long.parseLong(s.strip())).orElse(0L);
            } else {
                intended[k] = t0 + Math.round(k * 1000.0 / limitPerSecond);
            }
        }
        return intended;
    }

    /**
     * How long each thread waited before each send: from its previous sample's end (or, for its
     * first, the end of the token request that gates the thread group) to the sample's start.
     * Timer delays, pauses and JMeter's own overhead between samples, for every variant alike.
     */
    static List<Double> throttleWaits(List<JtlRow> all, List<JtlRow> logicalByStart) {
        OptionalLong ready = all.stream().filter(r -> r.label().equals(BenchPlan.TOKEN_LABEL))
                .mapToLong(JtlRow::endTime).max();
        Map<String, Long> lastEnd = new HashMap<>();
        List<Double> waits = new ArrayList<>();
        for (JtlRow r : logicalByStart) {
            Long previous = lastEnd.get(r.threadName());
            long from = previous != null ? previous : ready.orElse(r.timeStamp());
            waits.add((double) Math.max(0, r.timeStamp() - from));
            lastEnd.put(r.threadName(), r.endTime());
        }
        return waits;
    }

    /** The server's requests per second, from the first second that saw any. */
    static List<Long> perSecond(SimulatorStats server) {
        List<Long> counts = new ArrayList<>();
        boolean started = false;
        for (SecondCounts s : server.perSecond()) {
            long n = s.served() + s.refused();
            started |= n > 0;
            if (started) {
                counts.add(n);
            }
        }
        return List.copyOf(counts);
    }

    public double finishSeconds() {
        return finishMillis / 1000.0;
    }

    public boolean allSuccessful() {
        return logical > 0 && successful == logical;
    }
}
