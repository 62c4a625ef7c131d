package dev.flowfront.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small helpers to ask installed tools for their version. */
final class Tools {

    private Tools() {}

    /**
     * Returns the first line a command prints, or {@code unavailable: <reason>} when it cannot run.
     */
    static String firstLine(List<String> command) {
        return output(command).lines().findFirst().orElse("").strip();
    }

    /** Returns what a command prints on both streams, or {@code unavailable: <reason>}. */
    static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(1, TimeUnit.MINUTES);
            return output.strip();
        } catch (IOException e) {
            return "unavailable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unavailable: interrupted";
        }
    }
}
