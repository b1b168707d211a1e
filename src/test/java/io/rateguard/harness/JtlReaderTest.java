package io.rateguard.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JtlReaderTest {

    /** The header JMeter 5.6.3 writes with default settings and three sample variables. */
    static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect,"
            + "\"rateguard_throttle_ms\",\"rateguard_pause_ms\",\"rateguard_retries\"\n";

    @Test
    void readsStandardColumnsAndVariablesByName() {
        List<JtlRow> rows = JtlReader.parse(HEADER
                + "1700000000000,12,Get flows,200,OK,Flows 1-1,text,true,,512,120,2,2,"
                + "http://127.0.0.1:8080/api/v2/flows,10,0,3,250,40,1\n");

        assertEquals(1, rows.size());
        JtlRow row = rows.get(0);
        assertEquals(1700000000000L, row.timeStamp());
        assertEquals(12, row.elapsed());
        assertEquals(1700000000012L, row.endTime());
        assertEquals("Get flows", row.label());
        assertEquals("200", row.responseCode());
        assertEquals("OK", row.responseMessage());
        assertEquals("Flows 1-1", row.threadName());
        assertTrue(row.success());
        assertEquals("", row.failureMessage());
        assertEquals(512, row.bytes());
        assertEquals(120, row.sentBytes());
        assertEquals(10, row.latency());
        assertEquals(3, row.connect());
        assertEquals(Map.of("rateguard_throttle_ms", "250", "rateguard_pause_ms", "40", "rateguard_retries", "1"),
                row.variables());
        assertEquals(250, row.longVariable("rateguard_throttle_ms"));
        assertFalse(row.isAttempt());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndNewlines() {
        List<JtlRow> rows = JtlReader.parse(HEADER
                + "1700000000100,30,\"Get, \"\"quoted\"\" flows\",500,\"Internal\nServer Error\",Flows 1-2,text,false,"
                + "\"Line one\r\nline two, with \"\"quotes\"\"\",80,100,2,2,http://h/x?a=1,29,0,1,0,0,0\r\n"
                + "1700000000200,5,plain,200,OK,Flows 1-1,text,true,,1,1,2,2,http://h/y,5,0,0,0,0,0\n");

        assertEquals(2, rows.size());
        JtlRow quoted = rows.get(0);
        assertEquals("Get, \"quoted\" flows", quoted.label());
        assertEquals("Internal\nServer Error", quoted.responseMessage());
        assertEquals("Line one\r\nline two, with \"quotes\"", quoted.failureMessage());
        assertFalse(quoted.success());
        assertEquals("plain", rows.get(1).label());
        assertEquals(5, rows.get(1).elapsed());
    }

    @Test
    void unsetAndMissingVariablesAreAbsent() {
        List<JtlRow> rows = JtlReader.parse(HEADER
                // JMeter writes "null" for a variable the thread never set
                + "1,2,a,200,OK,t,text,true,,1,1,1,1,u,1,0,0,null,null,null\n"
                // a row cut short after the standard columns (hand-written or older file)
                + "3,4,b,200,OK,t,text,true,,1,1,1,1,u,1,0,0,7\n"
                + "5,6,c,200,OK,t,text,true,,1,1,1,1,u,1,0,0,,,\n");

        assertEquals(Map.of(), rows.get(0).variables());
        assertEquals(Optional.empty(), rows.get(0).variable("rateguard_retries"));
        assertEquals(0, rows.get(0).longVariable("rateguard_retries"));
        assertEquals(Map.of("rateguard_throttle_ms", "7"), rows.get(1).variables());
        assertEquals(0, rows.get(1).longVariable("rateguard_pause_ms"));
        assertEquals(Optional.of(""), rows.get(2).variable("rateguard_pause_ms"));
        assertEquals(0, rows.get(2).longVariable("rateguard_pause_ms"));
    }

    @Test
    void withoutSampleVariablesTheMapIsEmpty() {
        List<JtlRow> rows = JtlReader.parse("timeStamp,elapsed,label,responseCode,responseMessage,threadName,"
                + "dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n"
                + "1,2,a,200,OK,t,text,true,,1,1,1,1,u,1,0,0\n");
        assertEquals(Map.of(), rows.get(0).variables());
    }

    @Test
    void aQuotedHeaderNameIsAVariableEvenWhenItLooksLikeAColumn() {
        List<JtlRow> rows = JtlReader.parse("timeStamp,elapsed,label,success,\"label\"\n1,2,real,true,from var\n");
        assertEquals("real", rows.get(0).label());
        assertEquals(Map.of("label", "from var"), rows.get(0).variables());
    }

    @Test
    void fewerStandardColumnsReadAsDefaults() {
        // a user.properties may switch columns off; the reader goes by name
        List<JtlRow> rows = JtlReader.parse("label,timeStamp,success,elapsed\nx,10,false,3\n");
        JtlRow row = rows.get(0);
        assertEquals("x", row.label());
        assertEquals(10, row.timeStamp());
        assertEquals(3, row.elapsed());
        assertEquals("", row.responseCode());
        assertEquals(0, row.latency());
        assertFalse(row.success());
    }

    @Test
    void attemptRowsAreRecognisedByTheirLabel() {
        List<JtlRow> rows = JtlReader.parse(HEADER
                + "10,5,Get flows,200,OK,t,text,true,,3,3,1,1,u,5,0,0,1000,900,2\n"
                + "1,3,Get flows-attempt-1,429,Too Many Requests,t,text,false,,1,1,1,1,u,3,0,0,1000,900,2\n"
                + "5,3,Get flows-attempt-2,429,Too Many Requests,t,text,false,,1,1,1,1,u,3,0,0,1000,900,2\n"
                + "10,5,Get flows-attempt-3,200,OK,t,text,true,,1,1,1,1,u,5,0,0,1000,900,2\n"
                + "20,5,Get flows-attempt-x,200,OK,t,text,true,,1,1,1,1,u,5,0,0,null,null,null\n");

        assertFalse(rows.get(0).isAttempt());
        assertTrue(rows.get(1).isAttempt());
        assertEquals(OptionalInt.of(1), rows.get(1).attemptNumber());
        assertEquals(OptionalInt.of(3), rows.get(3).attemptNumber());
        assertEquals("Get flows", rows.get(3).baseLabel());
        assertFalse(rows.get(4).isAttempt(), "only a number makes an attempt suffix");
        assertEquals(OptionalInt.empty(), rows.get(0).attemptNumber());
    }

    @Test
    void readsAFileAsUtf8(@TempDir Path dir) throws Exception {
        Path jtl = dir.resolve("results.jtl");
        Files.writeString(jtl, HEADER + "1,2,Grüße,200,OK,t,text,true,,1,1,1,1,u,1,0,0,0,0,0\n",
                StandardCharsets.UTF_8);
        assertEquals("Grüße", JtlReader.read(jtl).get(0).label());
    }

    @Test
    void rejectsFilesItCannotTrust() {
        assertThrows(UncheckedIOException.class, () -> JtlReader.parse(""), "no header");
        UncheckedIOException noHeader = assertThrows(UncheckedIOException.class,
                () -> JtlReader.parse("1700000000000,12,Get flows,200,OK,t,text,true,,1,1,1,1,u,1,0,0\n"));
        assertTrue(noHeader.getMessage().contains("print_field_names"), noHeader.getMessage());
        assertThrows(UncheckedIOException.class,
                () -> JtlReader.parse(HEADER + "1,2,\"unterminated,200\n"), "open quote at end of file");
        assertThrows(UncheckedIOException.class,
                () -> JtlReader.parse(HEADER + "1,2,a,200\n"), "standard columns missing");
        assertThrows(UncheckedIOException.class,
                () -> JtlReader.parse("timeStamp,elapsed,label,success\n1,2,a,true,extra\n"), "more fields than header");
        UncheckedIOException date = assertThrows(UncheckedIOException.class,
                () -> JtlReader.parse("timeStamp,elapsed,label,success\n2024/01/01 10:00:00.000,2,a,true\n"));
        assertTrue(date.getMessage().contains("timestamp_format"), date.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JtlReader.parse(HEADER
                + "1,2,a,200,OK,t,text,true,,1,1,1,1,u,1,0,0,0,0,many\n").get(0).longVariable("rateguard_retries"));
    }
}
