package io.rateguard.signals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small parser for the RFC 8941 Structured Field values the IETF RateLimit fields use: Lists
 * and Dictionaries of Items with parameters. Bare items: Integer, Decimal, String, Token, Boolean
 * and Byte Sequence (kept as its base64 text). Inner Lists are not used by any rate-limit field
 * and make the whole value fail, as any other syntax error does (RFC 8941 section 4.2: a field
 * that does not parse is ignored as a whole). Never throws: server text yields a value or empty.
 */
final class StructuredFields {

    /** Far above any real RateLimit value; longer text is not worth parsing on every response. */
    static final int MAX_CHARS = 8 * 1024;

    /** A Token (unquoted identifier such as {@code burst}), distinct from a String. */
    record Token(String text) {
    }

    /** One Item: its bare value (Long, BigDecimal, String, Token, Boolean) and its parameters. */
    record Item(Object value, Map<String, Object> params) {

        /** A parameter that is an Integer, or empty. */
        Optional<Long> integerParam(String key) {
            Object v = params.get(key);
            return v instanceof Long l ? Optional.of(l) : Optional.empty();
        }

        /** A parameter as a String or Token's text, or empty. */
        Optional<String> textParam(String key) {
            Object v = params.get(key);
            if (v instanceof String s) {
                return Optional.of(s);
            }
            return v instanceof Token t ? Optional.of(t.text()) : Optional.empty();
        }

        /** The bare value as a String's or Token's text, or empty. */
        Optional<String> text() {
            if (value instanceof String s) {
                return Optional.of(s);
            }
            return value instanceof Token t ? Optional.of(t.text()) : Optional.empty();
        }
    }

    private final String in;
    private int pos;

    private StructuredFields(String in) {
        this.in = in;
    }

    /** An sf-list; several field lines are joined with commas first, as RFC 8941 says. */
    static Optional<List<Item>> parseList(List<String> fieldLines) {
        String joined = join(fieldLines);
        if (joined == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StructuredFields(joined).list());
        } catch (SyntaxError e) {
            return Optional.empty();
        }
    }

    /** An sf-dictionary; a repeated key keeps its last value (RFC 8941 section 4.2.2). */
    static Optional<Map<String, Item>> parseDictionary(List<String> fieldLines) {
        String joined = join(fieldLines);
        if (joined == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StructuredFields(joined).dictionary());
        } catch (SyntaxError e) {
            return Optional.empty();
        }
    }

    private static String join(List<String> fieldLines) {
        if (fieldLines == null || fieldLines.isEmpty()) {
            return null;
        }
        String joined = String.join(",", fieldLines);
        return joined.length() > MAX_CHARS ? null : joined;
    }

    private List<Item> list() {
        List<Item> items = new ArrayList<>();
        skipSpaces();
        while (pos < in.length()) {
            items.add(item());
            skipOws();
            if (pos >= in.length()) {
                return items;
            }
            expect(',');
            skipOws();
            if (pos >= in.length()) {
                throw new SyntaxError(); // trailing comma
            }
        }
        return items;
    }

    private Map<String, Item> dictionary() {
        Map<String, Item> members = new LinkedHashMap<>();
        skipSpaces();
        while (pos < in.length()) {
            String key = key();
            Item member;
            if (pos < in.length() && in.charAt(pos) == '=') {
                pos++;
                member = item();
            } else {
                member = new Item(Boolean.TRUE, parameters());
            }
            members.remove(key); // the last occurrence wins, in its position
            members.put(key, member);
            skipOws();
            if (pos >= in.length()) {
                return members;
            }
            expect(',');
            skipOws();
            if (pos >= in.length()) {
                throw new SyntaxError();
            }
        }
        return members;
    }

    private Item item() {
        Object bare = bareItem();
        return new Item(bare, parameters());
    }

    private Map<String, Object> parameters() {
        Map<String, Object> params = new LinkedHashMap<>();
        while (pos < in.length() && in.charAt(pos) == ';') {
            pos++;
            skipSpaces();
            String key = key();
            Object value = Boolean.TRUE;
            if (pos < in.length() && in.charAt(pos) == '=') {
                pos++;
                value = bareItem();
            }
            params.put(key, value);
        }
        return Collections.unmodifiableMap(params);
    }

    private Object bareItem() {
        if (pos >= in.length()) {
            throw new SyntaxError();
        }
        char c = in.charAt(pos);
        if (c == '-' || isDigit(c)) {
            return number();
        }
        if (c == '"') {
            return string();
        }
        if (c == '*' || isAlpha(c)) {
            return token();
        }
        if (c == '?') {
            return bool();
        }
        if (c == ':') {
            return byteSequence();
        }
        throw new SyntaxError(); // '(' starts an Inner List: not used by rate-limit fields
    }

    private Object number() {
        int start = pos;
        if (in.charAt(pos) == '-') {
            pos++;
        }
        int digitsStart = pos;
        while (pos < in.length() && isDigit(in.charAt(pos))) {
            pos++;
        }
        int intDigits = pos - digitsStart;
        if (intDigits == 0) {
            throw new SyntaxError();
        }
        if (pos < in.length() && in.charAt(pos) == '.') {
            if (intDigits > 12) {
                throw new SyntaxError();
            }
            pos++;
            int fracStart = pos;
            while (pos < in.length() && isDigit(in.charAt(pos))) {
                pos++;
            }
            int fracDigits = pos - fracStart;
            if (fracDigits < 1 || fracDigits > 3) {
                throw new SyntaxError();
            }
            return new BigDecimal(in.substring(start, pos));
        }
        if (intDigits > 15) {
            throw new SyntaxError(); // RFC 8941: at most 15 digits, so a long never overflows
        }
        return Long.parseLong(in.substring(start, pos));
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (pos < in.length()) {
            char c = in.charAt(pos++);
            if (c == '\\') {
                if (pos >= in.length()) {
                    throw new SyntaxError();
                }
                char next = in.charAt(pos++);
                if (next != '"' && next != '\\') {
                    throw new SyntaxError();
                }
                out.append(next);
            } else if (c == '"') {
                return out.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw new SyntaxError();
            } else {
                out.append(c);
            }
        }
        throw new SyntaxError(); // unterminated
    }

    private Token token() {
        int start = pos;
        pos++;
        while (pos < in.length() && isTokenChar(in.charAt(pos))) {
            pos++;
        }
        return new Token(in.substring(start, pos));
    }

    private Boolean bool() {
        pos++;
        if (pos >= in.length()) {
            throw new SyntaxError();
        }
        char c = in.charAt(pos++);
        if (c == '1') {
            return Boolean.TRUE;
        }
        if (c == '0') {
            return Boolean.FALSE;
        }
        throw new SyntaxError();
    }

    private String byteSequence() {
        int start = ++pos;
        while (pos < in.length() && in.charAt(pos) != ':') {
            char c = in.charAt(pos);
            if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=')) {
                throw new SyntaxError();
            }
            pos++;
        }
        if (pos >= in.length()) {
            throw new SyntaxError();
        }
        return in.substring(start, pos++);
    }

    private String key() {
        if (pos >= in.length()) {
            throw new SyntaxError();
        }
        char first = in.charAt(pos);
        if (!(first == '*' || (first >= 'a' && first <= 'z'))) {
            throw new SyntaxError();
        }
        int start = pos++;
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if ((c >= 'a' && c <= 'z') || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*') {
                pos++;
            } else {
                break;
            }
        }
        return in.substring(start, pos);
    }

    private void expect(char c) {
        if (pos >= in.length() || in.charAt(pos) != c) {
            throw new SyntaxError();
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < in.length() && in.charAt(pos) == ' ') {
            pos++;
        }
    }

    private void skipOws() {
        while (pos < in.length() && (in.charAt(pos) == ' ' || in.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** tchar plus ':' and '/', as RFC 8941 sf-token allows. */
    private static boolean isTokenChar(char c) {
        return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~:/".indexOf(c) >= 0;
    }

    /** Control flow for a syntax error; no stack trace, it is not exceptional for server input. */
    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError() {
            super(null, null, false, false);
        }
    }
}
