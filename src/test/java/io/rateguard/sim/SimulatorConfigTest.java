package io.rateguard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    private static SimulatorConfig parse(String... args) {
        return SimulatorArgs.parse(args, Map.of("SIM_SECRET", "s3cr3t-from-env")::get);
    }

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }

    @Test
    void defaultsMirrorGenesys() {
        SimulatorConfig c = SimulatorConfig.defaults();
        assertEquals(0, c.port());
        assertEquals("rateguard-demo", c.clientId());
        assertEquals(86_400, c.tokenTtlSeconds());
        assertEquals(300, c.tokenLimit(), "docs: 300 requests per minute per client-credentials token");
        assertEquals(60, c.tokenPeriodSeconds());
        assertEquals(100, c.ivrPutLimit(), "docs: PUT /api/v2/architect/ivrs/{ivrId} 100 per minute");
        assertEquals(60, c.ivrPutPeriodSeconds());
        assertEquals(0, c.serviceTimeMillis());
        assertEquals(20, c.flowCount());
        assertEquals(5, c.ivrCount());
        assertFalse(c.always429());
        assertFalse(c.omitRetryAfter());
        assertFalse(c.legacyBody());
        assertEquals(2_000_000, c.maxEvents());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        SimulatorConfig c = SimulatorConfig.builder().clientSecret("do-not-print-me").build();
        assertFalse(c.toString().contains("do-not-print-me"), c.toString());
    }

    @Test
    void builderNamesTheBadField() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> SimulatorConfig.builder().tokenLimit(0).build()).getMessage();
        assertTrue(m.startsWith("tokenLimit"), m);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SimulatorConfig.builder().port(70_000).build()).getMessage().contains("70000"));
    }

    @Test
    void parsesEveryOption() {
        SimulatorConfig c = parse("--port", "8081", "--limit", "50", "--period=30", "--ivr-put-limit", "0",
                "--service-ms", "15", "--always-429", "--retry-after", "120", "--omit-retry-after",
                "--legacy-body", "--client-id", "my-client", "--client-secret-env", "SIM_SECRET",
                "--token-ttl", "600", "--flows", "3", "--ivrs", "1");
        assertEquals(8081, c.port());
        assertEquals(50, c.tokenLimit());
        assertEquals(30, c.tokenPeriodSeconds());
        assertEquals(0, c.ivrPutLimit());
        assertEquals(15, c.serviceTimeMillis());
        assertTrue(c.always429());
        assertEquals(120, c.retryAfterSeconds());
        assertTrue(c.omitRetryAfter());
        assertTrue(c.legacyBody());
        assertEquals("my-client", c.clientId());
        assertEquals("s3cr3t-from-env", c.clientSecret());
        assertEquals(600, c.tokenTtlSeconds());
        assertEquals(3, c.flowCount());
        assertEquals(1, c.ivrCount());
    }

    @Test
    void noArgsGiveTheDefaults() {
        assertEquals(SimulatorConfig.defaults().toString(), parse().toString());
    }

    @Test
    void badOptionsGiveClearErrors() {
        assertEquals("--port: expected an integer from 0 to 65535, got 'abc'", error("--port", "abc"));
        assertEquals("--port: expected an integer from 0 to 65535, got '65536'", error("--port", "65536"));
        assertEquals("--limit: expected an integer >= 1, got '0'", error("--limit", "0"));
        assertEquals("--period: expected an integer >= 1, got '1.5'", error("--period=1.5"));
        assertEquals("--ivr-put-limit: expected an integer >= 0, got '-1'", error("--ivr-put-limit", "-1"));
        assertEquals("--limit needs a value", error("--limit"));
        assertEquals("--limit needs a value", error("--limit", "--always-429"));
        assertEquals("--always-429 takes no value, got 'yes'", error("--always-429=yes"));
        assertEquals("--port given twice", error("--port", "1", "--port", "2"));
        assertEquals("--retry-after only applies together with --always-429", error("--retry-after", "5"));
        assertTrue(error("--bogus").startsWith("unknown option '--bogus'; known options: --port N"));
    }

    @Test
    void theSecretIsNeverTakenFromArgv() {
        String m = error("--client-secret", "hunter2");
        assertTrue(m.contains("--client-secret-env VAR"), m);
        assertFalse(m.contains("hunter2"), m);
        assertEquals("--client-secret-env: environment variable 'NOPE' is not set or empty",
                error("--client-secret-env", "NOPE"));
    }
}
