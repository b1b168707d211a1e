package io.rateguard.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Byte-level HTTP for the assertions a client library would hide: the status line's reason
 * phrase, header-name case and header order.
 */
final class RawHttp {

    record Response(String statusLine, List<String> headerLines, String body) {

        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        /** Value of the header with exactly this name (case-sensitive, as the Genesys SDK looks it up). */
        String exactHeader(String name) {
            for (String line : headerLines) {
                if (line.startsWith(name + ": ")) {
                    return line.substring(name.length() + 2);
                }
            }
            return null;
        }

        List<String> headerNames() {
            return headerLines.stream().map(l -> l.substring(0, l.indexOf(':'))).toList();
        }
    }

    private RawHttp() {
    }

    /** Sends one request on a fresh connection and reads one response. */
    static Response exchange(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5_000);
            write(s.getOutputStream(), request);
            return read(s.getInputStream());
        }
    }

    static void write(OutputStream out, String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one response framed by Content-Length (or none) from a keep-alive stream. */
    static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        List<String> headers = new ArrayList<>();
        int length = 0;
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            headers.add(l);
            if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(l.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Response(statusLine, headers, new String(body, StandardCharsets.UTF_8));
    }

    static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
