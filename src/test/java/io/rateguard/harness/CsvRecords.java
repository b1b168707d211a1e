package io.rateguard.harness;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records the way JMeter writes it: a field holding the delimiter, a quote,
 * CR or LF is enclosed in double quotes with inner quotes doubled, so one record may span lines.
 * A field remembers whether it was quoted, because JMeter quotes sample-variable names in the
 * header (and only those).
 */
final class CsvRecords {

    /** One field of a record. */
    record Field(String text, boolean quoted) {
    }

    private final Reader in;
    private final char delimiter;
    private int pushedBack = -2;
    private long recordNumber;

    CsvRecords(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** 1-based number of the record last returned, for error messages. */
    long recordNumber() {
        return recordNumber;
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    List<Field> next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\r' || c == '\n') {
                continue; // blank line
            }
            unread(c);
            recordNumber++;
            return readRecord();
        }
    }

    private List<Field> readRecord() throws IOException {
        List<Field> fields = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int c = read();
            boolean quoted = false;
            if (c == '"') {
                quoted = true;
                readQuoted(text);
                c = read();
            } else {
                while (c != -1 && c != delimiter && c != '\r' && c != '\n') {
                    if (c == '"') {
                        throw new IOException("record " + recordNumber + ": quote inside an unquoted field after '"
                                + text + "'");
                    }
                    text.append((char) c);
                    c = read();
                }
            }
            fields.add(new Field(text.toString(), quoted));
            text.setLength(0);
            if (c == delimiter) {
                continue;
            }
            if (c == '\r') {
                int after = read();
                if (after != '\n' && after != -1) {
                    unread(after);
                }
            } else if (c != '\n' && c != -1) {
                throw new IOException("record " + recordNumber + ": '" + (char) c + "' after a closing quote");
            }
            return fields;
        }
    }

    /** Reads a quoted field's content up to its closing quote; the opening quote is consumed. */
    private void readQuoted(StringBuilder text) throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                throw new IOException("record " + recordNumber + ": end of input inside a quoted field '"
                        + text + "'");
            }
            if (c == '"') {
                int after = read();
                if (after == '"') {
                    text.append('"'); // doubled quote
                    continue;
                }
                unread(after);
                return;
            }
            text.append((char) c);
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
