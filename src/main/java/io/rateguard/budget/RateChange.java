package io.rateguard.budget;

/**
 * One change of an adaptive budget's rate, for a log line: from, to (requests per second) and why.
 */
public record RateChange(double fromPerSecond, double toPerSecond, String why) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.3f/s -> %.3f/s (%s)", fromPerSecond, toPerSecond, why);
    }
}
