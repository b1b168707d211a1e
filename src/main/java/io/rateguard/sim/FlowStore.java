package io.rateguard.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** In-memory, thread-safe flows; listing order is creation order, so pages are stable. */
final class FlowStore {

    private static final String[] SEED_TYPES = {"INBOUNDCALL", "INQUEUECALL", "OUTBOUNDCALL", "INBOUNDCHAT",
        "INBOUNDEMAIL", "WORKFLOW"};

    private final Map<String, Flow> flows = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();

    FlowStore(int seedCount) {
        for (int i = 0; i < seedCount; i++) {
            String id = SeedIds.flowId(i);
            flows.put(id, new Flow(id, String.format("RateGuard demo flow %02d", i + 1),
                    "Seeded by the RateGuard simulator", SEED_TYPES[i % SEED_TYPES.length], seq.incrementAndGet()));
        }
    }

    List<Flow> list() {
        List<Flow> all = new ArrayList<>(flows.values());
        all.sort(Comparator.comparingLong(Flow::seq));
        return all;
    }

    Flow get(String id) {
        return flows.get(id);
    }

    Flow create(String name, String type, String description) {
        Flow f = new Flow(UUID.randomUUID().toString(), name, description, type, seq.incrementAndGet());
        flows.put(f.id(), f);
        return f;
    }

    /** The updated flow, or null when there is no flow with that id. */
    Flow update(String id, UnaryOperator<Flow> change) {
        return flows.computeIfPresent(id, (k, f) -> change.apply(f));
    }

    boolean delete(String id) {
        return flows.remove(id) != null;
    }
}
