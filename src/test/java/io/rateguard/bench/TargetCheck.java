package io.rateguard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets, each set against what was measured. A miss is printed and fails the
 * command: it is a bug to fix, never a number to hide.
 */
record TargetCheck(String what, String measured, String target, boolean met) {

    String line() {
        return String.format(Locale.ROOT, "%-4s %-58s %-34s target %s", met ? "MET" : "MISS", what, measured, target);
    }

    static List<TargetCheck> of(List<RunFigures> runs, List<JmhSuite.Figure> jmh, double commandMinutes) {
        List<TargetCheck> checks = new ArrayList<>();
        for (RunFigures r : runs) {
            if (r.variant() == Variant.RATEGUARD) {
                checks.add(new TargetCheck("RateGuard at L, " + r.threads() + " threads: server 429s",
                        Long.toString(r.server429()), "0", r.server429() == 0));
                checks.add(new TargetCheck("RateGuard at L, " + r.threads() + " threads: goodput",
                        fmt(r.goodput()) + " x L", ">= 0.98 x L", r.goodput() >= 0.98));
            }
            if (r.variant() == Variant.RATEGUARD_2X) {
                checks.add(new TargetCheck("RateGuard at 2 x L, " + r.threads() + " threads: samples successful",
                        r.successful() + " of " + r.logical(), "all", r.allSuccessful()));
                checks.add(new TargetCheck("RateGuard at 2 x L, " + r.threads() + " threads: 429s per pause",
                        r.pauses() + " pauses, max " + r.maxPerPause() + " x 429, " + r.pausesOverdrawn() + " over",
                        "<= requests in flight", r.pausesOverdrawn() == 0));
                checks.add(new TargetCheck("RateGuard at 2 x L, " + r.threads() + " threads: goodput",
                        fmt(r.goodput()) + " x L", ">= 0.8 x L", r.goodput() >= 0.8));
            }
        }
        jmh.stream().filter(f -> f.operation().equals("acquire2Threads")).findFirst().ifPresent(f ->
                checks.add(new TargetCheck("Token acquisition, 2 threads: median",
                        String.format(Locale.ROOT, "%.0f ns", f.p50()), "<= 1000 ns", f.p50() <= 1000)));
        if (commandMinutes > 0) {
            checks.add(new TargetCheck("Whole command (build, JMH, every run)",
                    String.format(Locale.ROOT, "%.1f min", commandMinutes), "<= 10 min", commandMinutes <= 10));
        }
        return checks;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
