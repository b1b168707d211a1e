package io.rateguard.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * The commands a non-GUI JMeter accepts on its UDP control port (what bin/stoptest.sh and
 * shutdown.sh send). JMeter only opens the port once the test has started and only obeys
 * packets from a loopback address.
 */
public enum ControlCommand {
    /** Stops at once: running samplers and timers are interrupted. */
    STOP_TEST_NOW("StopTestNow"),
    /** Graceful: threads finish their current sample, then stop. */
    SHUTDOWN("Shutdown"),
    /** Writes a thread dump into JMeter's working directory; useful when a run hangs. */
    THREAD_DUMP("ThreadDump");

    private final String wire;

    ControlCommand(String wire) {
        this.wire = wire;
    }

    /** The exact ASCII text JMeter matches. */
    public String wire() {
        return wire;
    }

    /** True for the commands that end the test (used to time stop-to-exit). */
    public boolean endsTest() {
        return this != THREAD_DUMP;
    }

    /** Sends the command to 127.0.0.1:port; UDP gives no answer, so success is not confirmed. */
    public void sendTo(int port) {
        byte[] payload = wire.getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket()) {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            socket.send(new DatagramPacket(payload, payload.length, loopback, port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send " + wire + " to UDP port " + port, e);
        }
    }
}
