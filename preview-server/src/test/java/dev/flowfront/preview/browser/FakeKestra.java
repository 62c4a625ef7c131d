package dev.flowfront.preview.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Route;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted Kestra responding to the page's API calls through Playwright routing, for failures the
 * preview server's simulator cannot produce on cue (a given number of 503s, a 422 on one input, a
 * 401). The test moves executions between states itself; the page sees each change through its
 * event stream, which this fake closes after every response so that the runtime reconnects.
 */
final class FakeKestra {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One part of a multipart body, as the page sent it. */
    record Part(String name, String fileName, String value) {}

    /** A scripted response: status, optional JSON message and optional Retry-After header. */
    record Fault(int status, String message, String retryAfter) {}

    private final String flowPath;
    private final Map<String, Map<String, Object>> executions = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> logs = new LinkedHashMap<>();
    private final List<List<Part>> createBodies = new ArrayList<>();
    private final List<List<Part>> resumeBodies = new ArrayList<>();
    private final List<String> createQueries = new ArrayList<>();
    private final Deque<Fault> createFaults = new ArrayDeque<>();
    private final Deque<Fault> resumeFaults = new ArrayDeque<>();
    private final Deque<Fault> getFaults = new ArrayDeque<>();
    private final List<String> authorizations = new ArrayList<>();
    private String requiredAuthorization;
    private boolean streamsBroken;
    private final Map<String, Part> validateRules = new LinkedHashMap<>();
    private int validateCalls;
    private int followCalls;
    private int getCalls;
    private int createCalls;
    private int sequence;

    FakeKestra(String namespace, String flowId) {
        this.flowPath = "/executions/" + namespace + "/" + flowId;
    }

    /** Responds to every {@code /api/v1/} call of the context's pages. */
    void install(BrowserContext context) {
        context.route(url -> url.contains("/api/v1/"), this::handle);
    }

    // ---- scripting -----------------------------------------------------------------------

    synchronized void failCreates(Fault... faults) {
        createFaults.addAll(List.of(faults));
    }

    synchronized void failResumes(Fault... faults) {
        resumeFaults.addAll(List.of(faults));
    }

    synchronized void failGets(Fault... faults) {
        getFaults.addAll(List.of(faults));
    }

    /** Responds with 401 to calls without this exact Authorization header. */
    synchronized void requireAuthorization(String header) {
        requiredAuthorization = header;
    }

    /**
     * Makes the validate endpoint report {@code inputId} enabled only while the request has a part
     * named {@code partName} with {@code value}, as Kestra does for a server-side dependsOn.
     */
    synchronized void enableWhen(String inputId, String partName, String value) {
        validateRules.put(inputId, new Part(partName, null, value));
    }

    synchronized int validateCalls() {
        return validateCalls;
    }

    /** Responds with 503 to every event stream request, so the page has to poll. */
    synchronized void breakStreams() {
        streamsBroken = true;
    }

    synchronized int followCalls() {
        return followCalls;
    }

    synchronized int getCalls() {
        return getCalls;
    }

    synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    synchronized int createCalls() {
        return createCalls;
    }

    synchronized int executionCount() {
        return executions.size();
    }

    synchronized List<Part> lastCreateBody() {
        return createBodies.get(createBodies.size() - 1);
    }

    synchronized String lastCreateQuery() {
        return createQueries.get(createQueries.size() - 1);
    }

    synchronized List<Part> lastResumeBody() {
        return resumeBodies.get(resumeBodies.size() - 1);
    }

    synchronized String lastExecutionId() {
        return executions.keySet().stream().reduce((first, second) -> second).orElseThrow();
    }

    /** Moves an execution to a Kestra state, adding it to the state history. */
    @SuppressWarnings("unchecked")
    synchronized void moveTo(String executionId, String kestraState) {
        Map<String, Object> state = (Map<String, Object>) executions.get(executionId).get("state");
        state.put("current", kestraState);
        ((List<Object>) state.get("histories"))
                .add(Map.of("state", kestraState, "date", Instant.now().toString()));
    }

    /** Pauses the execution at the given task, as a Pause task does. */
    @SuppressWarnings("unchecked")
    synchronized void pauseAt(String executionId, String taskId) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", "run-" + taskId);
        run.put("taskId", taskId);
        run.put("state", new LinkedHashMap<>(Map.of("current", "PAUSED")));
        run.put("outputs", new LinkedHashMap<>());
        ((List<Object>) executions.get(executionId).get("taskRunList")).add(run);
        moveTo(executionId, "PAUSED");
    }

    synchronized void setOutputs(String executionId, Map<String, Object> outputs) {
        executions.get(executionId).put("outputs", outputs);
    }

    synchronized void log(String executionId, String level, String taskId, String message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("namespace", "company.team");
        entry.put("executionId", executionId);
        entry.put("taskId", taskId);
        entry.put("timestamp", Instant.now().toString());
        entry.put("level", level);
        entry.put("message", message);
        logs.computeIfAbsent(executionId, id -> new ArrayList<>()).add(entry);
    }

    // ---- responding ----------------------------------------------------------------------

    private synchronized void handle(Route route) {
        URI uri = URI.create(route.request().url());
        String method = route.request().method();
        String path = uri.getPath().replaceFirst("^/api/v1/main", "");
        String authorization = route.request().headers().get("authorization");
        authorizations.add(authorization == null ? "" : authorization);
        if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
            fulfill(route, 401, "application/json", json(Map.of("message", "Unauthorized")));
            return;
        }
        if (method.equals("POST") && path.equals(flowPath)) {
            create(route, uri);
        } else if (method.equals("POST") && path.equals(flowPath + "/validate")) {
            validate(route);
        } else if (path.startsWith("/executions/")) {
            execution(route, method, path.substring("/executions/".length()));
        } else if (method.equals("GET") && path.startsWith("/logs/")) {
            logs(route, path.substring("/logs/".length()));
        } else {
            fulfill(route, 404, "application/json", json(Map.of("message", "Not found: " + path)));
        }
    }

    private void create(Route route, URI uri) {
        createCalls++;
        if (respondWithFault(route, createFaults)) {
            return;
        }
        List<Part> parts = parts(route);
        createBodies.add(parts);
        createQueries.add(uri.getRawQuery());
        String id = "exec" + (++sequence);
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Part part : parts) {
            inputs.put(
                    part.name(),
                    part.fileName() != null ? "kestra:///inputs/" + part.fileName() : part.value());
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("current", "CREATED");
        List<Object> histories = new ArrayList<>();
        histories.add(Map.of("state", "CREATED", "date", Instant.now().toString()));
        state.put("histories", histories);
        state.put("startDate", Instant.now().toString());
        Map<String, Object> execution = new LinkedHashMap<>();
        execution.put("id", id);
        execution.put("namespace", "company.team");
        execution.put("flowId", flowPath.substring(flowPath.lastIndexOf('/') + 1));
        execution.put("state", state);
        execution.put("inputs", inputs);
        execution.put("taskRunList", new ArrayList<>());
        execution.put(
                "labels", List.of(Map.of("key", "app", "value", "compute_resources_approval")));
        executions.put(id, execution);
        fulfill(route, 200, "application/json", json(execution));
    }

    private void validate(Route route) {
        validateCalls++;
        List<Part> parts = parts(route);
        List<Object> inputs = new ArrayList<>();
        validateRules.forEach(
                (inputId, rule) -> {
                    boolean enabled =
                            parts.stream()
                                    .anyMatch(
                                            part ->
                                                    part.name().equals(rule.name())
                                                            && part.value().equals(rule.value()));
                    inputs.add(
                            Map.of(
                                    "input", Map.of("id", inputId, "type", "SELECT"),
                                    "enabled", enabled,
                                    "errors", List.of()));
                });
        fulfill(route, 200, "application/json", json(Map.of("inputs", inputs)));
    }

    @SuppressWarnings("unchecked")
    private void execution(Route route, String method, String rest) {
        String[] segments = rest.split("/", 2);
        Map<String, Object> execution = executions.get(segments[0]);
        if (execution == null) {
            fulfill(route, 404, "application/json", json(Map.of("message", "Execution not found")));
            return;
        }
        String action = segments.length > 1 ? segments[1] : "";
        String current = (String) ((Map<String, Object>) execution.get("state")).get("current");
        switch (method + " " + action) {
            case "GET " -> {
                getCalls++;
                if (!respondWithFault(route, getFaults)) {
                    fulfill(route, 200, "application/json", json(execution));
                }
            }
            case "GET follow" -> {
                followCalls++;
                if (streamsBroken) {
                    fulfill(route, 503, "application/json", json(Map.of("message", "Unavailable")));
                    return;
                }
                String frame = json(execution);
                String body =
                        "id: start\ndata: {\"id\":\""
                                + segments[0]
                                + "\"}\n\n"
                                + "id: progress\ndata: "
                                + frame
                                + "\n\n";
                if (List.of("SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED")
                        .contains(current)) {
                    body += "id: end\ndata: " + frame + "\n\n";
                }
                fulfill(route, 200, "text/event-stream", body);
            }
            case "POST resume" -> {
                if (respondWithFault(route, resumeFaults)) {
                    return;
                }
                if (!current.equals("PAUSED")) {
                    fulfill(
                            route,
                            409,
                            "application/json",
                            json(
                                    Map.of(
                                            "message",
                                            "Execution '"
                                                    + segments[0]
                                                    + "' is not paused, can't resume it")));
                    return;
                }
                List<Part> parts = parts(route);
                resumeBodies.add(parts);
                for (Object run : (List<Object>) execution.get("taskRunList")) {
                    Map<String, Object> taskRun = (Map<String, Object>) run;
                    Map<String, Object> runState = (Map<String, Object>) taskRun.get("state");
                    if ("PAUSED".equals(runState.get("current"))) {
                        runState.put("current", "SUCCESS");
                        Map<String, Object> onResume = new LinkedHashMap<>();
                        parts.forEach(part -> onResume.put(part.name(), part.value()));
                        ((Map<String, Object>) taskRun.get("outputs")).put("onResume", onResume);
                    }
                }
                moveTo(segments[0], "RUNNING");
                fulfill(route, 204, null, "");
            }
            case "DELETE kill" -> {
                moveTo(segments[0], "KILLING");
                fulfill(route, 202, null, "");
            }
            default -> {
                if (action.startsWith("file")) {
                    route.fulfill(
                            new Route.FulfillOptions()
                                    .setStatus(200)
                                    .setHeaders(
                                            Map.of(
                                                    "Content-Type",
                                                    "application/octet-stream",
                                                    "Content-Disposition",
                                                    "attachment; filename=\"catalog.ion\""))
                                    .setBody("{name:\"vm\"}"));
                } else {
                    fulfill(route, 404, "application/json", json(Map.of("message", "Not found")));
                }
            }
        }
    }

    private void logs(Route route, String rest) {
        String[] segments = rest.split("/", 2);
        List<Map<String, Object>> entries = logs.getOrDefault(segments[0], List.of());
        if (segments.length > 1 && segments[1].equals("follow")) {
            StringBuilder body = new StringBuilder("id: start\ndata: {}\n\n");
            for (Map<String, Object> entry : entries) {
                body.append("id: progress\ndata: ").append(json(entry)).append("\n\n");
            }
            fulfill(route, 200, "text/event-stream", body.toString());
        } else {
            fulfill(route, 200, "application/json", json(entries));
        }
    }

    private boolean respondWithFault(Route route, Deque<Fault> faults) {
        Fault fault = faults.poll();
        if (fault == null) {
            return false;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (fault.retryAfter() != null) {
            headers.put("Retry-After", fault.retryAfter());
        }
        route.fulfill(
                new Route.FulfillOptions()
                        .setStatus(fault.status())
                        .setHeaders(headers)
                        .setBody(
                                json(
                                        Map.of(
                                                "message",
                                                fault.message() == null
                                                        ? "Failure"
                                                        : fault.message()))));
        return true;
    }

    private static final Pattern PART =
            Pattern.compile(
                    "Content-Disposition: form-data; name=\"([^\"]+)\"(?:; filename=\"([^\"]*)\")?\r\n"
                            + "(?:Content-Type: [^\r\n]*\r\n)?\r\n(.*?)\r\n--",
                    Pattern.DOTALL);

    /** Lists the parts of a multipart body; file contents are read as text. */
    private static List<Part> parts(Route route) {
        byte[] body = route.request().postDataBuffer();
        List<Part> parts = new ArrayList<>();
        if (body == null) {
            return parts;
        }
        Matcher matcher = PART.matcher(new String(body, StandardCharsets.UTF_8));
        while (matcher.find()) {
            parts.add(new Part(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return parts;
    }

    private static void fulfill(Route route, int status, String type, String body) {
        Route.FulfillOptions options = new Route.FulfillOptions().setStatus(status).setBody(body);
        if (type != null) {
            options.setContentType(type);
        }
        route.fulfill(options);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
