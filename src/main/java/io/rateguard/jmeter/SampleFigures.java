package io.rateguard.jmeter;

import io.rateguard.budget.Acquisition;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jmeter.threads.JMeterVariables;

/**
 * The per-sample figures RateGuard keeps apart from latency, as JMeter variables. Listed in
 * {@code sample_variables}, they become columns of the result file.
 */
public final class SampleFigures {

    /** Time spent waiting for the budget before and between attempts, ms (pauses included). */
    public static final String THROTTLE_MS = "rateguard_throttle_ms";
    /** Of that, the time the budget was paused by a server's rate-limit answer, ms. */
    public static final String PAUSE_MS = "rateguard_pause_ms";
    /** Attempts after the first one. */
    public static final String RETRIES = "rateguard_retries";

    /**
     * When the budget had this sample's first permit due, epoch ms: the sample's start minus this
     * is the pacing error, and its end minus this the latency free of coordinated omission.
     * Not in {@link #SAMPLE_VARIABLES}: a benchmark's figure, add it to sample_variables to see it.
     */
    public static final String INTENDED_START = "rateguard_intended_start";

    /** The line to put in user.properties (or pass with -J) so the figures reach the result file. */
    public static final String SAMPLE_VARIABLES = THROTTLE_MS + "," + PAUSE_MS + "," + RETRIES;

    private SampleFigures() {
    }

    static void publish(long throttleMillis, long pauseMillis, int retries) {
        JMeterVariables vars = JMeterContextService.getContext().getVariables();
        if (vars == null) {
            return;
        }
        vars.put(THROTTLE_MS, Long.toString(throttleMillis));
        vars.put(PAUSE_MS, Long.toString(pauseMillis));
        vars.put(RETRIES, Integer.toString(retries));
    }

    /** Call right after a permit is granted, so "now" is the grant time. */
    static void publishIntendedStart(Acquisition granted) {
        JMeterVariables vars = JMeterContextService.getContext().getVariables();
        if (vars != null) {
            vars.put(INTENDED_START, Long.toString(granted.dueEpochMillis(System.currentTimeMillis())));
        }
    }
}
