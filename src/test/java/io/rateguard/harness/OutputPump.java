package io.rateguard.harness;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Copies a child's stdout or stderr to a file line by line while remembering the lines, so a
 * caller can wait for one (for instance JMeter's "Waiting for possible Shutdown" line) and an
 * error message can quote the last few. Draining the pipe also keeps the child from blocking
 * on a full pipe buffer.
 */
final class OutputPump {

    /** JMeter's console output is a few lines per summariser interval; cap it anyway. */
    private static final int MAX_KEPT_LINES = 200_000;

    private final Path file;
    private final List<String> lines = new ArrayList<>();
    private boolean closed;
    private IOException failure;
    private final Thread thread;

    private OutputPump(Path file, InputStream in, String name) {
        this.file = file;
        this.thread = new Thread(() -> pump(in), name);
        this.thread.setDaemon(true);
    }

    static OutputPump start(Path file, InputStream in, String name) {
        OutputPump pump = new OutputPump(file, in, name);
        pump.thread.start();
        return pump;
    }

    private void pump(InputStream in) {
        // the child writes in the platform charset, like any JVM console
        Charset charset = Charset.defaultCharset();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset));
                BufferedWriter out = Files.newBufferedWriter(file, charset)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush(); // readable mid-run
                add(line);
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        } finally {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
        }
    }

    private synchronized void add(String line) {
        if (lines.size() >= MAX_KEPT_LINES) {
            lines.remove(0);
        }
        lines.add(line);
        notifyAll();
    }

    /**
     * The first line so far or within {@code timeout} that contains a match of {@code pattern}.
     * Empty on timeout or when the stream ended (the process exited) without one.
     */
    synchronized Optional<String> awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int scanned = 0;
        while (true) {
            for (; scanned < lines.size(); scanned++) {
                if (pattern.matcher(lines.get(scanned)).find()) {
                    return Optional.of(lines.get(scanned));
                }
            }
            long left = deadline - System.nanoTime();
            if (closed || left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Blocks until the stream ended (the process exited and the pipe drained). */
    void awaitEnd(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
    }

    synchronized List<String> lastLines(int n) {
        return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    synchronized List<String> allLines() {
        return List.copyOf(lines);
    }

    synchronized Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    Path file() {
        return file;
    }
}
