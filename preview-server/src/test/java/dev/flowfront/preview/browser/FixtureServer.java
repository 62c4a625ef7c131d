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
import java.util.function.UnaryOperator;

/**
 * Serves the hand-written fixture page and the runtime from 127.0.0.1 on a free port, under the
 * Content Security Policy that generated pages carry. Kestra calls are handled by {@link
 * FakeKestra} through Playwright routing before they reach this server.
 */
final class FixtureServer implements AutoCloseable {

    /** The page path the fixture is served at, as the generator lays out app pages. */
    static final String PAGE_PATH = "/apps/company.team/compute_resources_approval/index.html";

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
                    + " connect-src 'self'; base-uri 'none'; form-action 'none'";

    private final HttpServer server;

    private FixtureServer(HttpServer server) {
        this.server = server;
    }

    static FixtureServer start(String fixtureResource) {
        return start(fixtureResource, UnaryOperator.identity());
    }

    /** Serves the fixture after {@code edit} changed its text, e.g. to switch the auth mode. */
    static FixtureServer start(String fixtureResource, UnaryOperator<String> edit) {
        byte[] page =
                edit.apply(new String(readResource(fixtureResource), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
        byte[] script = RuntimeScript.build().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(
                    "/",
                    exchange -> {
                        String path = exchange.getRequestURI().getPath();
                        if (path.equals(PAGE_PATH)) {
                            send(exchange, 200, "text/html; charset=utf-8", page);
                        } else if (path.equals("/assets/flowfront.js")) {
                            send(exchange, 200, "text/javascript; charset=utf-8", script);
                        } else {
                            send(
                                    exchange,
                                    404,
                                    "text/plain",
                                    "not found".getBytes(StandardCharsets.UTF_8));
                        }
                    });
            server.start();
            return new FixtureServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
    }
}
