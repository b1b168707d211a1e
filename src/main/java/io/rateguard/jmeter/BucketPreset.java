package io.rateguard.jmeter;

import java.time.Duration;
import java.util.Arrays;

/**
 * Known limits a RateGuard Bucket can be set to by name (docs/genesys-rate-limits.md). A preset
 * sets the limit, the period and the request matcher; burst, initial tokens and the adaptive
 * switch stay the bucket's own.
 */
enum BucketPreset {
    CUSTOM("Custom", 0, null, ""),
    GENESYS_TOKEN("Genesys Cloud: client-credentials token (300/min)", 300, Duration.ofSeconds(60), ""),
    GENESYS_PUT_IVR("Genesys Cloud: PUT IVR (100/min)", 100, Duration.ofSeconds(60), "PUT /api/v2/architect/ivrs/*");

    private final String label;
    private final long limit;
    private final Duration period;
    private final String matcher;

    BucketPreset(String label, long limit, Duration period, String matcher) {
        this.label = label;
        this.limit = limit;
        this.period = period;
        this.matcher = matcher;
    }

    String label() {
        return label;
    }

    long limit() {
        return limit;
    }

    Duration period() {
        return period;
    }

    String matcher() {
        return matcher;
    }

    static String[] labels() {
        return Arrays.stream(values()).map(BucketPreset::label).toArray(String[]::new);
    }

    /** The preset with this label (any case, surrounding spaces ignored); empty text is Custom. */
    static BucketPreset fromLabel(String text, FieldParser p) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return CUSTOM;
        }
        for (BucketPreset preset : values()) {
            if (preset.label.equalsIgnoreCase(t) || preset.name().equalsIgnoreCase(t)) {
                return preset;
            }
        }
        throw p.bad("preset", t, "is not one of: " + String.join("; ", labels()));
    }
}
