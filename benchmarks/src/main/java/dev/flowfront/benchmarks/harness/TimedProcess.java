package dev.flowfront.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to completion and measures its wall-clock time, from just before the process is
 * started to just after it exits. Output goes to a log file so that printing costs no time in the
 * benchmark and the log stays available when a run fails.
 */
public final class TimedProcess {

    /**
     * The outcome of one run.
     *
     * @param exitCode the process exit code, or -1 when it timed out
     * @param millis the wall-clock time in milliseconds
     * @param log the file holding standard output and standard error
     * @param timedOut whether the process was killed for taking too long
     */
    public record Run(int exitCode, double millis, Path log, boolean timedOut) {

        /** Throws when the command failed, naming the command and its log. */
        public Run requireSuccess(List<String> command) {
            if (exitCode != 0 || timedOut) {
                throw new IllegalStateException(
                        (timedOut
                                        ? "Command timed out"
                                        : "Command failed with exit code " + exitCode)
                                + ": "
                                + String.join(" ", command)
                                + ". See "
                                + log);
            }
            return this;
        }
    }

    private TimedProcess() {}

    /**
     * Runs {@code command} in {@code directory} and waits at most {@code timeoutMinutes}, then
     * kills it and its child processes.
     *
     * @throws IOException when the process cannot start
     */
    public static Run run(List<String> command, Path directory, Path log, long timeoutMinutes)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            // GNU time runs the measured command as a child, which must not outlive it.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            return new Run(-1, (System.nanoTime() - start) / 1e6, log, true);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        return new Run(process.exitValue(), millis, log, false);
    }
}
