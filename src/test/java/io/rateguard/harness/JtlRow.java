package io.rateguard.harness;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a CSV result file. With {@code sampleresult.timestamp.start=true} (the harness sets
 * it) {@code timeStamp} is the sample's start in epoch milliseconds.
 *
 * @param variables the {@code sample_variables} columns present on this row; an unset variable
 *                  (JMeter writes the text {@code null}) or a missing column is absent
 */
public record JtlRow(
        long timeStamp,
        long elapsed,
        String label,
        String responseCode,
        String responseMessage,
        String threadName,
        boolean success,
        String failureMessage,
        long bytes,
        long sentBytes,
        long latency,
        long connect,
        Map<String, String> variables) {

    /** RateGuard labels each retry attempt (a sub-result) {@code <label>-attempt-<n>}. */
    private static final Pattern ATTEMPT = Pattern.compile("-attempt-(\\d+)$");

    public JtlRow {
        variables = Map.copyOf(variables);
    }

    /** True for a RateGuard attempt row, written after its logical sample's row. */
    public boolean isAttempt() {
        return ATTEMPT.matcher(label).find();
    }

    /** The attempt's number (1 = first try), for attempt rows. */
    public OptionalInt attemptNumber() {
        Matcher m = ATTEMPT.matcher(label);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** The logical sample's label: the label without its attempt suffix. */
    public String baseLabel() {
        Matcher m = ATTEMPT.matcher(label);
        return m.find() ? label.substring(0, m.start()) : label;
    }

    /** Start plus elapsed, epoch milliseconds. */
    public long endTime() {
        return timeStamp + elapsed;
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** A numeric variable, 0 when absent or blank; a non-number is an error worth seeing. */
    public long longVariable(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("variable " + name + " is not a whole number: '" + value
                    + "' in row '" + label + "' of " + threadName, e);
        }
    }
}
