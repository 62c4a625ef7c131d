package dev.flowfront.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The preview server jar running in its own process on 127.0.0.1 and a free port. Its output goes
 * to a log file; {@link #close()} stops it.
 */
final class PreviewProcess implements AutoCloseable {

    private static final String READY = "Preview at ";

    private final Process process;
    private final String url;

    private PreviewProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts the server and waits (at most a minute) until it prints the URL it listens on. */
    static PreviewProcess start(Path jar, Path site, Path flows, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        List<String> command =
                List.of(
                        "java",
                        "-jar",
                        jar.toString(),
                        "--site",
                        site.toString(),
                        "--flows",
                        flows.toString(),
                        "--port",
                        "0");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader lines =
                                            new BufferedReader(
                                                    new InputStreamReader(
                                                            process.getInputStream(),
                                                            StandardCharsets.UTF_8));
                                    PrintWriter out =
                                            new PrintWriter(
                                                    Files.newBufferedWriter(
                                                            log, StandardCharsets.UTF_8),
                                                    true)) {
                                for (String line = lines.readLine();
                                        line != null;
                                        line = lines.readLine()) {
                                    out.println(line);
                                    int at = line.indexOf(READY);
                                    if (at >= 0) {
                                        ready.complete(line.substring(at + READY.length()).strip());
                                    }
                                }
                            } catch (IOException e) {
                                ready.completeExceptionally(e);
                            }
                            ready.completeExceptionally(
                                    new IOException("The preview server stopped. See " + log));
                        },
                        "preview-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String url = ready.get(1, TimeUnit.MINUTES);
            return new PreviewProcess(process, url.endsWith("/") ? url : url + "/");
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("The preview server did not start. See " + log, e);
        }
    }

    /** Returns the server's base URL, ending with a slash. */
    String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
