package dev.flowfront.preview.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Serves the hand-written fixture page and the runtime scripts from 127.0.0.1 on a free port, under
 * the Content Security Policy that generated pages carry. Kestra calls are handled by {@link
 * FakeKestra} through Playwright routing before they reach this server.
 */
final class FixtureServer implements AutoCloseable {

    /** The page path the fixture is served at, as the generator lays out app pages. */
    static final String PAGE_PATH = "/apps/company.team/compute_resources_approval/index.html";

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
                    + " connect-src 'self'; base-uri 'none'; form-action 'none'";

    /** How long a request for the deferred script waits for {@link #holdDeferredScript()}. */
    private static final long GATE_TIMEOUT_SECONDS = 15;

    private final HttpServer server;
    private final ExecutorService executor;

    /** A latch that requests for the deferred script wait on, or null to serve them at once. */
    private final AtomicReference<CountDownLatch> deferredGate;

    private FixtureServer(
            HttpServer server,
            ExecutorService executor,
            AtomicReference<CountDownLatch> deferredGate) {
        this.server = server;
        this.executor = executor;
        this.deferredGate = deferredGate;
    }

    static FixtureServer start(String fixtureResource) {
        return start(fixtureResource, UnaryOperator.identity());
    }

    /** Serves the fixture after {@code edit} changed its text, e.g. to switch the auth mode. */
    static FixtureServer start(String fixtureResource, UnaryOperator<String> edit) {
        byte[] page =
                edit.apply(new String(readResource(fixtureResource), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
        byte[] script = RuntimeScript.build("critical").getBytes(StandardCharsets.UTF_8);
        byte[] deferredScript = RuntimeScript.build("deferred").getBytes(StandardCharsets.UTF_8);
        AtomicReference<CountDownLatch> deferredGate = new AtomicReference<>();
        // A held request must not block the others, so each request gets its own thread.
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(executor);
            server.createContext(
                    "/",
                    exchange -> {
                        String path = exchange.getRequestURI().getPath();
                        if (path.equals(PAGE_PATH)) {
                            send(exchange, 200, "text/html; charset=utf-8", page);
                        } else if (path.equals("/assets/flowfront.js")) {
                            send(exchange, 200, "text/javascript; charset=utf-8", script);
                        } else if (path.equals("/assets/flowfront-deferred.js")) {
                            awaitGate(deferredGate.get());
                            send(exchange, 200, "text/javascript; charset=utf-8", deferredScript);
                        } else {
                            send(
                                    exchange,
                                    404,
                                    "text/plain",
                                    "not found".getBytes(StandardCharsets.UTF_8));
                        }
                    });
            server.start();
            return new FixtureServer(server, executor, deferredGate);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Holds back the deferred script until the returned latch counts down, so that a test can act
     * before the script arrives. A held request gets its response after 15 seconds at the latest.
     */
    CountDownLatch holdDeferredScript() {
        CountDownLatch gate = new CountDownLatch(1);
        deferredGate.set(gate);
        return gate;
    }

    private static void awaitGate(CountDownLatch gate) {
        if (gate == null) {
            return;
        }
        try {
            gate.await(GATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String pageUrl() {
        return origin() + PAGE_PATH;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] readResource(String name) {
        try (InputStream in = FixtureServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Test resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
