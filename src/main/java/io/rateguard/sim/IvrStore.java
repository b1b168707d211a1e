package io.rateguard.sim;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** In-memory, thread-safe IVR configurations. */
final class IvrStore {

    private final Map<String, Ivr> ivrs = new ConcurrentHashMap<>();

    IvrStore(int seedCount) {
        for (int i = 0; i < seedCount; i++) {
            String id = SeedIds.ivrId(i);
            ivrs.put(id, new Ivr(id, "RateGuard demo IVR " + (i + 1), "Seeded by the RateGuard simulator",
                    List.of(String.format("+1555010%04d", i)), 1));
        }
    }

    /** All IVRs in a stable order (by id), for listings. */
    List<Ivr> list() {
        return ivrs.values().stream().sorted(java.util.Comparator.comparing(Ivr::id)).toList();
    }

    Ivr get(String id) {
        return ivrs.get(id);
    }

    /** The updated IVR, or null when there is no IVR with that id. */
    Ivr update(String id, UnaryOperator<Ivr> change) {
        return ivrs.computeIfPresent(id, (k, v) -> change.apply(v));
    }
}
