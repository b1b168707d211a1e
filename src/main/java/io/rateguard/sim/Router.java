package io.rateguard.sim;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Finds the route of a request: a match, a known path with the wrong method (405), or nothing (404). */
final class Router {

    /** @param allow non-null only for a 405: the methods the path does accept */
    record Match(Route route, Map<String, String> params, String allow) {

        boolean found() {
            return route != null;
        }

        boolean methodNotAllowed() {
            return route == null && allow != null;
        }
    }

    private final List<Route> routes;

    Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    Match match(String method, String path) {
        StringJoiner allow = new StringJoiner(", ");
        boolean pathKnown = false;
        for (Route r : routes) {
            Map<String, String> params = r.matchPath(path);
            if (params == null) {
                continue;
            }
            if (r.method().equals(method)) {
                return new Match(r, params, null);
            }
            pathKnown = true;
            allow.add(r.method());
        }
        return new Match(null, Map.of(), pathKnown ? allow.toString() : null);
    }
}
