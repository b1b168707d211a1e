package io.rateguard.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * An HTTP response as the simulator means it: headers keep the exact name case and order given
 * here (Genesys clients such as the official SDK look up {@code Retry-After} case-sensitively).
 * {@code onSent} runs with the clock reading as the bytes are handed to the socket, so stats
 * record when a 429 actually left the server.
 */
final class SimResponse {

    record Header(String name, String value) {
    }

    private static final LongConsumer NOTHING = t -> { };

    private final int status;
    private final List<Header> headers;
    private final byte[] body; // null: no body at all
    private final LongConsumer onSent;

    private SimResponse(int status, List<Header> headers, byte[] body, LongConsumer onSent) {
        this.status = status;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.onSent = onSent;
    }

    static SimResponse of(int status) {
        return new SimResponse(status, List.of(), null, NOTHING);
    }

    /** A response with a JSON body; callers add Content-Type where the documented header order puts it. */
    static SimResponse json(int status, String json) {
        return new SimResponse(status, List.of(), json.getBytes(StandardCharsets.UTF_8), NOTHING);
    }

    SimResponse withHeader(String name, String value) {
        List<Header> copy = new ArrayList<>(headers);
        copy.add(new Header(name, value));
        return new SimResponse(status, copy, body, onSent);
    }

    /** Puts a header first (the correlation id leads, as in the documented 429). */
    SimResponse withLeadingHeader(String name, String value) {
        List<Header> copy = new ArrayList<>();
        copy.add(new Header(name, value));
        copy.addAll(headers);
        return new SimResponse(status, copy, body, onSent);
    }

    SimResponse withOnSent(LongConsumer callback) {
        return new SimResponse(status, headers, body, callback);
    }

    int status() {
        return status;
    }

    List<Header> headers() {
        return headers;
    }

    String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    byte[] body() {
        return body;
    }

    String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    void sent(long nanos) {
        onSent.accept(nanos);
    }
}
