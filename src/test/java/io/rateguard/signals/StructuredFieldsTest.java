package io.rateguard.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StructuredFieldsTest {

    @Test
    void listOfNamedItemsWithParameters() {
        List<StructuredFields.Item> items = StructuredFields.parseList(
                List.of("\"burst\";q=100;w=60, daily;q=1000;w=86400;qu=\"requests\";x=?1;d=1.5")).orElseThrow();
        assertEquals(2, items.size());
        assertEquals("burst", items.get(0).value());
        assertEquals(Optional.of(100L), items.get(0).integerParam("q"));
        assertEquals(new StructuredFields.Token("daily"), items.get(1).value());
        assertEquals(Boolean.TRUE, items.get(1).params().get("x"));
        assertEquals(new BigDecimal("1.5"), items.get(1).params().get("d"));
        assertEquals(Optional.of("requests"), items.get(1).textParam("qu"));
    }

    @Test
    void dictionaryLastKeyWins() {
        Map<String, StructuredFields.Item> d = StructuredFields.parseDictionary(
                List.of("limit=100, remaining=50", "reset=5, remaining=7")).orElseThrow();
        assertEquals(100L, d.get("limit").value());
        assertEquals(7L, d.get("remaining").value());
        assertEquals(5L, d.get("reset").value());
    }

    @Test
    void escapedStringsAndByteSequences() {
        List<StructuredFields.Item> items = StructuredFields.parseList(List.of("\"a\\\"b\", :aGk=:")).orElseThrow();
        assertEquals("a\"b", items.get(0).value());
        assertEquals("aGk=", items.get(1).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"open", "a,", "a;=1", "(a b)", "1234567890123456", "1.2345", "a;Q=1", "?2", "\"\u00e9\"",
            "a,,b", ":a*b:"})
    void syntaxErrorsFailTheWholeValue(String text) {
        assertEquals(Optional.empty(), StructuredFields.parseList(List.of(text)), text);
    }

    @Test
    void emptyFieldIsAnEmptyList() {
        assertTrue(StructuredFields.parseList(List.of("")).orElseThrow().isEmpty());
    }
}
