package io.rateguard.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV result file written with {@code print_field_names=true} into {@link JtlRow}s.
 * Columns are found by their header name, so a JTL with fewer or reordered standard columns
 * still reads; every column JMeter does not define is a sample variable.
 */
public final class JtlReader {

    /** Every standard column name JMeter 5.6.3 can write (CSVSaveService's field names). */
    static final Set<String> STANDARD_COLUMNS = Set.of(
            "timeStamp", "elapsed", "label", "responseCode", "responseMessage", "threadName",
            "dataType", "success", "failureMessage", "bytes", "sentBytes", "grpThreads",
            "allThreads", "URL", "Filename", "Latency", "Encoding", "SampleCount", "ErrorCount",
            "Hostname", "IdleTime", "Connect");

    /** What JMeter writes for a sample variable that is not set in the thread. */
    private static final String UNSET = "null";

    private JtlReader() {
    }

    /** Reads a result file JMeter wrote (UTF-8, JMeter's default file encoding for results). */
    public static List<JtlRow> read(Path jtl) {
        try (BufferedReader in = Files.newBufferedReader(jtl, StandardCharsets.UTF_8)) {
            return parse(in, jtl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jtl + ": " + e.getMessage(), e);
        }
    }

    public static List<JtlRow> parse(String csv) {
        try {
            return parse(new StringReader(csv), "<string>");
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    public static List<JtlRow> parse(Reader in, String source) throws IOException {
        CsvRecords records = new CsvRecords(in, ',');
        List<CsvRecords.Field> header = records.next();
        if (header == null) {
            throw new IOException(source + " is empty: not even a header line");
        }
        Columns columns = Columns.of(header, source);
        List<JtlRow> rows = new ArrayList<>();
        List<CsvRecords.Field> record;
        while ((record = records.next()) != null) {
            rows.add(columns.row(record, source, records.recordNumber()));
        }
        return rows;
    }

    /** Where each field sits in a record, from the header. */
    private record Columns(Map<String, Integer> standard, Map<String, Integer> variables, int width) {

        static Columns of(List<CsvRecords.Field> header, String source) throws IOException {
            Map<String, Integer> standard = new HashMap<>();
            Map<String, Integer> variables = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                CsvRecords.Field f = header.get(i);
                // JMeter quotes variable names in the header so that one named like a column stays a variable
                if (f.quoted() || !STANDARD_COLUMNS.contains(f.text())) {
                    variables.put(f.text(), i);
                } else {
                    standard.put(f.text(), i);
                }
            }
            for (String required : List.of("timeStamp", "elapsed", "label", "success")) {
                if (!standard.containsKey(required)) {
                    throw new IOException(source + ": no '" + required + "' column in the header " + names(header)
                            + " (was it written with jmeter.save.saveservice.print_field_names=true"
                            + " and output_format=csv?)");
                }
            }
            return new Columns(standard, variables, header.size());
        }

        private static List<String> names(List<CsvRecords.Field> header) {
            return header.stream().map(CsvRecords.Field::text).toList();
        }

        JtlRow row(List<CsvRecords.Field> record, String source, long number) throws IOException {
            if (record.size() > width) {
                throw new IOException(source + " record " + number + ": " + record.size()
                        + " fields but the header has " + width);
            }
            int lastStandard = standard.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
            if (record.size() <= lastStandard) {
                throw new IOException(source + " record " + number + ": only " + record.size()
                        + " fields, a standard column is missing (truncated file?)");
            }
            Map<String, String> vars = new LinkedHashMap<>();
            variables.forEach((name, index) -> {
                if (index < record.size()) {
                    String value = record.get(index).text();
                    if (!value.equals(UNSET)) {
                        vars.put(name, value);
                    }
                }
            });
            try {
                return new JtlRow(
                        number(record, "timeStamp"),
                        number(record, "elapsed"),
                        text(record, "label"),
                        text(record, "responseCode"),
                        text(record, "responseMessage"),
                        text(record, "threadName"),
                        Boolean.parseBoolean(text(record, "success").strip()),
                        text(record, "failureMessage"),
                        number(record, "bytes"),
                        number(record, "sentBytes"),
                        number(record, "Latency"),
                        number(record, "Connect"),
                        vars);
            } catch (NumberFormatException e) {
                throw new IOException(source + " record " + number + ": " + e.getMessage()
                        + " (timestamps must be epoch ms: timestamp_format=ms)", e);
            }
        }

        private String text(List<CsvRecords.Field> record, String column) {
            Integer index = standard.get(column);
            return index == null ? "" : record.get(index).text();
        }

        /** A column the file does not have reads as 0. */
        private long number(List<CsvRecords.Field> record, String column) {
            String value = text(record, column).strip();
            if (value.isEmpty() && !standard.containsKey(column)) {
                return 0;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new NumberFormatException(column + " is not a number: '" + value + "'");
            }
        }
    }
}
