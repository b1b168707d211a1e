package io.rateguard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {

    private final FakeClock clock = new FakeClock();
    private final GenesysSimulator sim = GenesysSimulator.start(SimulatorConfig.builder()
            .tokenTtlSeconds(3600).tokenLimit(1).clock(clock).build());
    private final SimClient client = new SimClient(sim);

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void clientCredentialsGrantIssuesABearerToken() {
        HttpResponse<String> r = client.tokenResponse("rateguard-demo", SimulatorConfig.DEFAULT_CLIENT_SECRET,
                "grant_type=client_credentials");
        assertEquals(200, r.statusCode());
        Map<String, Object> body = SimClient.json(r);
        assertEquals("bearer", body.get("token_type"));
        assertEquals(3600L, body.get("expires_in"));
        String token = (String) body.get("access_token");
        assertTrue(token.length() >= 32, token);
        assertTrue(r.headers().firstValue("ININ-Correlation-Id").isPresent());
        assertEquals(200, client.get("/api/v2/flows", token).statusCode());
    }

    @Test
    void tokensAreRandomAndEachHasItsOwnWindow() {
        String a = client.token();
        String b = client.token();
        assertNotEquals(a, b);
        assertEquals(200, client.get("/api/v2/flows", a).statusCode());
        assertEquals(429, client.get("/api/v2/flows", a).statusCode(), "limit 1 per token");
        assertEquals(200, client.get("/api/v2/flows", b).statusCode(), "another token has its own quota");
    }

    @Test
    void theTokenEndpointIsNotRateLimited() {
        for (int i = 0; i < 20; i++) {
            client.token();
        }
        assertEquals(20, sim.stats().tokensIssued());
    }

    @Test
    void wrongCredentialsGive401() {
        HttpResponse<String> r = client.tokenResponse("rateguard-demo", "wrong", "grant_type=client_credentials");
        assertEquals(401, r.statusCode());
        Map<String, Object> body = SimClient.json(r);
        assertEquals("invalid_client", body.get("error"));
        assertEquals("bad.credentials", body.get("code"));
        assertEquals(401L, body.get("status"));
        assertEquals(r.headers().firstValue("ININ-Correlation-Id").orElseThrow(), body.get("contextId"));
        assertEquals(401, client.tokenResponse("someone-else", SimulatorConfig.DEFAULT_CLIENT_SECRET,
                "grant_type=client_credentials").statusCode());
    }

    @Test
    void wrongGrantTypeGives400() {
        HttpResponse<String> r = client.tokenResponse("rateguard-demo", SimulatorConfig.DEFAULT_CLIENT_SECRET,
                "grant_type=password");
        assertEquals(400, r.statusCode());
        assertEquals("unsupported_grant_type", SimClient.json(r).get("error"));
        assertEquals(400, client.tokenResponse("rateguard-demo", SimulatorConfig.DEFAULT_CLIENT_SECRET, "")
                .statusCode());
    }

    @Test
    void expiredTokenGives401() {
        String token = client.token();
        clock.advanceMillis(3_600_000);
        HttpResponse<String> r = client.get("/api/v2/flows", token);
        assertEquals(401, r.statusCode());
        assertEquals("bad.credentials", SimClient.json(r).get("code"));
    }
}
