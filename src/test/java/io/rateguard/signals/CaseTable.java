package io.rateguard.signals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a case file copied from ../shared/cases into src/test/resources/cases: tab-separated,
 * {@code #} starts a comment line. Every other line is one case; empty columns are kept, because
 * an empty value is itself a case.
 */
final class CaseTable {

    private CaseTable() {
    }

    static List<String[]> rows(String name, int columns) {
        String text;
        try (InputStream in = CaseTable.class.getResourceAsStream("/cases/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /cases/" + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != columns) {
                throw new IllegalStateException(name + ": expected " + columns + " columns, got "
                        + cells.length + " in line: " + line);
            }
            rows.add(cells);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException(name + " has no cases");
        }
        return rows;
    }
}
