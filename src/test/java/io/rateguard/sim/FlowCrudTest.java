package io.rateguard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowCrudTest {

    private final GenesysSimulator sim = GenesysSimulator.start(SimulatorConfig.builder()
            .tokenLimit(10_000).clock(new FakeClock()).build());
    private final SimClient client = new SimClient(sim);
    private String token;

    @BeforeEach
    void login() {
        token = client.token();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entities(Map<String, Object> listing) {
        return (List<Map<String, Object>>) (List<?>) listing.get("entities");
    }

    @Test
    void listingIsAPagedGenesysEntityListing() {
        Map<String, Object> first = SimClient.json(client.get("/api/v2/flows", token));
        assertEquals(20L, first.get("total"));
        assertEquals(25L, first.get("pageSize"));
        assertEquals(1L, first.get("pageNumber"));
        assertEquals(1L, first.get("pageCount"));
        assertEquals(20, entities(first).size());
        assertEquals(SeedIds.flowId(0), entities(first).get(0).get("id"), "seeded ids are stable");

        Set<Object> seen = new HashSet<>();
        for (int page = 1; page <= 3; page++) {
            Map<String, Object> p = SimClient.json(client.get("/api/v2/flows?pageSize=8&pageNumber=" + page, token));
            assertEquals(3L, p.get("pageCount"));
            assertEquals(8L, p.get("pageSize"));
            assertEquals((long) page, p.get("pageNumber"));
            assertEquals(page < 3 ? 8 : 4, entities(p).size());
            entities(p).forEach(e -> seen.add(e.get("id")));
        }
        assertEquals(20, seen.size());
        assertEquals(0, entities(SimClient.json(client.get("/api/v2/flows?pageNumber=9", token))).size());
        assertEquals(400, client.get("/api/v2/flows?pageSize=0", token).statusCode());
        assertEquals(400, client.get("/api/v2/flows?pageNumber=x", token).statusCode());
    }

    @Test
    void createGetUpdateDelete() {
        HttpResponse<String> created = client.call("POST", "/api/v2/flows", token,
                "{\"name\":\"Load test \\\"A\\\"\",\"type\":\"INBOUNDCALL\",\"description\":\"d\"}");
        assertEquals(200, created.statusCode(), created.body());
        Map<String, Object> flow = SimClient.json(created);
        String id = (String) flow.get("id");
        assertNotNull(id);
        assertEquals("Load test \"A\"", flow.get("name"));
        assertEquals("/api/v2/flows/" + id, flow.get("selfUri"));
        assertEquals(21L, SimClient.json(client.get("/api/v2/flows", token)).get("total"));

        assertEquals("INBOUNDCALL", SimClient.json(client.get("/api/v2/flows/" + id, token)).get("type"));

        HttpResponse<String> updated = client.call("PUT", "/api/v2/flows/" + id, token,
                "{\"id\":\"" + id + "\",\"name\":\"Renamed\",\"description\":null}");
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("Renamed", SimClient.json(updated).get("name"));
        assertNull(SimClient.json(updated).get("description"));
        assertEquals("INBOUNDCALL", SimClient.json(updated).get("type"), "absent fields are kept");

        assertEquals(204, client.call("DELETE", "/api/v2/flows/" + id, token, null).statusCode());
        assertEquals(404, client.get("/api/v2/flows/" + id, token).statusCode());
        assertEquals(404, client.call("DELETE", "/api/v2/flows/" + id, token, null).statusCode());
        assertEquals(404, client.call("PUT", "/api/v2/flows/" + id, token, "{\"name\":\"x\"}").statusCode());
    }

    @Test
    void invalidBodiesGive400() {
        assertEquals(400, client.call("POST", "/api/v2/flows", token, "{\"name\":\"no type\"}").statusCode());
        assertEquals(400, client.call("POST", "/api/v2/flows", token, "not json").statusCode());
        assertEquals(400, client.call("POST", "/api/v2/flows", token, "{\"name\":1,\"type\":\"X\"}").statusCode());
        HttpResponse<String> r = client.call("PUT", "/api/v2/flows/" + SeedIds.flowId(1), token,
                "{\"id\":\"other\",\"name\":\"x\"}");
        assertEquals(400, r.statusCode());
        assertEquals("bad.request", SimClient.json(r).get("code"));
    }

    @Test
    void ivrGetAndPut() {
        String id = SeedIds.ivrId(2);
        Map<String, Object> ivr = SimClient.json(client.get("/api/v2/architect/ivrs/" + id, token));
        assertEquals(id, ivr.get("id"));
        assertEquals(1L, ivr.get("version"));
        HttpResponse<String> put = client.call("PUT", "/api/v2/architect/ivrs/" + id, token,
                "{\"name\":\"Main menu\",\"dnis\":[\"+15550100\",\"+15550101\"]}");
        assertEquals(200, put.statusCode(), put.body());
        Map<String, Object> after = SimClient.json(client.get("/api/v2/architect/ivrs/" + id, token));
        assertEquals("Main menu", after.get("name"));
        assertEquals(2L, after.get("version"));
        assertEquals(List.of("+15550100", "+15550101"), after.get("dnis"));
        assertEquals(404, client.get("/api/v2/architect/ivrs/" + SeedIds.ivrId(5), token).statusCode(),
                "only 5 IVRs are seeded");
    }

    @Test
    void ivrListingHoldsEverySeededIvrOnce() {
        Map<String, Object> listing = SimClient.json(client.get("/api/v2/architect/ivrs?pageSize=3", token));
        assertEquals(5L, listing.get("total"));
        assertEquals(2L, listing.get("pageCount"));
        assertEquals("/api/v2/architect/ivrs?pageSize=3&pageNumber=2", listing.get("nextUri"));
        List<Object> ids = new java.util.ArrayList<>();
        entities(listing).forEach(e -> ids.add(e.get("id")));
        entities(SimClient.json(client.get("/api/v2/architect/ivrs?pageSize=3&pageNumber=2", token)))
                .forEach(e -> ids.add(e.get("id")));
        List<Object> seeded = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seeded.add(SeedIds.ivrId(i));
        }
        assertEquals(new java.util.TreeSet<>(seeded), new java.util.TreeSet<>(ids));
        assertEquals(5, ids.size());
    }
}
