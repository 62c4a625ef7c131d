package dev.flowfront.preview;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry point of {@code flowfront-preview.jar}:
 *
 * <pre>
 * java -jar flowfront-preview.jar --site DIR --flows DIR [--fixtures DIR] [--port N]
 *     [--speed F] [--auth none|basic:user:pass|bearer:token] [--cors ORIGIN] [--proxy URL]
 * </pre>
 *
 * It prints {@code Preview at <url>} when the server is ready and runs until it is stopped.
 */
public final class PreviewMain {

    private static final String USAGE =
            "Usage: java -jar flowfront-preview.jar --site DIR --flows DIR [--flows DIR...]"
                    + " [--fixtures DIR] [--port N] [--speed F]"
                    + " [--auth none|basic:user:pass|bearer:token] [--cors ORIGIN] [--proxy KESTRA_URL]";

    private PreviewMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        PreviewServer.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        PreviewServer server;
        try {
            server = builder.start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The options parsed, so the server could not start: a missing site folder, a bad flow
            // or a port in use. These are usage problems, with exit code 2 as in the compiler.
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    stopped.countDown();
                                }));
        System.out.println("Preview at " + server.url());
        System.out.flush();
        stopped.await();
    }

    static PreviewServer.Builder parse(String[] args) {
        PreviewServer.Builder builder = PreviewServer.builder();
        List<Path> flows = new ArrayList<>();
        boolean proxy = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--site" -> builder.site(Path.of(value));
                case "--flows" -> flows.add(Path.of(value));
                case "--fixtures" -> builder.fixtures(Path.of(value));
                case "--port" -> builder.port(parseInt(option, value));
                case "--speed" -> builder.speed(parseDouble(option, value));
                case "--auth" -> builder.auth(Auth.parse(value));
                case "--cors" -> builder.corsOrigins(value);
                case "--proxy" -> {
                    builder.proxyTo(URI.create(value));
                    proxy = true;
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (flows.isEmpty() && !proxy) {
            throw new IllegalArgumentException("--flows is required unless --proxy is given");
        }
        builder.flows(flows);
        return builder;
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " must be a whole number, not '" + value + "'");
        }
    }

    private static double parseDouble(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " must be a number such as 1 or 10, not '" + value + "'");
        }
    }
}
