package io.rateguard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipeline order: unknown route 404, then auth 401, then 429, then the endpoint. */
class ApiRoutingTest {

    private final GenesysSimulator sim = GenesysSimulator.start(SimulatorConfig.builder().tokenLimit(2)
            .clock(new FakeClock()).build());
    private final SimClient client = new SimClient(sim);

    @AfterEach
    void stop() {
        sim.close();
    }

    private static void assertGenesysError(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        Map<String, Object> body = SimClient.json(r);
        assertEquals(code, body.get("code"));
        assertEquals((long) status, body.get("status"));
        assertTrue(body.get("message") instanceof String);
        assertEquals(r.headers().firstValue("ININ-Correlation-Id").orElseThrow(), body.get("contextId"));
    }

    @Test
    void noTokenGives401AuthenticationRequired() {
        assertGenesysError(client.get("/api/v2/flows", null), 401, "authentication.required");
    }

    @Test
    void unknownTokenGives401BadCredentials() {
        assertGenesysError(client.get("/api/v2/flows", "not-a-token"), 401, "bad.credentials");
    }

    @Test
    void architectFlowsDoesNotExist() {
        // docs: "There is no /api/v2/architect/flows; a plan that calls it gets 404"
        String token = client.token();
        assertGenesysError(client.get("/api/v2/architect/flows", token), 404, "not.found");
        assertGenesysError(client.get("/api/v2/architect/flows", null), 404, "not.found");
    }

    @Test
    void unknownIdsGive404() {
        String token = client.token();
        assertGenesysError(client.get("/api/v2/flows/00000000-0000-0000-0000-000000000000", token), 404, "not.found");
        assertGenesysError(client.get("/api/v2/architect/ivrs/nope", null), 401, "authentication.required");
    }

    @Test
    void unknownRoutesAreCheckedBeforeAuthAndDoNotConsumeQuota() {
        String token = client.token();
        for (int i = 0; i < 5; i++) {
            assertEquals(404, client.get("/api/v2/nothing/here", token).statusCode());
        }
        assertEquals(200, client.get("/api/v2/flows", token).statusCode());
    }

    @Test
    void wrongMethodGives405WithAllow() {
        String token = client.token();
        HttpResponse<String> r = client.call("PATCH", "/api/v2/flows", token, "{}");
        assertEquals(405, r.statusCode());
        assertEquals("GET, POST", r.headers().firstValue("Allow").orElseThrow());
        assertEquals(405, client.call("POST", "/api/v2/architect/ivrs/" + SeedIds.ivrId(0), token, "{}")
                .statusCode());
    }

    @Test
    void everyResponseCarriesACorrelationId() {
        String token = client.token();
        // 200, 200, 429 (limit 2), 404, 401
        for (HttpResponse<String> r : List.of(
                client.get("/api/v2/flows", token), client.get("/api/v2/flows", token),
                client.get("/api/v2/flows", token), client.get("/x", null), client.get("/api/v2/flows", null))) {
            String id = r.headers().firstValue("ININ-Correlation-Id").orElseThrow();
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        }
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        assertEquals("abc", SimulatorHandler.bearerToken("bearer abc"));
        assertEquals("abc", SimulatorHandler.bearerToken("BEARER  abc "));
        assertEquals(null, SimulatorHandler.bearerToken("Basic abc"));
        assertEquals(null, SimulatorHandler.bearerToken("Bearer "));
    }
}
