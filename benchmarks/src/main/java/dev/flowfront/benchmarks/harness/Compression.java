package dev.flowfront.benchmarks.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

/**
 * Compressed sizes as a web server would send them: gzip at zlib's default level 6 (what most
 * servers and CDNs use on the fly) and Brotli at quality 11 (what sites precompress static files
 * with), through Debian's {@code brotli} command.
 */
public final class Compression {

    private Compression() {}

    /** The size of {@code content} compressed with gzip at level 6. */
    public static int gzipBytes(byte[] content) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(content.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.size();
    }

    /**
     * The size of {@code content} compressed with {@code brotli -q 11}.
     *
     * @throws IOException when the brotli command is missing or fails
     */
    public static int brotliBytes(byte[] content) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(List.of("brotli", "-c", "-q", "11"))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        // Feed stdin on another thread so a full stdout pipe cannot block the writer.
        CompletableFuture<Void> feed =
                CompletableFuture.runAsync(
                        () -> {
                            try (OutputStream stdin = process.getOutputStream()) {
                                stdin.write(content);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
        int size = 0;
        try (InputStream stdout = process.getInputStream()) {
            byte[] chunk = new byte[8192];
            for (int read = stdout.read(chunk); read >= 0; read = stdout.read(chunk)) {
                size += read;
            }
        }
        feed.join();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException("brotli exited with code " + exit);
        }
        return size;
    }
}
