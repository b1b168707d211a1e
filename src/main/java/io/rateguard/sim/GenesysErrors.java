package io.rateguard.sim;

/**
 * Genesys Cloud error responses: {@code {"message","code","status","contextId","details":[],"errors":[]}},
 * the contextId being the ININ-Correlation-Id of the same response.
 */
final class GenesysErrors {

    static final String CORRELATION_HEADER = "ININ-Correlation-Id";
    static final String JSON = "application/json";

    private GenesysErrors() {
    }

    static String body(String message, String code, int status, String contextId) {
        return new JsonWriter().beginObject()
                .field("message", message)
                .field("code", code)
                .field("status", status)
                .field("contextId", contextId)
                .emptyArray("details")
                .emptyArray("errors")
                .endObject().toString();
    }

    static SimResponse response(int status, String code, String message, String contextId) {
        return SimResponse.json(status, body(message, code, status, contextId))
                .withHeader(CORRELATION_HEADER, contextId)
                .withHeader("Content-Type", JSON);
    }

    static SimResponse notFound(String contextId) {
        return response(404, "not.found", "The requested resource was not found.", contextId);
    }

    static SimResponse authenticationRequired(String contextId) {
        return response(401, "authentication.required",
                "No authentication bearer token specified in authorization header.", contextId);
    }

    static SimResponse badCredentials(String contextId) {
        return response(401, "bad.credentials", "Invalid login credentials.", contextId);
    }

    static SimResponse badRequest(String message, String contextId) {
        return response(400, "bad.request", message, contextId);
    }

    static SimResponse methodNotAllowed(String allow, String contextId) {
        return response(405, "method.not.allowed", "HTTP 405 Method Not Allowed", contextId)
                .withHeader("Allow", allow);
    }
}
