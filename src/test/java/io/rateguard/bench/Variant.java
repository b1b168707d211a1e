package io.rateguard.bench;

/**
 * The throttles compared, each on the same plan shape, server and limit L. The stock ones are set
 * exactly as their documentation says to hold L; none of them knows what a 429 is.
 */
public enum Variant {

    CONSTANT_THROUGHPUT("ctt", "Constant Throughput Timer (all active threads, shared) at L", 1, false),
    PRECISE_THROUGHPUT("ptt", "Precise Throughput Timer at L", 1, false),
    THROUGHPUT_SHAPING("tst", "Throughput Shaping Timer (jmeter-plugins-tst) at L", 1, false),
    SDK_RETRY("sdk", "Per-thread retry like the Genesys Java SDK, no pacing", 0, false),
    RATEGUARD("rateguard", "RateGuard Timer + sampler at L", 1, true),
    RATEGUARD_2X("rateguard-2x", "RateGuard with the bucket at 2 x L (limit unknown)", 2, true);

    private final String id;
    private final String description;
    private final int limitFactor;
    private final boolean rateGuard;

    Variant(String id, String description, int limitFactor, boolean rateGuard) {
        this.id = id;
        this.description = description;
        this.limitFactor = limitFactor;
        this.rateGuard = rateGuard;
    }

    /** Short name for directories, properties and the chart legend. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The rate it is configured with, as a multiple of the server's limit (0: no pacing). */
    public int limitFactor() {
        return limitFactor;
    }

    /** True when the RateGuard sampler publishes its per-sample figures (intended start among them). */
    public boolean rateGuard() {
        return rateGuard;
    }

    /** Needs the Throughput Shaping Timer jars in the JMeter home. */
    public boolean needsShapingTimer() {
        return this == THROUGHPUT_SHAPING;
    }

    public static Variant byId(String id) {
        for (Variant v : values()) {
            if (v.id.equalsIgnoreCase(id.strip())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown benchmark variant '" + id + "'; known: "
                + java.util.Arrays.stream(values()).map(Variant::id).toList());
    }
}
