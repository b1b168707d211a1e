package io.rateguard.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a JMeter child process ended and where it left its files. JMeter exits 0 even when every
 * sample failed, so a clean exit says nothing about the samples: read {@link #jtl()} for that.
 *
 * @param exitCode   the process exit code (after a timeout, whatever the kill produced)
 * @param timedOut   true when the harness killed the process tree at the hard timeout
 * @param wallTime   from process start to exit
 * @param stopToExit from the first stop command (StopTestNow or Shutdown) to exit, if one was sent
 * @param jtl        the CSV result file
 * @param log        jmeter.log
 * @param stdout     the child's console output
 * @param stderr     the child's error output
 * @param reportDir  the HTML dashboard directory, when one was requested
 * @param lastStdout the last lines of stdout, for messages
 * @param lastStderr the last lines of stderr, for messages
 */
public record JMeterResult(
        int exitCode,
        boolean timedOut,
        Duration wallTime,
        Optional<Duration> stopToExit,
        Path jtl,
        Path log,
        Path stdout,
        Path stderr,
        Optional<Path> reportDir,
        List<String> lastStdout,
        List<String> lastStderr) {

    public JMeterResult {
        lastStdout = List.copyOf(lastStdout);
        lastStderr = List.copyOf(lastStderr);
    }

    /** Exit code 0 and no timeout. */
    public boolean exitedCleanly() {
        return exitCode == 0 && !timedOut;
    }

    /** Throws with the tail of the output unless the process exited cleanly. */
    public JMeterResult requireCleanExit() {
        if (!exitedCleanly()) {
            throw new IllegalStateException(describe());
        }
        return this;
    }

    /** A multi-line account for assertion messages: outcome, files and the last output lines. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("JMeter ").append(timedOut ? "TIMED OUT and was killed" : "exited with " + exitCode)
                .append(" after ").append(wallTime.toMillis()).append(" ms");
        stopToExit.ifPresent(d -> text.append(" (").append(d.toMillis()).append(" ms after the stop command)"));
        text.append("\n  jtl:    ").append(jtl)
                .append("\n  log:    ").append(log)
                .append("\n  stdout: ").append(stdout)
                .append("\n  stderr: ").append(stderr);
        reportDir.ifPresent(r -> text.append("\n  report: ").append(r));
        appendLines(text, "last stdout lines", lastStdout);
        appendLines(text, "last stderr lines", lastStderr);
        return text.toString();
    }

    private static void appendLines(StringBuilder text, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append("\n  ").append(title).append(':');
        for (String line : lines) {
            text.append("\n    | ").append(line);
        }
    }
}
