package io.rateguard.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.SocketException;

/**
 * Picks a UDP port nobody holds, so each JMeter run gets its own control port instead of the
 * shared default 4445 (two concurrent runs would otherwise take each other's stop commands).
 */
final class FreeUdpPort {

    /** JMeter ignores control ports at or below 1000. */
    private static final int LOWEST_USABLE = 1001;

    private FreeUdpPort() {
    }

    static int find() {
        for (int attempt = 0; attempt < 20; attempt++) {
            // bound on the wildcard address, as JMeter binds it
            try (DatagramSocket socket = new DatagramSocket(0)) {
                int port = socket.getLocalPort();
                if (port >= LOWEST_USABLE) {
                    return port;
                }
            } catch (SocketException e) {
                throw new UncheckedIOException("cannot open a UDP socket", e);
            }
        }
        throw new UncheckedIOException(new IOException("no UDP port above " + LOWEST_USABLE + " found"));
    }
}
