package io.rateguard.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parsed HTTP/1.1 request. Header names are stored lower-case (HTTP header names are
 * case-insensitive, and clients differ in the case they send).
 *
 * @param path         percent-decoded path, without the query
 * @param rawQuery     the query string as sent, or null
 * @param arrivalNanos clock reading when the request head had been read
 */
record HttpRequest(String method, String path, String rawQuery, Map<String, String> headers,
                   byte[] body, long arrivalNanos, boolean keepAlive) {

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean isHead() {
        return "HEAD".equals(method);
    }

    /** First value of a query parameter, form-decoded, or null. */
    String queryParam(String name) {
        return formParams(rawQuery).get(name);
    }

    /** Decodes {@code a=1&b=2} (query strings and form bodies); the first occurrence of a name wins. */
    static Map<String, String> formParams(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8),
                        URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                params.putIfAbsent(k, v); // malformed %-escape: keep the raw text rather than fail the request
            }
        }
        return params;
    }
}
