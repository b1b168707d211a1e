package io.rateguard.sim;

import java.util.List;
import java.util.Map;

/** An authorised, admitted API request as an endpoint sees it. */
record ApiCall(HttpRequest request, Map<String, String> pathParams, AccessToken token, String correlationId) {

    String param(String name) {
        return pathParams.get(name);
    }

    /** The body as a JSON object. @throws IllegalArgumentException when it is not one */
    Map<String, Object> jsonBody() {
        return JsonReader.parseObject(request.bodyText());
    }

    /** A string field of a body, null when absent. @throws IllegalArgumentException when not a string */
    static String stringField(Map<String, Object> body, String name) {
        Object v = body.get(name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new IllegalArgumentException("'" + name + "' must be a string");
    }

    /** A list-of-strings field, null when absent. @throws IllegalArgumentException otherwise */
    static List<String> stringListField(Map<String, Object> body, String name) {
        Object v = body.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list && list.stream().allMatch(e -> e instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new IllegalArgumentException("'" + name + "' must be an array of strings");
    }

    SimResponse ok(JsonWriter json) {
        return SimResponse.json(200, json.toString()).withHeader("Content-Type", GenesysErrors.JSON);
    }

    SimResponse badRequest(String message) {
        return GenesysErrors.badRequest(message, correlationId);
    }

    SimResponse notFound() {
        return GenesysErrors.notFound(correlationId);
    }
}
