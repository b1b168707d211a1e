package io.rateguard.harness;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Follows jmeter.log while JMeter writes it, so a caller can wait for a log line. log4j owns the
 * file, so it is polled rather than piped; only complete lines are matched.
 */
final class LogTail {

    private static final long POLL_MILLIS = 50;

    private final Path file;
    private final List<String> lines = new ArrayList<>();
    private long offset;

    LogTail(Path file) {
        this.file = file;
    }

    /**
     * The first complete line so far or within {@code timeout} containing a match of
     * {@code pattern}; gives up early once {@code running} turns false and the file is read out.
     */
    Optional<String> awaitLine(Pattern pattern, Duration timeout, BooleanSupplier running)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int scanned = 0;
        while (true) {
            boolean wasRunning = running.getAsBoolean();
            // the lock is held for a read and a scan, never while sleeping
            synchronized (this) {
                readNew();
                for (; scanned < lines.size(); scanned++) {
                    if (pattern.matcher(lines.get(scanned)).find()) {
                        return Optional.of(lines.get(scanned));
                    }
                }
            }
            if (!wasRunning || System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    synchronized List<String> lastLines(int n) {
        readNew();
        return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private void readNew() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < offset) { // truncated or replaced: start over
                offset = 0;
            }
            if (length == offset) {
                return;
            }
            byte[] chunk = new byte[(int) Math.min(length - offset, 8 << 20)];
            in.seek(offset);
            in.readFully(chunk);
            // consume only up to the last newline, so neither a line nor a UTF-8 character
            // (log4j2.xml in JMeter's bin writes UTF-8) is split between two reads
            int end = chunk.length - 1;
            while (end >= 0 && chunk[end] != '\n') {
                end--;
            }
            if (end < 0) {
                return;
            }
            offset += end + 1;
            for (String line : new String(chunk, 0, end, StandardCharsets.UTF_8).split("\n", -1)) {
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
        } catch (IOException e) {
            // the file may be mid-rotation; the next poll tries again
        }
    }
}
