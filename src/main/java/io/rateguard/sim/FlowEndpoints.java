package io.rateguard.sim;

import java.util.List;
import java.util.Map;

/** {@code /api/v2/flows} and {@code /api/v2/flows/{flowId}}: list, create, get, update, delete. */
final class FlowEndpoints {

    private final FlowStore store;

    FlowEndpoints(FlowStore store) {
        this.store = store;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/v2/flows", false, this::list),
                new Route("POST", "/api/v2/flows", false, this::create),
                new Route("GET", "/api/v2/flows/{flowId}", false, this::get),
                new Route("PUT", "/api/v2/flows/{flowId}", false, this::update),
                new Route("DELETE", "/api/v2/flows/{flowId}", false, this::delete));
    }

    SimResponse list(ApiCall call) {
        return EntityListing.page(call, "/api/v2/flows", store.list(), Flow::writeTo);
    }

    SimResponse create(ApiCall call) {
        String name;
        String type;
        String description;
        try {
            Map<String, Object> body = call.jsonBody();
            name = ApiCall.stringField(body, "name");
            type = ApiCall.stringField(body, "type");
            description = ApiCall.stringField(body, "description");
        } catch (IllegalArgumentException e) {
            return call.badRequest("Invalid flow body: " + e.getMessage());
        }
        if (name == null || name.isBlank() || type == null || type.isBlank()) {
            return call.badRequest("A flow needs a non-empty 'name' and 'type'.");
        }
        return call.ok(json(store.create(name, type, description)));
    }

    SimResponse get(ApiCall call) {
        Flow f = store.get(call.param("flowId"));
        return f == null ? call.notFound() : call.ok(json(f));
    }

    /** Fields present in the body replace the stored ones; an id in the body must match the path. */
    SimResponse update(ApiCall call) {
        String id = call.param("flowId");
        String name;
        String type;
        String description;
        boolean hasDescription;
        try {
            Map<String, Object> body = call.jsonBody();
            String bodyId = ApiCall.stringField(body, "id");
            if (bodyId != null && !bodyId.equals(id)) {
                return call.badRequest("The flow id in the body does not match the path.");
            }
            name = ApiCall.stringField(body, "name");
            type = ApiCall.stringField(body, "type");
            description = ApiCall.stringField(body, "description");
            hasDescription = body.containsKey("description");
        } catch (IllegalArgumentException e) {
            return call.badRequest("Invalid flow body: " + e.getMessage());
        }
        if ((name != null && name.isBlank()) || (type != null && type.isBlank())) {
            return call.badRequest("'name' and 'type' must not be empty.");
        }
        Flow updated = store.update(id, f -> new Flow(f.id(), name != null ? name : f.name(),
                hasDescription ? description : f.description(), type != null ? type : f.type(), f.seq()));
        return updated == null ? call.notFound() : call.ok(json(updated));
    }

    SimResponse delete(ApiCall call) {
        return store.delete(call.param("flowId")) ? SimResponse.of(204) : call.notFound();
    }

    private static JsonWriter json(Flow f) {
        JsonWriter w = new JsonWriter();
        f.writeTo(w);
        return w;
    }


}
