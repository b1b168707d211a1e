package io.rateguard.sim;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.function.LongSupplier;

/**
 * Serves one keep-alive connection on its own thread until the client closes it, goes idle,
 * asks for Connection: close, or the server stops. Thread-per-connection keeps request
 * handling simple blocking code; idle clients cost a parked thread, which is fine for the
 * ~1000 connections a rehearsal needs.
 */
final class HttpConnection implements Runnable {

    /** Like the 60 s idle timeout of the load balancers in front of cloud APIs. */
    static final int IDLE_TIMEOUT_MS = 60_000;

    private final Socket socket;
    private final RequestHandler handler;
    private final LongSupplier clock;
    private final Runnable onClose;

    HttpConnection(Socket socket, RequestHandler handler, LongSupplier clock, Runnable onClose) {
        this.socket = socket;
        this.handler = handler;
        this.clock = clock;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (Socket s = socket) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(IDLE_TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            HttpRequestReader reader = new HttpRequestReader(new BufferedInputStream(s.getInputStream()), out, clock);
            while (true) {
                HttpRequest request;
                try {
                    request = reader.next();
                } catch (MalformedRequestException e) {
                    out.write(HttpResponseWriter.serialize(handler.malformed(e.status(), e.getMessage()), false, true));
                    out.flush();
                    return;
                }
                if (request == null) {
                    return;
                }
                SimResponse response = respond(request);
                byte[] bytes = HttpResponseWriter.serialize(response, request.isHead(), !request.keepAlive());
                // recorded as sent just before the write, so a client never sees a response its stats lack
                response.sent(clock.getAsLong());
                out.write(bytes);
                out.flush();
                if (!request.keepAlive()) {
                    return;
                }
            }
        } catch (IOException e) {
            // client went away, idle timeout, or the server is stopping: nothing to answer
        } finally {
            onClose.run();
        }
    }

    private SimResponse respond(HttpRequest request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            // a bug in the simulator must not look like a network failure to the client under test
            return handler.malformed(500, "internal error: " + e);
        }
    }
}
