package dev.flowfront.preview.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the Kestra API under {@code /api/v1/{tenant}/} and the legacy tenant-less {@code
 * /api/v1/}, with Kestra's status codes, JSON bodies and event-stream framing. Requests outside
 * {@code /api/} are left to the next handler.
 *
 * <p>Blocking: event streams hold a server thread while they are open.
 */
public final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String PREFIX = "/api/v1/";

    /** Query parameter prefix of a label filter in Kestra 1.x searches, before the label key. */
    private static final String LABEL_FILTER = "filters[labels][EQUALS][";

    /** How long a follow stream waits for a change before it checks the connection again. */
    private static final long WAIT_MILLIS = 1000;

    /** Kestra closes event streams after one hour without an event. */
    private static final Duration IDLE_TIMEOUT = Duration.ofHours(1);

    private final KestraSimulator simulator;
    private final Consumer<ApiExchange> listener;
    private final MultiPartConfig multipartConfig;

    /**
     * Creates the handler.
     *
     * @param listener receives every handled request with its response; may do nothing
     */
    public ApiHandler(KestraSimulator simulator, Consumer<ApiExchange> listener) {
        this.simulator = simulator;
        this.listener = listener;
        this.multipartConfig =
                new MultiPartConfig.Builder()
                        .maxMemoryPartSize(16L * 1024 * 1024)
                        .maxSize(64L * 1024 * 1024)
                        // Jetty's default of 100 parts rejected flows with more than 100 inputs,
                        // which Kestra accepts.
                        .maxParts(1000)
                        .useFilesForPartsWithoutFileName(false)
                        .build();
    }

    /** Returns the route of an API path, if the simulator handles it. */
    public static Optional<Route.Match> match(String method, String pathInContext) {
        if (!pathInContext.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = pathInContext.substring(PREFIX.length());
        Optional<Route.Match> legacy = Route.find(method, rest);
        if (legacy.isPresent()) {
            return legacy;
        }
        int slash = rest.indexOf('/');
        return slash < 0 ? Optional.empty() : Route.find(method, rest.substring(slash + 1));
    }

    /** Whether a path is one the simulator answers with some method, for CORS preflights. */
    public static boolean isApiPath(String pathInContext) {
        if (!pathInContext.startsWith(PREFIX)) {
            return false;
        }
        String rest = pathInContext.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return Route.exists(rest) || (slash >= 0 && Route.exists(rest.substring(slash + 1)));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.startsWith("/api/")) {
            return false;
        }
        Exchange exchange = new Exchange(request, response, callback, path);
        Optional<Route.Match> match = match(request.getMethod(), path);
        if (match.isEmpty()) {
            exchange.sendError(404, "Page Not Found");
            return true;
        }
        Route route = match.get().route();
        Faults faults = simulator.faults();
        faults.count(route);
        Duration latency = faults.latencyOf(route);
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis());
        }
        OptionalInt faulted = faults.nextStatus(route);
        if (faulted.isPresent()) {
            LOG.info(
                    "Answering {} {} with injected status {}",
                    request.getMethod(),
                    path,
                    faulted.getAsInt());
            exchange.sendError(faulted.getAsInt(), HttpStatus.getMessage(faulted.getAsInt()));
            return true;
        }
        try {
            dispatch(route, match.get().parameters(), exchange);
        } catch (ApiException e) {
            exchange.sendError(e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            exchange.sendError(422, "Illegal argument: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Simulator failed on {} {}", request.getMethod(), path, e);
            exchange.sendError(500, "Internal Server Error: " + e.getMessage());
        }
        return true;
    }

    private void dispatch(Route route, String[] parameters, Exchange exchange) throws Exception {
        switch (route) {
            case CREATE_EXECUTION -> {
                ExecutionRecord execution =
                        simulator.create(
                                parameters[0],
                                parameters[1],
                                exchange.parts(),
                                exchange.queryValues("labels"));
                if ("true".equalsIgnoreCase(exchange.query("wait"))) {
                    awaitFinished(execution);
                }
                ObjectNode body = execution.toJson(simulator.json());
                body.put("url", simulator.executionUrl(execution));
                exchange.sendJson(200, body);
            }
            case VALIDATE_CREATE ->
                    exchange.sendJson(
                            200,
                            simulator.validateCreate(
                                    parameters[0],
                                    parameters[1],
                                    exchange.parts(),
                                    exchange.queryValues("labels")));
            case SEARCH_EXECUTIONS -> exchange.sendJson(200, search(exchange));
            case GET_EXECUTION ->
                    exchange.sendJson(
                            200, simulator.execution(parameters[0]).toJson(simulator.json()));
            case EXECUTION_FLOW ->
                    exchange.sendJson(
                            200,
                            simulator.flowForExecution(simulator.execution(parameters[0]).flow()));
            case FLOW_FOR_EXECUTION ->
                    exchange.sendJson(
                            200,
                            simulator.flowForExecution(
                                    simulator.flow(parameters[0], parameters[1])));
            case FOLLOW_EXECUTION -> {
                Optional<ExecutionRecord> execution = simulator.findExecution(parameters[0]);
                if (execution.isPresent()) {
                    followExecution(execution.get(), exchange);
                } else {
                    followMissing(parameters[0], exchange);
                }
            }
            case RESUME -> {
                simulator.resume(parameters[0], exchange.parts());
                exchange.sendEmpty(204);
            }
            case VALIDATE_RESUME ->
                    exchange.sendJson(
                            200, simulator.validateResume(parameters[0], exchange.parts()));
            case KILL -> {
                simulator.kill(
                        parameters[0],
                        !"false".equalsIgnoreCase(exchange.query("isOnKillCascade")));
                exchange.sendEmpty(202);
            }
            case LOGS -> {
                ExecutionRecord execution = simulator.execution(parameters[0]);
                var list = simulator.json().createArrayNode();
                for (LogRecord log : filteredLogs(execution, exchange, 0)) {
                    list.add(logJson(execution, log));
                }
                exchange.sendJson(200, list);
            }
            case FOLLOW_LOGS -> followLogs(simulator.execution(parameters[0]), exchange);
            case FILE -> {
                ExecutionRecord execution = simulator.execution(parameters[0]);
                String filePath = exchange.query("path");
                byte[] content = simulator.file(execution, filePath);
                String name = filePath.substring(filePath.lastIndexOf('/') + 1);
                exchange.response
                        .getHeaders()
                        .put(
                                HttpHeader.CONTENT_DISPOSITION,
                                "attachment; filename=\"" + name.replace("\"", "") + "\"");
                exchange.send(200, "application/octet-stream", content);
            }
            case FILE_METAS -> {
                ExecutionRecord execution = simulator.execution(parameters[0]);
                byte[] content = simulator.file(execution, exchange.query("path"));
                exchange.sendJson(
                        200,
                        simulator.json().createObjectNode().put("size", (long) content.length));
            }
        }
    }

    /**
     * Searches executions by namespace, flow id and labels, read in the 1.x form {@code
     * filters[labels][EQUALS][key]=value} or the older {@code labels=key:value}.
     */
    private ObjectNode search(Exchange exchange) throws ApiException {
        String namespace =
                firstNonNull(
                        exchange.query("filters[namespace][EQUALS]"), exchange.query("namespace"));
        String flowId =
                firstNonNull(exchange.query("filters[flowId][EQUALS]"), exchange.query("flowId"));
        Map<String, String> labels = new LinkedHashMap<>();
        for (ExecutionRecord.Label label : Labels.parse(exchange.queryValues("labels"))) {
            labels.put(label.key(), label.value());
        }
        for (Fields.Field field : exchange.queryFields()) {
            String name = field.getName();
            if (name.startsWith(LABEL_FILTER) && name.endsWith("]")) {
                labels.put(
                        name.substring(LABEL_FILTER.length(), name.length() - 1), field.getValue());
            }
        }
        int page = positive(exchange.query("page"), 1, "page");
        int size = positive(exchange.query("size"), 10, "size");
        return simulator.search(namespace, flowId, labels, page, size);
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    private static int positive(String value, int fallback, String name) throws ApiException {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the parameter's name.
        }
        throw new ApiException(400, "Bad Request: '" + name + "' must be a positive integer");
    }

    /**
     * Blocks until the execution ends, as Kestra's {@code wait=true} does; a pause keeps waiting.
     */
    private void awaitFinished(ExecutionRecord execution) throws InterruptedException {
        long version = execution.version();
        while (!execution.isFinished() && !simulator.isClosed()) {
            version = execution.awaitChange(version, WAIT_MILLIS);
        }
    }

    /**
     * Follows an id that names no execution as Kestra 0.21 and later do: {@code start}, then the
     * stream closes without {@code end} once Kestra's 10 s lookup (scaled by the speed) gives up.
     */
    private void followMissing(String id, Exchange exchange) throws Exception {
        EventStream stream = exchange.openStream(-1);
        if (!stream.send("start", simulator.json().createObjectNode().put("id", id))) {
            return;
        }
        Thread.sleep(simulator.scaledMillis(Duration.ofSeconds(10)));
        LOG.info("Closing the follow stream of unknown execution {} without an end frame", id);
        stream.close();
    }

    private void followExecution(ExecutionRecord execution, Exchange exchange) throws Exception {
        int limit = simulator.faults().followFrameLimit();
        EventStream stream = exchange.openStream(limit);
        ObjectNode stub = simulator.json().createObjectNode().put("id", execution.id());
        if (!stream.send("start", stub)) {
            return;
        }
        long version = -1;
        while (!simulator.isClosed() && stream.isOpen()) {
            long current = execution.version();
            if (current != version) {
                version = current;
                boolean finished = execution.isFinished();
                if (!stream.send(
                        finished ? "end" : "progress", execution.toJson(simulator.json()))) {
                    return;
                }
                if (finished) {
                    stream.close();
                    return;
                }
            }
            execution.awaitChange(version, WAIT_MILLIS);
        }
        stream.close();
    }

    private void followLogs(ExecutionRecord execution, Exchange exchange) throws Exception {
        EventStream stream = exchange.openStream(-1);
        ObjectNode stub = simulator.json().createObjectNode();
        if (!stream.send("start", stub)) {
            return;
        }
        int sent = 0;
        // Kestra never ends this stream; the client closes it when the execution ends.
        while (!simulator.isClosed() && stream.isOpen()) {
            long version = execution.version();
            List<LogRecord> all = execution.logs();
            for (int i = sent; i < all.size(); i++) {
                if (matches(all.get(i), exchange)
                        && !stream.send("progress", logJson(execution, all.get(i)))) {
                    return;
                }
            }
            sent = all.size();
            execution.awaitChange(version, WAIT_MILLIS);
        }
        stream.close();
    }

    private static List<LogRecord> filteredLogs(
            ExecutionRecord execution, Exchange exchange, int from) {
        List<LogRecord> all = execution.logs();
        List<LogRecord> kept = new ArrayList<>();
        for (int i = from; i < all.size(); i++) {
            if (matches(all.get(i), exchange)) {
                kept.add(all.get(i));
            }
        }
        return kept;
    }

    private static boolean matches(LogRecord log, Exchange exchange) {
        String taskId = exchange.query("taskId");
        String taskRunId = exchange.query("taskRunId");
        return log.atLeast(exchange.query("minLevel"))
                && (taskId == null || taskId.equals(log.taskId()))
                && (taskRunId == null || taskRunId.equals(log.taskRunId()));
    }

    private ObjectNode logJson(ExecutionRecord execution, LogRecord log) {
        ObjectNode json = simulator.json().createObjectNode();
        json.put("namespace", execution.flow().namespace());
        json.put("flowId", execution.flow().id());
        if (log.taskId() != null) {
            json.put("taskId", log.taskId());
            json.put("taskRunId", log.taskRunId());
            json.put("attemptNumber", 0);
        }
        json.put("executionId", execution.id());
        json.put("timestamp", log.timestamp().toString());
        json.put("level", log.level());
        json.put("thread", "flowfront-simulator");
        json.put("message", log.message());
        json.put("deleted", false);
        return json;
    }

    /** One request and the helpers that answer it, reporting each answer to the listener. */
    private final class Exchange {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final String path;
        private Fields query;

        Exchange(Request request, Response response, Callback callback, String path) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.path = path;
        }

        Fields queryFields() {
            if (query == null) {
                query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            }
            return query;
        }

        String query(String name) {
            Fields.Field field = queryFields().get(name);
            return field == null ? null : field.getValue();
        }

        List<String> queryValues(String name) {
            Fields.Field field = queryFields().get(name);
            return field == null ? List.of() : field.getValues();
        }

        /**
         * Reads the multipart body; a request without a body type has no parts. Kestra's create and
         * resume endpoints take multipart only, so a JSON or url-encoded body is refused with its
         * 415 rather than read as empty, which would hide the client's mistake.
         */
        Map<String, InputValue> parts() throws ApiException {
            String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            Map<String, InputValue> values = new LinkedHashMap<>();
            if (contentType == null) {
                return values;
            }
            if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                throw new ApiException(
                        415,
                        "Unsupported Media Type: Content-Type must be multipart/form-data, not "
                                + contentType);
            }
            MultiPartFormData.Parts parts;
            try {
                parts = MultiPartFormData.getParts(request, request, contentType, multipartConfig);
            } catch (RuntimeException e) {
                throw new ApiException(
                        400, "Bad Request: invalid multipart body: " + e.getMessage());
            }
            for (MultiPart.Part part : parts) {
                // Kestra 0.23 and older name the input in the file name of a part called "files".
                boolean oldStyle = "files".equals(part.getName()) && part.getFileName() != null;
                String name = oldStyle ? part.getFileName() : part.getName();
                if (part.getFileName() != null) {
                    values.put(
                            name,
                            InputValue.file(oldStyle ? null : part.getFileName(), readAll(part)));
                } else {
                    values.put(
                            name, InputValue.text(part.getContentAsString(StandardCharsets.UTF_8)));
                }
            }
            return values;
        }

        private byte[] readAll(MultiPart.Part part) throws ApiException {
            try (InputStream in = Content.Source.asInputStream(part.createContentSource())) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new ApiException(
                        400, "Bad Request: cannot read the file part " + part.getName());
            }
        }

        void sendJson(int status, JsonNode body) throws JsonProcessingException {
            send(status, "application/json", simulator.json().writeValueAsBytes(body));
        }

        /** Sends Kestra's error body: a message and a link to the request. */
        void sendError(int status, String message) {
            ObjectNode body = simulator.json().createObjectNode();
            body.put("message", message);
            body.putObject("_links").putObject("self").put("href", path).put("templated", false);
            try {
                sendJson(status, body);
            } catch (JsonProcessingException e) {
                callback.failed(e);
            }
        }

        void sendEmpty(int status) {
            response.setStatus(status);
            record(status, null, new byte[0]);
            callback.succeeded();
        }

        void send(int status, String contentType, byte[] body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            record(status, contentType, body);
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        private void record(int status, String contentType, byte[] body) {
            record(status, contentType, body, null);
        }

        private void record(int status, String contentType, byte[] body, String eventId) {
            Map<String, String> params = new HashMap<>();
            for (Fields.Field field : queryFields()) {
                params.put(field.getName(), field.getValue());
            }
            Map<String, String> headers = new HashMap<>();
            for (HttpField field : response.getHeaders()) {
                headers.put(field.getName(), field.getValue());
            }
            listener.accept(
                    new ApiExchange(
                            request.getMethod(),
                            path,
                            params,
                            status,
                            headers,
                            contentType,
                            body,
                            eventId));
        }

        EventStream openStream(int frameLimit) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            record(200, "text/event-stream", null);
            return new EventStream(response, callback, frameLimit, this);
        }
    }

    /**
     * Writes event-stream frames with an {@code id:} and a JSON {@code data:} line, as Kestra does.
     */
    private final class EventStream {
        private final Response response;
        private final Callback callback;
        private final int frameLimit;
        private final Exchange exchange;
        private int frames;
        private long lastFrameMillis = System.currentTimeMillis();

        EventStream(Response response, Callback callback, int frameLimit, Exchange exchange) {
            this.response = response;
            this.callback = callback;
            this.frameLimit = frameLimit;
            this.exchange = exchange;
        }

        /**
         * Sends one frame and returns false when the client went away. When the injected frame
         * limit is reached, it drops the connection right after the frame and returns false too.
         */
        boolean send(String id, JsonNode data) throws JsonProcessingException {
            String frame =
                    "id: " + id + "\ndata: " + simulator.json().writeValueAsString(data) + "\n\n";
            try (Blocker.Callback blocker = Blocker.callback()) {
                response.write(
                        false, ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)), blocker);
                blocker.block();
            } catch (IOException e) {
                LOG.debug("Event stream closed by the client: {}", e.getMessage());
                callback.failed(e);
                return false;
            }
            exchange.record(200, "text/event-stream", simulator.json().writeValueAsBytes(data), id);
            frames++;
            lastFrameMillis = System.currentTimeMillis();
            if (frameLimit >= 0 && frames >= frameLimit) {
                LOG.info(
                        "Dropping the event stream after {} frames, as the injected fault asks",
                        frames);
                callback.failed(new IOException("Event stream dropped by an injected fault"));
                return false;
            }
            return true;
        }

        /**
         * Tests whether the client is still connected and the stream was not idle longer than
         * Kestra's one-hour timeout.
         *
         * <p>NOTE: the server notices a client that left only when it writes the next frame,
         * because, like Kestra, it sends no heartbeat. Until then the stream keeps its thread.
         */
        boolean isOpen() {
            boolean idle = System.currentTimeMillis() - lastFrameMillis > IDLE_TIMEOUT.toMillis();
            return !idle
                    && response.getRequest()
                            .getConnectionMetaData()
                            .getConnection()
                            .getEndPoint()
                            .isOpen();
        }

        void close() {
            response.write(true, null, callback);
        }
    }
}
