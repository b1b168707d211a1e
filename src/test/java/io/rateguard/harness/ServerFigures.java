package io.rateguard.harness;

/**
 * What the server side (the simulator) counted over a run, to set the client's view against.
 *
 * @param served         requests answered normally
 * @param refused        requests answered 429
 * @param limitPerSecond the rate the server allows
 * @param runSeconds     how long the server counted
 */
public record ServerFigures(long served, long refused, double limitPerSecond, double runSeconds) {

    public ServerFigures {
        if (served < 0 || refused < 0) {
            throw new IllegalArgumentException("negative counts: served " + served + ", refused " + refused);
        }
        if (!(limitPerSecond > 0)) {
            throw new IllegalArgumentException("limit per second must be positive: " + limitPerSecond);
        }
        if (runSeconds < 0 || Double.isNaN(runSeconds)) {
            throw new IllegalArgumentException("run seconds must not be negative: " + runSeconds);
        }
    }

    /** Served requests per second over the server's run (0 for an empty run). */
    public double servedPerSecond() {
        return runSeconds > 0 ? served / runSeconds : 0;
    }
}
