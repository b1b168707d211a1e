package io.rateguard.signals;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of reading one header family from a response: the quotas it described and the
 * values that were present but unusable (for a warning, once per distinct value).
 */
record QuotaReading(List<QuotaReport> reports, List<MalformedHint> malformed) {

    static final QuotaReading NONE = new QuotaReading(List.of(), List.of());

    QuotaReading {
        reports = List.copyOf(reports);
        malformed = List.copyOf(malformed);
    }

    /** Collects reports and problems while a family is read. */
    static final class Builder {
        private final List<QuotaReport> reports = new ArrayList<>();
        private final List<MalformedHint> malformed = new ArrayList<>();

        Builder report(QuotaReport r) {
            reports.add(r);
            return this;
        }

        Builder malformed(String header, String value, String problem) {
            malformed.add(new MalformedHint(header, value.trim(), problem));
            return this;
        }

        QuotaReading build() {
            return reports.isEmpty() && malformed.isEmpty() ? NONE : new QuotaReading(reports, malformed);
        }
    }
}
