package io.rateguard.signals;

/**
 * Makes server-sent text safe to put in a log line or a failure message: a header value can hold
 * control characters (a forged CR/LF would fake log lines) and can be arbitrarily long.
 */
final class Printable {

    private Printable() {
    }

    static String clip(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        boolean tooLong = text.length() > maxChars;
        String head = tooLong ? text.substring(0, maxChars) : text;
        StringBuilder out = new StringBuilder(head.length() + 3);
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return tooLong ? out.append("...").toString() : out.toString();
    }
}
