package io.rateguard.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of {@link SimulatorStats}. Times since start are written as milliseconds with
 * three decimals (exact microseconds), so {@link #read} restores the snapshot losslessly.
 */
final class StatsJson {

    private StatsJson() {
    }

    static String write(SimulatorStats s, boolean includeEvents) {
        JsonWriter w = new JsonWriter(new StringBuilder(256 + (includeEvents ? s.events().size() * 160 : 0)));
        w.beginObject()
                .field("startEpochMicros", s.startEpochMicros())
                .field("served", s.served())
                .field("refused", s.refused())
                .field("total", s.total())
                .field("tokensIssued", s.tokensIssued())
                .name("byStatus").beginObject();
        s.byStatus().forEach((status, n) -> w.field(Integer.toString(status), n));
        w.endObject().name("perSecond").beginArray();
        for (SecondCounts c : s.perSecond()) {
            w.beginObject().field("second", c.second()).field("served", c.served())
                    .field("refused", c.refused()).endObject();
        }
        w.endArray().field("eventsDropped", s.eventsDropped());
        if (includeEvents) {
            w.name("events").beginArray();
            for (RequestEvent e : s.events()) {
                w.beginObject()
                        .field("arrivalEpochMicros", e.arrivalEpochMicros())
                        .name("arrivalMs").valueScaled3(e.arrivalMicros())
                        .field("method", e.method())
                        .field("path", e.path())
                        .field("status", e.status())
                        .field("token", e.token());
                if (e.refused()) {
                    w.field("retryAfterSeconds", e.retryAfterSeconds());
                }
                w.name("sentMs").valueScaled3(e.sentMicros()).endObject();
            }
            w.endArray();
        }
        return w.endObject().toString();
    }

    @SuppressWarnings("unchecked")
    static SimulatorStats read(String json) {
        Map<String, Object> root = JsonReader.parseObject(json);
        Map<Integer, Long> byStatus = new TreeMap<>();
        ((Map<String, Object>) root.getOrDefault("byStatus", Map.of()))
                .forEach((k, v) -> byStatus.put(Integer.parseInt(k), asLong(v)));
        List<SecondCounts> perSecond = new ArrayList<>();
        for (Object o : (List<Object>) root.getOrDefault("perSecond", List.of())) {
            Map<String, Object> m = (Map<String, Object>) o;
            perSecond.add(new SecondCounts(asLong(m.get("second")), asLong(m.get("served")), asLong(m.get("refused"))));
        }
        List<RequestEvent> events = new ArrayList<>();
        for (Object o : (List<Object>) root.getOrDefault("events", List.of())) {
            Map<String, Object> m = (Map<String, Object>) o;
            events.add(new RequestEvent(asLong(m.get("arrivalEpochMicros")), millisToMicros(m.get("arrivalMs")),
                    (String) m.get("method"), (String) m.get("path"), (int) asLong(m.get("status")),
                    (int) asLong(m.get("token")), (int) asLong(m.getOrDefault("retryAfterSeconds", 0L)),
                    millisToMicros(m.get("sentMs"))));
        }
        return new SimulatorStats(asLong(root.get("startEpochMicros")), asLong(root.get("served")),
                asLong(root.get("refused")), asLong(root.get("tokensIssued")), byStatus, perSecond, events,
                asLong(root.getOrDefault("eventsDropped", 0L)));
    }

    private static long asLong(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof BigDecimal d) {
            return d.longValue();
        }
        throw new IllegalArgumentException("expected a number, got " + v);
    }

    private static long millisToMicros(Object v) {
        if (v instanceof Long l) {
            return l * 1_000;
        }
        if (v instanceof BigDecimal d) {
            return d.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        }
        throw new IllegalArgumentException("expected a number, got " + v);
    }
}
