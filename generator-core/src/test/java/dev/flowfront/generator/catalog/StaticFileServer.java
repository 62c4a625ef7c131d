package dev.flowfront.generator.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a folder on 127.0.0.1 at a free port with a Content-Security-Policy header, for browser
 * tests. Directory URLs serve their {@code index.html}; paths leaving the folder get 404.
 */
final class StaticFileServer implements AutoCloseable {

    private static final Map<String, String> CONTENT_TYPES =
            Map.of(
                    "html", "text/html; charset=utf-8",
                    "css", "text/css; charset=utf-8",
                    "js", "text/javascript; charset=utf-8",
                    "json", "application/json",
                    "svg", "image/svg+xml",
                    "png", "image/png",
                    "jpg", "image/jpeg",
                    "gif", "image/gif",
                    "webp", "image/webp");

    private final HttpServer server;
    private final Path root;
    private final String contentSecurityPolicy;

    StaticFileServer(Path root, String contentSecurityPolicy) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Returns the server's base URL, ending with a slash. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            exchange.getResponseHeaders()
                    .set(
                            "Content-Type",
                            CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            byte[] content = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(content);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
