package io.rateguard.jmeter;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class FieldParserTest {

    private final FieldParser p = new FieldParser("RateGuard HTTP Request", "Get flow");

    @Test
    void readsSecondsWithFractions() {
        assertEquals(Duration.ofMillis(2500), p.seconds("wait", "2.5", Duration.ZERO, true));
        assertEquals(Duration.ZERO, p.seconds("wait", "0", Duration.ofSeconds(1), true));
        assertEquals(Duration.ofSeconds(9), p.seconds("wait", "  ", Duration.ofSeconds(9), true));
    }

    @Test
    void rejectsAbsurdSecondsWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> p.seconds("max wait", "1e12", Duration.ZERO, true));
        assertEquals("RateGuard HTTP Request 'Get flow': max wait '1e12' is more than a year", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.seconds("max wait", "0", Duration.ZERO, false));
        assertEquals("RateGuard HTTP Request 'Get flow': max wait '0' must be more than 0 seconds", e.getMessage());
    }

    @Test
    void readsFlagsStrictly() {
        assertTrue(p.flag("retry on 503", "TRUE", false));
        assertFalse(p.flag("retry on 503", "", false));
        var e = assertThrows(IllegalArgumentException.class, () -> p.flag("retry on 503", "yes", false));
        assertEquals("RateGuard HTTP Request 'Get flow': retry on 503 'yes' is not true or false", e.getMessage());
    }

    @Test
    void rejectsNumbersTooLargeForALong() {
        var e = assertThrows(IllegalArgumentException.class, () -> p.wholeNumber("max retries", "99999999999999999999", 5, 0));
        assertEquals("RateGuard HTTP Request 'Get flow': max retries '99999999999999999999' is not a whole number", e.getMessage());
    }
}
