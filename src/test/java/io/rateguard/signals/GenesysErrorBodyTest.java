package io.rateguard.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Body shapes from docs/genesys-rate-limits.md beyond the shared case file. */
class GenesysErrorBodyTest {

    private static final Duration CAP = Duration.ofMinutes(5);

    @Test
    void olderMessageAnnouncesTheLimitButNoWait() {
        GenesysErrorBody body = GenesysErrorBody.parse("{\"message\":\"Rate limit exceeded the maximum [300]"
                + " requests within [60] seconds\",\"code\":\"too.many.requests\",\"status\":429}");

        assertEquals(Optional.of(new AnnouncedLimit(300, Duration.ofSeconds(60))), body.announcedLimit());
        assertFalse(body.hasRetryHint());
        assertFalse(body.waitHint(CAP).isUsable());
        assertEquals(Optional.of("too.many.requests"), body.code());
    }

    @Test
    void bothCodesCarryTheRetryHint() {
        for (String code : new String[] {"too.many.requests.retry.after", "too.many.requests"}) {
            GenesysErrorBody body = GenesysErrorBody.parse("{\"message\":\"Rate limit exceeded the maximum."
                    + " Retry the request in [7] seconds\",\"code\":\"" + code + "\"}");
            assertEquals(Optional.of(Duration.ofSeconds(7)), body.waitHint(CAP).duration(), code);
            assertEquals(Optional.of("7"), body.retrySecondsText());
        }
    }

    @Test
    void aMessageWithoutCodeStillCounts() {
        GenesysErrorBody body = GenesysErrorBody.parse("{\"message\":\"Retry the request in [3] seconds\"}");
        assertEquals(Optional.of(Duration.ofSeconds(3)), body.waitHint(CAP).duration());
    }

    @Test
    void anUnrelatedErrorCodeGivesNoHint() {
        GenesysErrorBody body = GenesysErrorBody.parse(
                "{\"message\":\"Retry the request in [3] seconds\",\"code\":\"bad.request\",\"status\":400}");
        assertFalse(body.hasRetryHint());
        assertEquals(Optional.of("bad.request"), body.code());
    }

    @Test
    void absentOptionalFieldsAndExtraFieldsAreFine() {
        GenesysErrorBody body = GenesysErrorBody.parse("{\"message\":\"Rate limit exceeded the maximum. Retry the"
                + " request in [12] seconds\",\"code\":\"too.many.requests.retry.after\",\"entityId\":null,"
                + "\"messageWithParams\":\"x\",\"messageParams\":{\"a\":\"b\"},"
                + "\"limit\":{\"key\":\"token.rate.per.minute\",\"namespace\":\"platform.api\",\"value\":300}}");
        assertEquals(Optional.of(Duration.ofSeconds(12)), body.waitHint(CAP).duration());
    }

    @Test
    void aHugeBodyWaitIsCapped() {
        WaitHint hint = GenesysErrorBody.parse(
                "{\"message\":\"Retry the request in [99999999999999999999999] seconds\"}").waitHint(CAP);
        assertEquals(Optional.of(CAP), hint.duration());
        assertTrue(hint.isCapped());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "42", "\"text\"", "{", "{\"message\":42}", "{\"message\":null}",
            "{\"message\":{\"text\":\"Retry the request in [3] seconds\"}}",
            "{\"message\":\"Retry the request in [-3] seconds\"}",
            "{\"message\":\"Retry the request in [abc] seconds\"}",
            "{\"message\":\"Rate limit exceeded the maximum [0] requests within [60] seconds\"}",
            "   ", "Too Many Requests", "\u0000\u0001"})
    void oddBodiesGiveNoHintAndNeverThrow(String text) {
        GenesysErrorBody body = GenesysErrorBody.parse(text);
        assertFalse(body.hasRetryHint(), text);
        assertFalse(body.waitHint(CAP).isUsable(), text);
        assertEquals(Optional.empty(), body.announcedLimit(), text);
    }

    @Test
    void nullAndOversizedBodiesGiveNoHint() {
        assertFalse(GenesysErrorBody.parse(null).hasRetryHint());
        String padding = " ".repeat(GenesysErrorBody.MAX_BODY_CHARS);
        assertFalse(GenesysErrorBody.parse("{\"message\":\"Retry the request in [3] seconds\"}" + padding)
                .hasRetryHint());
    }

    @Test
    void deeplyNestedJsonDoesNotThrow() {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertFalse(GenesysErrorBody.parse(deep).hasRetryHint());
    }
}
