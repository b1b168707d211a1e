package io.rateguard.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class RequestMatcherTest {

    private static final RequestMatcher PUT_IVR = RequestMatcher.parse("PUT /api/v2/architect/ivrs/*");

    @ParameterizedTest
    @CsvSource({
            "PUT, /api/v2/architect/ivrs/7f3c-11, true",
            "put, /api/v2/architect/ivrs/7f3c-11, true",
            "PUT, /api/v2/architect/ivrs/7f3c-11?x=1, true",
            "PUT, /api/v2/architect/ivrs/7f3c-11/, true",
            "PUT, http://127.0.0.1:8080/api/v2/architect/ivrs/abc, true",
            "GET, /api/v2/architect/ivrs/7f3c-11, false",
            "PUT, /api/v2/architect/ivrs, false",
            "PUT, /api/v2/architect/ivrs/a/b, false",
            "PUT, /api/v2/flows/a, false",
            "PUT, api/v2/architect/ivrs/a, false",
    })
    void putOnOneIvr(String method, String path, boolean matches) {
        assertEquals(matches, PUT_IVR.matches(method, path), method + " " + path);
    }

    @Test
    void anyMethodSeveralMethodsAndDoubleStar() {
        RequestMatcher flows = RequestMatcher.parse("/api/v2/flows/**");
        assertTrue(flows.matches("GET", "/api/v2/flows"));
        assertTrue(flows.matches("POST", "/api/v2/flows/x/versions"));
        assertFalse(flows.matches("GET", "/api/v2/architect/ivrs"));
        assertTrue(RequestMatcher.parse("PUT|patch /x").matches("PATCH", "/x"));
        assertFalse(RequestMatcher.parse("PUT|patch /x").matches("GET", "/x"));
    }

    @Test
    void emptyMatchesEverything() {
        assertSame(RequestMatcher.ANY, RequestMatcher.parse("  "));
        assertTrue(RequestMatcher.ANY.matches("DELETE", "/anything"));
        assertTrue(RequestMatcher.ANY.matchesEverything());
        assertEquals("all requests", RequestMatcher.ANY.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT api/v2", "P-T /x", "PUT /a /b", "GET /a/**/b", "GET /a//b", "GET /a b"})
    void badTextSaysWhat(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestMatcher.parse(text));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void routeTableNamedAndRouteAll() {
        RouteTable t = new RouteTable();
        t.register(1, "token", RequestMatcher.ANY);
        t.register(1, "ivr-put", PUT_IVR);
        t.register(1, "other", RequestMatcher.ANY);
        String ivr = "/api/v2/architect/ivrs/abc";
        assertEquals(List.of("ivr-put", "token"), List.copyOf(t.bucketsFor(1, "token", "PUT", ivr)));
        assertEquals(Set.of("token"), t.bucketsFor(1, "token", "GET", ivr));
        assertEquals(List.of("ivr-put", "other", "token"), List.copyOf(t.bucketsFor(1, "*", "PUT", ivr)));
        assertEquals(List.of("other", "token"), List.copyOf(t.bucketsFor(1, "*", null, null)));
        assertEquals(Set.of("token"), t.bucketsFor(2, "token", "PUT", ivr), "another run's routes do not apply");
    }
}
