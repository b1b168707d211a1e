package io.rateguard.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1. The JDK's com.sun.net.httpserver cannot be used for
 * this simulator: it rewrites header names ("Retry-after", "Inin-correlation-id") and sends no
 * reason phrase, so it cannot produce the documented 429 byte for byte.
 */
final class LocalHttpServer implements AutoCloseable {

    /** Enough for a burst of 1000 clients connecting at once. */
    private static final int BACKLOG = 2048;

    private final ServerSocket serverSocket;
    private final ExecutorService workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final RequestHandler handler;
    private final LongSupplier clock;
    private volatile boolean closed;

    private LocalHttpServer(ServerSocket serverSocket, RequestHandler handler, LongSupplier clock) {
        this.serverSocket = serverSocket;
        this.handler = handler;
        this.clock = clock;
        // unbounded cached pool: one thread per live connection, idle threads die after 30 s
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads("rateguard-sim-conn-"));
        this.acceptor = daemonThreads("rateguard-sim-accept-").newThread(this::acceptLoop);
    }

    static LocalHttpServer start(int port, RequestHandler handler, LongSupplier clock) throws IOException {
        ServerSocket ss = new ServerSocket();
        try {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), BACKLOG);
        } catch (IOException e) {
            ss.close();
            throw new IOException("cannot bind 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        LocalHttpServer server = new LocalHttpServer(ss, handler, clock);
        server.acceptor.start();
        return server;
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    int openConnections() {
        return open.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // e.g. too many open files: keep serving the connections we have
            }
            open.add(socket);
            try {
                workers.execute(new HttpConnection(socket, handler, clock, () -> open.remove(socket)));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket);
                open.remove(socket);
            }
            if (closed) {
                closeQuietly(socket); // accepted while close() was running
            }
        }
    }

    /** Stops accepting, drops every connection and interrupts handlers (e.g. in service time). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(500, TimeUnit.MILLISECONDS);
            acceptor.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            // small stacks: handlers are shallow, and 1000 connections share the JMeter process
            Thread t = new Thread(null, r, prefix + n.incrementAndGet(), 256 * 1024);
            t.setDaemon(true); // a forgotten simulator must never keep JMeter or a test JVM alive
            return t;
        };
    }
}
