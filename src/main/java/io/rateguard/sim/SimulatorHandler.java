package io.rateguard.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The request pipeline. For API paths the order is Genesys': unknown route 404, wrong method
 * 405, then authentication 401, then rate limits 429, then the endpoint. Only requests that pass
 * authentication count against a token's quota; a refused request consumes nothing.
 */
final class SimulatorHandler implements RequestHandler {

    static final String TOKEN_PATH = "/oauth/token";
    static final String STATS_PATH = "/__sim/stats";

    /** What the pipeline decided, plus what stats need to know about it. */
    private record Outcome(SimResponse response, int token, int retryAfterSeconds) {
    }

    private final SimulatorConfig cfg;
    private final TokenStore tokens;
    private final TokenEndpoint tokenEndpoint;
    private final Router router;
    private final StatsRecorder stats;

    SimulatorHandler(SimulatorConfig cfg, long startNanos, StatsRecorder stats) {
        this.cfg = cfg;
        this.stats = stats;
        this.tokens = new TokenStore(cfg, startNanos);
        this.tokenEndpoint = new TokenEndpoint(cfg, tokens);
        List<Route> routes = new ArrayList<>(new FlowEndpoints(new FlowStore(cfg.flowCount())).routes());
        routes.addAll(new IvrEndpoints(new IvrStore(cfg.ivrCount())).routes());
        this.router = new Router(routes);
    }

    @Override
    public SimResponse handle(HttpRequest req) {
        String correlationId = UUID.randomUUID().toString();
        if (TOKEN_PATH.equals(req.path())) {
            SimResponse r = tokenEndpoint.handle(req, correlationId);
            if (r.status() == 200) {
                stats.tokenIssued();
            }
            return r;
        }
        if (STATS_PATH.equals(req.path())) {
            return statsResponse(req, correlationId);
        }
        Outcome o = api(req, correlationId);
        SimResponse r = o.response();
        if (r.header(GenesysErrors.CORRELATION_HEADER) == null) {
            r = r.withLeadingHeader(GenesysErrors.CORRELATION_HEADER, correlationId);
        }
        int status = r.status();
        return r.withOnSent(sentNanos -> stats.record(req.arrivalNanos(), sentNanos, req.method(), req.path(),
                status, o.token(), o.retryAfterSeconds()));
    }

    private Outcome api(HttpRequest req, String correlationId) {
        Router.Match match = router.match(req.method(), req.path());
        if (match.methodNotAllowed()) {
            return new Outcome(GenesysErrors.methodNotAllowed(match.allow(), correlationId), 0, 0);
        }
        if (!match.found()) {
            return new Outcome(GenesysErrors.notFound(correlationId), 0, 0);
        }

        String bearer = bearerToken(req.header("Authorization"));
        if (bearer == null) {
            return new Outcome(GenesysErrors.authenticationRequired(correlationId), 0, 0);
        }
        AccessToken token = tokens.find(bearer);
        if (token == null || token.expiredAt(req.arrivalNanos())) {
            if (token != null) {
                tokens.forget(token);
            }
            return new Outcome(GenesysErrors.badCredentials(correlationId), 0, 0);
        }

        RateDecision decision = cfg.always429()
                ? RateDecision.refused(cfg.retryAfterSeconds(), cfg.tokenLimit(), cfg.tokenPeriodSeconds())
                : token.quota().tryAcquire(req.arrivalNanos(), match.route().ivrPut());
        boolean ivrPut = match.route().ivrPut();
        if (!decision.allowed()) {
            SimResponse refusal = TooManyRequests.response(decision, correlationId, cfg.omitRetryAfter(), cfg.legacyBody(),
                    cfg.headerStyle(), cfg.refuseWith403());
            return new Outcome(withRateLimitHeaders(refusal, token, req, ivrPut), token.seq(), decision.retryAfterSeconds());
        }

        serviceTime();
        ApiCall call = new ApiCall(req, match.params(), token, correlationId);
        return new Outcome(withRateLimitHeaders(match.route().endpoint().handle(call), token, req, ivrPut), token.seq(), 0);
    }

    private SimResponse withRateLimitHeaders(SimResponse r, AccessToken token, HttpRequest req, boolean ivrPut) {
        if (cfg.headerStyle() == RateLimitHeaderStyle.GENESYS) {
            return r;
        }
        return cfg.headerStyle().addTo(r, token.quota().status(req.arrivalNanos(), ivrPut), System.currentTimeMillis());
    }

    @Override
    public SimResponse malformed(int status, String message) {
        String code = switch (status) {
            case 413 -> "request.entity.too.large";
            case 500 -> "internal.server.error";
            case 501 -> "not.implemented";
            default -> "bad.request";
        };
        return GenesysErrors.response(status, code, message, UUID.randomUUID().toString());
    }

    private SimResponse statsResponse(HttpRequest req, String correlationId) {
        if (!"GET".equals(req.method())) {
            return GenesysErrors.methodNotAllowed("GET", correlationId);
        }
        boolean events = !"false".equalsIgnoreCase(req.queryParam("events"));
        return SimResponse.json(200, stats.snapshot().toJson(events))
                .withHeader(GenesysErrors.CORRELATION_HEADER, correlationId)
                .withHeader("Cache-Control", "no-store")
                .withHeader("Content-Type", GenesysErrors.JSON);
    }

    /** The token of {@code Authorization: Bearer <token>} (scheme case-insensitive), or null. */
    static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        if (a.length() <= 7 || !a.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = a.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private void serviceTime() {
        long ms = cfg.serviceTimeMillis();
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping; the socket is already closed
        }
    }
}
