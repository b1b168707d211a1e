package io.rateguard.sim;

/** What the HTTP layer calls: the simulator's logic as a plain function from request to response. */
interface RequestHandler {

    SimResponse handle(HttpRequest request);

    /** Response for a request the HTTP layer could not parse (the connection is closed after it). */
    SimResponse malformed(int status, String message);
}
