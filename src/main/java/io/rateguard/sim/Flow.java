package io.rateguard.sim;

/** An Architect flow, the subset of Genesys' Flow entity a load test touches. {@code seq} orders listings. */
record Flow(String id, String name, String description, String type, long seq) {

    String selfUri() {
        return "/api/v2/flows/" + id;
    }

    void writeTo(JsonWriter w) {
        w.beginObject()
                .field("id", id)
                .field("name", name)
                .name("description").value(description)
                .field("type", type)
                .field("active", false)
                .field("system", false)
                .field("deleted", false)
                .field("selfUri", selfUri())
                .endObject();
    }
}
