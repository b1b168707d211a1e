package io.rateguard.sim;

import java.math.BigDecimal;

/**
 * A minimal streaming JSON writer producing compact output (no spaces), which is exactly the
 * byte shape Genesys sends, so tests can compare bodies as strings. Commas are inserted
 * automatically; the caller is trusted to nest correctly.
 */
final class JsonWriter {

    private final StringBuilder out;
    private boolean needsComma;

    JsonWriter() {
        this(new StringBuilder(128));
    }

    JsonWriter(StringBuilder out) {
        this.out = out;
    }

    JsonWriter beginObject() {
        comma();
        out.append('{');
        needsComma = false;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    JsonWriter beginArray() {
        comma();
        out.append('[');
        needsComma = false;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    JsonWriter name(String name) {
        comma();
        quote(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    JsonWriter value(String v) {
        comma();
        if (v == null) {
            out.append("null");
        } else {
            quote(v);
        }
        needsComma = true;
        return this;
    }

    JsonWriter value(long v) {
        comma();
        out.append(v);
        needsComma = true;
        return this;
    }

    JsonWriter value(boolean v) {
        comma();
        out.append(v);
        needsComma = true;
        return this;
    }

    /** A fixed-point value with 3 decimals, e.g. micros as milliseconds without float rounding. */
    JsonWriter valueScaled3(long unscaled) {
        comma();
        out.append(BigDecimal.valueOf(unscaled, 3).toPlainString());
        needsComma = true;
        return this;
    }

    JsonWriter nullValue() {
        comma();
        out.append("null");
        needsComma = true;
        return this;
    }

    JsonWriter field(String name, String v) {
        return name(name).value(v);
    }

    JsonWriter field(String name, long v) {
        return name(name).value(v);
    }

    JsonWriter field(String name, boolean v) {
        return name(name).value(v);
    }

    /** Genesys error bodies always carry these two, empty. */
    JsonWriter emptyArray(String name) {
        return name(name).beginArray().endArray();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void comma() {
        if (needsComma) {
            out.append(',');
            needsComma = false;
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
