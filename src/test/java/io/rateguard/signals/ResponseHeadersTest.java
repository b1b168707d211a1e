package io.rateguard.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"Retry-After", "retry-after", "RETRY-AFTER", "rEtRy-AfTeR"})
    void lookupIgnoresCase(String name) {
        ResponseHeaders headers = ResponseHeaders.parse("HTTP/1.1 429 Too Many Requests\nretry-AFTER: 42\n");
        assertEquals(Optional.of("42"), headers.first(name));
        assertTrue(headers.contains(name));
    }

    @Test
    void rawBlockAsJMeterRecordsIt() {
        ResponseHeaders headers = ResponseHeaders.parse("HTTP/1.1 429 Too Many Requests\n"
                + "Date: Sun, 06 Nov 1994 08:49:30 GMT\n"
                + "ININ-Correlation-Id: 6f1c\n"
                + "Retry-After: 42\n"
                + "Content-Type: application/json\n");

        assertEquals(Optional.of("HTTP/1.1 429 Too Many Requests"), headers.statusLine());
        assertEquals(Optional.of("Sun, 06 Nov 1994 08:49:30 GMT"), headers.first("date"));
        assertEquals(Optional.of("42"), headers.first("Retry-After"));
        assertEquals(List.of("date", "inin-correlation-id", "retry-after", "content-type"),
                List.copyOf(headers.names()));
    }

    @Test
    void crLfAndLoneCrEndLinesToo() {
        ResponseHeaders crlf = ResponseHeaders.parse("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 5\r\nX: y\r\n\r\n");
        assertEquals(Optional.of("5"), crlf.first("retry-after"));
        assertEquals(Optional.of("y"), crlf.first("x"));
        assertEquals(Optional.of("HTTP/1.1 429 Too Many Requests"), crlf.statusLine());

        ResponseHeaders cr = ResponseHeaders.parse("HTTP/1.1 429 Too Many Requests\rRetry-After: 6\rX: z");
        assertEquals(Optional.of("6"), cr.first("Retry-After"));
        assertEquals(Optional.of("z"), cr.first("X"));
    }

    @Test
    void foldedLinesContinueTheValueAboveThem() {
        ResponseHeaders headers = ResponseHeaders.parse("HTTP/1.1 429 Too Many Requests\r\n"
                + "Retry-After: Sun, 06 Nov 1994\r\n"
                + " \t 08:49:37 GMT\r\n"
                + "X-Long: a\n\tb\n  c\n");
        assertEquals(Optional.of("Sun, 06 Nov 1994 08:49:37 GMT"), headers.first("Retry-After"));
        assertEquals(Optional.of("a b c"), headers.first("x-long"));
    }

    @Test
    void foldingNeverCrossesAnEmptyLineOrStartsTheBlock() {
        ResponseHeaders headers = ResponseHeaders.parse(" orphan\nHTTP/1.1 429 X\n folded-after-status\n"
                + "A: 1\n\n continued-after-blank\nB: 2\n");
        assertEquals(Optional.of("1"), headers.first("A"));
        assertEquals(Optional.of("2"), headers.first("B"));
        assertEquals(2, headers.names().size());
    }

    @Test
    void emptyLinesAndJunkLinesAreSkipped() {
        ResponseHeaders headers = ResponseHeaders.parse("\n\nHTTP/1.1 429 Too Many Requests\n\n"
                + "no colon here\n: no name\nRetry-After:\nX:   spaced value   \n\n\n");
        assertEquals(Optional.of(""), headers.first("Retry-After")); // present but empty
        assertEquals(Optional.of("spaced value"), headers.first("X"));
        assertEquals(2, headers.names().size());
    }

    @Test
    void duplicateHeadersKeepEveryValueInOrder() {
        ResponseHeaders headers = ResponseHeaders.parse("HTTP/1.1 429 X\nRetry-After: 5\nSet-Cookie: a=1\n"
                + "retry-after: 9\nSET-COOKIE: b=2\n");
        assertEquals(List.of("5", "9"), headers.all("Retry-After"));
        assertEquals(List.of("a=1", "b=2"), headers.all("set-cookie"));
        assertEquals(Optional.of("5"), headers.first("RETRY-AFTER"));
    }

    @Test
    void aLaterStatusLineStartsTheFinalResponse() {
        ResponseHeaders headers = ResponseHeaders.parse("HTTP/1.1 100 Continue\nX-Interim: 1\n\n"
                + "HTTP/1.1 429 Too Many Requests\nRetry-After: 3\n");
        assertEquals(Optional.of("HTTP/1.1 429 Too Many Requests"), headers.statusLine());
        assertFalse(headers.contains("X-Interim"));
        assertEquals(Optional.of("3"), headers.first("retry-after"));
    }

    @Test
    void valueMayContainColons() {
        ResponseHeaders headers = ResponseHeaders.parse("Retry-After: Sun, 06 Nov 1994 08:49:37 GMT");
        assertEquals(Optional.of("Sun, 06 Nov 1994 08:49:37 GMT"), headers.first("retry-after"));
        assertEquals(Optional.empty(), headers.statusLine());
    }

    @Test
    void fromAMapMergingNamesThatDifferInCase() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put(null, List.of("HTTP/1.1 429 Too Many Requests")); // HttpURLConnection's status line key
        map.put("Retry-After", List.of(" 5 "));
        map.put("retry-after", Arrays.asList("7", null));
        map.put("X-Empty", null);
        ResponseHeaders headers = ResponseHeaders.of(map);

        assertEquals(List.of("5", "7"), headers.all("RETRY-AFTER"));
        assertEquals(Optional.of("HTTP/1.1 429 Too Many Requests"), headers.statusLine());
        assertFalse(headers.contains("X-Empty"));
    }

    @Test
    void nullAndEmptyInputsGiveNoHeaders() {
        assertTrue(ResponseHeaders.parse(null).names().isEmpty());
        assertTrue(ResponseHeaders.parse("").names().isEmpty());
        assertTrue(ResponseHeaders.of(null).names().isEmpty());
        assertTrue(ResponseHeaders.of(new HashMap<>()).names().isEmpty());
        assertEquals(List.of(), ResponseHeaders.empty().all(null));
    }
}
