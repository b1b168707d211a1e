package io.rateguard.sim;

import java.util.List;
import java.util.Map;

/** {@code /api/v2/architect/ivrs} and {@code /{ivrId}}: list, get and update; the PUT has its own rate window. */
final class IvrEndpoints {

    private final IvrStore store;

    IvrEndpoints(IvrStore store) {
        this.store = store;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/v2/architect/ivrs", false, this::list),
                new Route("GET", "/api/v2/architect/ivrs/{ivrId}", false, this::get),
                new Route("PUT", "/api/v2/architect/ivrs/{ivrId}", true, this::update));
    }

    SimResponse list(ApiCall call) {
        return EntityListing.page(call, "/api/v2/architect/ivrs", store.list(), Ivr::writeTo);
    }

    SimResponse get(ApiCall call) {
        Ivr ivr = store.get(call.param("ivrId"));
        return ivr == null ? call.notFound() : call.ok(json(ivr));
    }

    /** Fields present replace the stored ones; every successful PUT increments version. */
    SimResponse update(ApiCall call) {
        String id = call.param("ivrId");
        String name;
        String description;
        boolean hasDescription;
        List<String> dnis;
        try {
            Map<String, Object> body = call.jsonBody();
            String bodyId = ApiCall.stringField(body, "id");
            if (bodyId != null && !bodyId.equals(id)) {
                return call.badRequest("The IVR id in the body does not match the path.");
            }
            name = ApiCall.stringField(body, "name");
            description = ApiCall.stringField(body, "description");
            hasDescription = body.containsKey("description");
            dnis = ApiCall.stringListField(body, "dnis");
        } catch (IllegalArgumentException e) {
            return call.badRequest("Invalid IVR body: " + e.getMessage());
        }
        if (name != null && name.isBlank()) {
            return call.badRequest("'name' must not be empty.");
        }
        Ivr updated = store.update(id, v -> new Ivr(v.id(), name != null ? name : v.name(),
                hasDescription ? description : v.description(), dnis != null ? dnis : v.dnis(), v.version() + 1));
        return updated == null ? call.notFound() : call.ok(json(updated));
    }

    private static JsonWriter json(Ivr ivr) {
        JsonWriter w = new JsonWriter();
        ivr.writeTo(w);
        return w;
    }
}
