package io.rateguard.sim;

import java.util.List;

/** An Architect IVR configuration (the subset a load test touches); {@code version} grows with each PUT. */
record Ivr(String id, String name, String description, List<String> dnis, int version) {

    String selfUri() {
        return "/api/v2/architect/ivrs/" + id;
    }

    void writeTo(JsonWriter w) {
        w.beginObject()
                .field("id", id)
                .field("name", name)
                .name("description").value(description)
                .field("version", version)
                .name("dnis").beginArray();
        for (String d : dnis) {
            w.value(d);
        }
        w.endArray()
                .field("state", "active")
                .field("selfUri", selfUri())
                .endObject();
    }
}
