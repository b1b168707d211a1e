package io.rateguard.sim;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids of the seeded flows and IVRs. They are name-based UUIDs, identical on every start, so
 * a JMeter plan or a test can hard-code them.
 */
public final class SeedIds {

    private SeedIds() {
    }

    /** Id of seeded flow {@code index} (0-based, below {@link SimulatorConfig#flowCount()}). */
    public static String flowId(int index) {
        return uuid("rateguard-sim/flow/" + index);
    }

    /** Id of seeded IVR {@code index} (0-based, below {@link SimulatorConfig#ivrCount()}). */
    public static String ivrId(int index) {
        return uuid("rateguard-sim/ivr/" + index);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
