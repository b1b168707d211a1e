package io.rateguard.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * {@code POST /oauth/token}, the client-credentials grant of Genesys' login host: HTTP Basic
 * with client id and secret, form body {@code grant_type=client_credentials}. Not rate limited.
 */
final class TokenEndpoint {

    private final SimulatorConfig cfg;
    private final TokenStore tokens;

    TokenEndpoint(SimulatorConfig cfg, TokenStore tokens) {
        this.cfg = cfg;
        this.tokens = tokens;
    }

    SimResponse handle(HttpRequest req, String correlationId) {
        if (!"POST".equals(req.method())) {
            return GenesysErrors.methodNotAllowed("POST", correlationId);
        }
        String grant = HttpRequest.formParams(req.bodyText()).get("grant_type");
        if (grant == null || grant.isEmpty()) {
            return error(400, "invalid_request", "bad.request", "grant_type is required", correlationId);
        }
        if (!"client_credentials".equals(grant)) {
            return error(400, "unsupported_grant_type", "bad.request",
                    "grant_type '" + grant + "' is not supported, use client_credentials", correlationId);
        }
        if (!validClient(req.header("Authorization"))) {
            return error(401, "invalid_client", "bad.credentials", "client not found or bad client secret",
                    correlationId).withHeader("WWW-Authenticate", "Basic realm=\"oauth\"");
        }
        AccessToken token = tokens.issue(req.arrivalNanos());
        String body = new JsonWriter().beginObject()
                .field("access_token", token.value())
                .field("token_type", "bearer")
                .field("expires_in", cfg.tokenTtlSeconds())
                .endObject().toString();
        return SimResponse.json(200, body)
                .withHeader(GenesysErrors.CORRELATION_HEADER, correlationId)
                .withHeader("Cache-Control", "no-store") // RFC 6749 5.1: token responses must not be cached
                .withHeader("Content-Type", GenesysErrors.JSON);
    }

    private boolean validClient(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // constant-time compare: harmless here, and the habit is what matters
        return MessageDigest.isEqual(bytes(decoded.substring(0, colon)), bytes(cfg.clientId()))
                & MessageDigest.isEqual(bytes(decoded.substring(colon + 1)), bytes(cfg.clientSecret()));
    }

    /**
     * OAuth errors carry the RFC 6749 fields ({@code error}, {@code error_description}) that the
     * login host sends and OAuth libraries read, plus the Genesys API error fields, so both
     * kinds of client parser find what they look for.
     */
    private static SimResponse error(int status, String oauthError, String code, String message, String contextId) {
        String body = new JsonWriter().beginObject()
                .field("error", oauthError)
                .field("error_description", message)
                .field("message", message)
                .field("code", code)
                .field("status", status)
                .field("contextId", contextId)
                .emptyArray("details")
                .emptyArray("errors")
                .endObject().toString();
        return SimResponse.json(status, body)
                .withHeader(GenesysErrors.CORRELATION_HEADER, contextId)
                .withHeader("Content-Type", GenesysErrors.JSON);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
