package io.rateguard.harness;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real redis-server (Debian's package; .ci/run installs it) on 127.0.0.1 and a free port, as a
 * child process: no persistence, killed on close. {@link #kill()} and {@link #restart()} let a
 * test lose Redis in the middle of a run and bring it back on the same port.
 */
public final class RedisServerProcess implements AutoCloseable {

    private final int port;
    private final String password;
    private final Path logFile;
    private Process process;

    private RedisServerProcess(int port, String password, Path logFile) {
        this.port = port;
        this.password = password;
        this.logFile = logFile;
    }

    /** Starts redis-server without a password. */
    public static RedisServerProcess start(Path logDir) {
        return start(logDir, null);
    }

    /** Starts redis-server; with a password, clients must AUTH. */
    public static RedisServerProcess start(Path logDir, String password) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RedisServerProcess r = new RedisServerProcess(freeTcpPort(), password, logDir.resolve("redis-server.log"));
        r.launch();
        return r;
    }

    public int port() {
        return port;
    }

    /** The URL a RateGuard Bucket uses, without the password. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: Redis is gone at once, as when its machine dies. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A fresh, empty redis-server on the same port. */
    public void restart() {
        kill();
        launch();
    }

    /**
     * Calls per command since start ({@code INFO commandstats}), e.g. {"get": 12, "evalsha": 3};
     * the INFO calls themselves are left out.
     */
    public Map<String, Long> commandCalls() {
        String info = command("INFO", "commandstats");
        Map<String, Long> calls = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            // cmdstat_get:calls=12,usec=...
            if (line.startsWith("cmdstat_")) {
                String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                String rest = line.substring(line.indexOf("calls=") + 6);
                long n = Long.parseLong(rest.substring(0, rest.indexOf(',')));
                if (!name.equals("info") && !name.equals("auth") && !name.equals("hello") && !name.equals("client|setinfo")) {
                    calls.put(name, n);
                }
            }
        }
        return calls;
    }

    public long totalCommandCalls() {
        return commandCalls().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sends one command and returns the reply as text (bulk string, status or integer). */
    public String command(String... args) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            if (password != null) {
                write(out, "AUTH", password);
                read(in);
            }
            write(out, args);
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void launch() {
        List<String> cmd = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--protected-mode", "yes"));
        if (password != null) {
            // on the command line only in tests: the password here is a throwaway
            cmd.addAll(List.of("--requirepass", password));
        }
        try {
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server (apt-get install redis-server; .ci/run does it)", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if ("PONG".equals(command("PING"))) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            if (!process.isAlive()) {
                break;
            }
            sleep(50);
        }
        throw new IllegalStateException("redis-server did not answer on port " + port + "; see " + logFile);
    }

    private static void write(OutputStream out, String... args) throws IOException {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
            b.append('$').append(bytes.length).append("\r\n").append(a).append("\r\n");
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String read(InputStream in) throws IOException {
        String line = line(in);
        char type = line.charAt(0);
        String rest = line.substring(1);
        switch (type) {
            case '+', ':':
                return rest;
            case '-':
                throw new IOException("Redis error: " + rest);
            case '$': {
                int n = Integer.parseInt(rest);
                if (n < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(n + 2);
                return new String(data, 0, n, StandardCharsets.UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(rest);
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    all.append(read(in)).append('\n');
                }
                return all.toString();
            }
            default:
                throw new IOException("unexpected reply: " + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                return b.toString();
            }
            b.append((char) c);
        }
        throw new IOException("connection closed");
    }

    private static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
