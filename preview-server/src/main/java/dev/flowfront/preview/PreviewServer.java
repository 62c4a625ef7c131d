package dev.flowfront.preview;

import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.preview.simulator.ApiExchange;
import dev.flowfront.preview.simulator.ApiHandler;
import dev.flowfront.preview.simulator.Faults;
import dev.flowfront.preview.simulator.KestraSimulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preview server: a built site at {@code /} and a simulated Kestra API under {@code /api/v1/},
 * or the API forwarded to a real Kestra in proxy mode. It listens on 127.0.0.1 only.
 *
 * <pre>
 * try (PreviewServer server = PreviewServer.builder().site(site).flows(flows).port(0).start()) {
 *     URI url = server.url();
 * }
 * </pre>
 */
public final class PreviewServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewServer.class);

    private final Server server;
    private final KestraSimulator simulator;
    private final URI url;

    private PreviewServer(Server server, KestraSimulator simulator, URI url) {
        this.server = server;
        this.simulator = simulator;
        this.url = url;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns the server's base URL, such as {@code http://127.0.0.1:41234/}. */
    public URI url() {
        return url;
    }

    /**
     * Returns the faults and request counters of the simulated API.
     *
     * @throws IllegalStateException in proxy mode, which has no simulator
     */
    public Faults faults() {
        return simulator().faults();
    }

    /**
     * Returns the simulated Kestra.
     *
     * @throws IllegalStateException in proxy mode, which has no simulator
     */
    public KestraSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException(
                    "The preview server forwards the API to Kestra and has no simulator");
        }
        return simulator;
    }

    /** Stops the server and the simulated executions. */
    @Override
    public void close() {
        // The simulator goes first so that open event streams see it closed and end.
        if (simulator != null) {
            simulator.close();
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("The preview server at {} did not stop cleanly", url, e);
        }
        LOG.info("Stopped the preview server at {}", url);
    }

    /** Options of a preview server; every option has a default except the flows. */
    public static final class Builder {
        private Path site;
        private final List<Path> flowFolders = new ArrayList<>();
        private Path fixtures;
        private int port;
        private double speed = 1;
        private Auth auth = Auth.none();
        private final List<String> corsOrigins = new ArrayList<>();
        private final Map<String, String> secrets = new HashMap<>();
        private Consumer<ApiExchange> exchangeListener = exchange -> {};
        private URI proxyTo;

        private Builder() {}

        /**
         * Sets the folder of a built site, served at {@code /}. Without one, only the API is
         * served.
         */
        public Builder site(Path folder) {
            this.site = folder;
            return this;
        }

        /** Folders of flow YAML files, read recursively. */
        public Builder flows(Path... folders) {
            flowFolders.addAll(List.of(folders));
            return this;
        }

        public Builder flows(List<Path> folders) {
            flowFolders.addAll(folders);
            return this;
        }

        /** Sets a folder of task fixtures in Kestra's test-suite format. */
        public Builder fixtures(Path folder) {
            this.fixtures = folder;
            return this;
        }

        /** Sets the port on 127.0.0.1. Port 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Sets how many times faster than real time tasks, sleeps and pauses run (1 by default).
         */
        public Builder speed(double factor) {
            this.speed = factor;
            return this;
        }

        public Builder auth(Auth auth) {
            this.auth = auth;
            return this;
        }

        /**
         * Sets the origins whose cross-origin requests and preflights are allowed, matched exactly.
         */
        public Builder corsOrigins(String... origins) {
            corsOrigins.addAll(List.of(origins));
            return this;
        }

        /** Sets a value that {@code secret('key')} returns in flows. */
        public Builder secret(String key, String value) {
            secrets.put(key, value);
            return this;
        }

        /** Sets a listener for every handled API request and its response, for contract checks. */
        public Builder exchangeListener(Consumer<ApiExchange> listener) {
            this.exchangeListener = listener;
            return this;
        }

        /** Forwards {@code /api/} to this Kestra base URL instead of simulating it. */
        public Builder proxyTo(URI kestraUrl) {
            this.proxyTo = kestraUrl;
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws IllegalArgumentException when a flow or fixture file is invalid or the site is
         *     not a folder
         * @throws IllegalStateException when the server cannot start, for example when the port is
         *     in use
         */
        public PreviewServer start() {
            if (site != null && !Files.isDirectory(site)) {
                throw new IllegalArgumentException(
                        "site folder " + site + " does not exist. Build the site first");
            }
            QueuedThreadPool threads = new QueuedThreadPool(200, 8);
            threads.setName("flowfront-preview");
            Server server = new Server(threads);
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            server.addConnector(connector);
            KestraSimulator simulator = null;
            Handler api;
            if (proxyTo != null) {
                api = proxy(proxyTo);
            } else {
                List<FlowDefinition> flows = KestraSimulator.loadFlows(flowFolders);
                simulator = new KestraSimulator(flows, fixtures, speed, secrets);
                api = new ApiHandler(simulator, exchangeListener);
            }
            List<Handler> handlers = new ArrayList<>();
            handlers.add(new AccessHandler(api, auth, corsOrigins));
            if (site != null) {
                ResourceHandler resources = new ResourceHandler();
                resources.setBaseResource(ResourceFactory.of(server).newResource(site));
                resources.setDirAllowed(false);
                resources.setWelcomeFiles("index.html");
                handlers.add(resources);
            }
            server.setHandler(new Handler.Sequence(handlers));
            try {
                server.start();
            } catch (Exception e) {
                if (simulator != null) {
                    simulator.close();
                }
                throw new IllegalStateException(
                        "Cannot start the preview server on port " + port + ": " + e.getMessage(),
                        e);
            }
            URI url = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
            if (simulator != null) {
                simulator.baseUrl(url.toString());
            }
            LOG.info("Preview server listening at {} (auth {}, speed {})", url, auth, speed);
            return new PreviewServer(server, simulator, url);
        }

        private static Handler proxy(URI kestraUrl) {
            String base = kestraUrl.toString().replaceAll("/+$", "");
            return new ProxyHandler.Reverse(
                    request -> {
                        HttpURI uri = request.getHttpURI();
                        String target =
                                base
                                        + uri.getPath()
                                        + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
                        return HttpURI.from(target);
                    }) {
                @Override
                public boolean handle(
                        Request request,
                        org.eclipse.jetty.server.Response response,
                        org.eclipse.jetty.util.Callback callback) {
                    if (!Request.getPathInContext(request).startsWith("/api/")) {
                        return false;
                    }
                    return super.handle(request, response, callback);
                }
            };
        }
    }
}
