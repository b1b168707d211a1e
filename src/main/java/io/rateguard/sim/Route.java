package io.rateguard.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * A method plus a path pattern such as {@code /api/v2/flows/{flowId}}; a {@code {name}} segment
 * matches any one non-empty segment. {@code ivrPut} marks the route that also counts against
 * the IVR PUT window.
 */
record Route(String method, String pattern, boolean ivrPut, ApiEndpoint endpoint) {

    /** The path parameters when the path fits the pattern (ignoring the method), else null. */
    Map<String, String> matchPath(String path) {
        String[] want = pattern.split("/", -1);
        String[] got = path.split("/", -1); // -1 keeps a trailing "/" as an empty segment: no match
        if (want.length != got.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            String w = want[i];
            if (w.startsWith("{") && w.endsWith("}")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                params.put(w.substring(1, w.length() - 1), got[i]);
            } else if (!w.equals(got[i])) {
                return null;
            }
        }
        return params;
    }
}
