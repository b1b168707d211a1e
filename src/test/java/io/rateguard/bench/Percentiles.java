package io.rateguard.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of values; NaN for an empty set, so a missing figure shows. */
final class Percentiles {

    private final double[] sorted;

    private Percentiles(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    static Percentiles of(Collection<? extends Number> values) {
        return new Percentiles(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    static Percentiles of(double[] values) {
        return new Percentiles(values);
    }

    double p(double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    int count() {
        return sorted.length;
    }
}
