package io.rateguard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written HTTP/1.1 layer and JSON helpers. */
class HttpLayerTest {

    private static HttpRequestReader reader(String raw, ByteArrayOutputStream out) {
        return new HttpRequestReader(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)), out, () -> 42L);
    }

    @Test
    void readsPipelinedRequestsWithLengthAndChunkedBodies() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HttpRequestReader r = reader("POST /api/v2/flows?a=1&b=x%20y HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n"
                + "X-Dup: 1\r\nx-dup: 2\r\n\r\nabcd"
                + "PUT /p HTTP/1.1\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
                + "3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n", out);
        HttpRequest first = r.next();
        assertEquals("POST", first.method());
        assertEquals("/api/v2/flows", first.path());
        assertEquals("x y", first.queryParam("b"));
        assertEquals("abcd", first.bodyText());
        assertEquals("1, 2", first.header("X-DUP"));
        assertEquals(42L, first.arrivalNanos());
        assertTrue(first.keepAlive());
        HttpRequest second = r.next();
        assertEquals("abcde", second.bodyText());
        assertEquals(false, second.keepAlive());
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n", out.toString(StandardCharsets.ISO_8859_1));
        assertEquals(null, r.next(), "clean end of stream");
    }

    @Test
    void rejectsMalformedAndOversizedRequests() {
        assertEquals(400, assertThrows(MalformedRequestException.class,
                () -> reader("NONSENSE\r\n\r\n", new ByteArrayOutputStream()).next()).status());
        assertEquals(413, assertThrows(MalformedRequestException.class,
                () -> reader("POST / HTTP/1.1\r\nContent-Length: 512001\r\n\r\n", new ByteArrayOutputStream()).next())
                .status(), "docs: request.bytes.max 512000");
        assertEquals(400, assertThrows(MalformedRequestException.class,
                () -> reader("GET / HTTP/1.1\r\nBad Header: x\r\n\r\n", new ByteArrayOutputStream()).next()).status());
    }

    @Test
    void malformedRequestGetsAGenesysErrorAndTheConnectionCloses() throws Exception {
        try (GenesysSimulator sim = GenesysSimulator.start(SimulatorConfig.defaults());
             Socket s = new Socket("127.0.0.1", sim.port())) {
            RawHttp.write(s.getOutputStream(), "POST /api/v2/flows HTTP/1.1\r\nContent-Length: 9999999\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals("HTTP/1.1 413 Payload Too Large", r.statusLine());
            assertEquals("close", r.exactHeader("Connection"));
            assertEquals(r.exactHeader("ININ-Correlation-Id"), JsonReader.parseObject(r.body()).get("contextId"));
            assertEquals(-1, s.getInputStream().read());
        }
    }

    @Test
    void headGetsHeadersOnly() throws Exception {
        try (GenesysSimulator sim = GenesysSimulator.start(SimulatorConfig.defaults());
             Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(5_000);
            RawHttp.write(s.getOutputStream(), "HEAD /api/v2/flows HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n");
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) s.getInputStream().read());
            }
            assertTrue(head.toString().startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), head.toString());
            assertTrue(head.toString().contains("\r\nContent-Length: "), "HEAD announces the length it omits");
            // no body bytes follow: the next bytes must be the 404's status line
            assertEquals("HTTP/1.1 404 Not Found", RawHttp.read(s.getInputStream()).statusLine());
        }
    }

    @Test
    void jsonRoundTripsAndEscapes() {
        String json = new JsonWriter().beginObject().field("s", "q\"\\\n\u0001é").field("n", -5).field("b", true)
                .name("z").nullValue().name("a").beginArray().value(1).value("x").endArray()
                .name("m").valueScaled3(1_234_567).endObject().toString();
        assertEquals("{\"s\":\"q\\\"\\\\\\n\\u0001é\",\"n\":-5,\"b\":true,\"z\":null,\"a\":[1,\"x\"],\"m\":1234.567}",
                json);
        Map<String, Object> m = JsonReader.parseObject(json);
        assertEquals("q\"\\\n\u0001é", m.get("s"));
        assertEquals(-5L, m.get("n"));
        assertEquals(List.of(1L, "x"), m.get("a"));
        assertTrue(m.containsKey("z"));
        assertEquals(new java.math.BigDecimal("1234.567"), m.get("m"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\":}"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[1,2"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[1] x"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[".repeat(100)));
    }
}
