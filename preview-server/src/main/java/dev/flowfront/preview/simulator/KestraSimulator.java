package dev.flowfront.preview.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.definition.TaskDefinition;
import dev.flowfront.generator.load.FlowLoader;
import dev.flowfront.generator.load.SourceFile;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlReader;
import dev.flowfront.generator.yaml.YamlScalar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kestra server simulated in memory: it stores executions, plays their flows on background
 * threads and serves the operations of the execution API. The HTTP layer ({@code ApiHandler}) maps
 * requests to these methods; tests reach {@link #faults()} through the preview server.
 *
 * <p>Thread-safe.
 */
public final class KestraSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KestraSimulator.class);

    private final Map<String, FlowDefinition> flows;
    private final Map<String, ExecutionRecord> executions = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final FileStore files = new FileStore();
    private final Fixtures fixtures;
    private final ExpressionRenderer renderer;
    private final InputResolver inputs;
    private final Faults faults = new Faults();
    private final ExecutorService executor;
    private final double speed;
    private volatile String baseUrl = "http://127.0.0.1/";

    /**
     * Creates a simulator.
     *
     * @param flows the flows it can run
     * @param fixtures a folder of fixture files, or null
     * @param speed how much faster than real time tasks, sleeps and pauses run (1 is real time)
     * @param secrets values {@code secret()} returns
     * @throws IllegalArgumentException when the speed is not positive or a fixture file is invalid
     */
    public KestraSimulator(
            List<FlowDefinition> flows, Path fixtures, double speed, Map<String, String> secrets) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be more than 0, not " + speed);
        }
        this.flows = new LinkedHashMap<>();
        flows.forEach(flow -> this.flows.put(flow.qualifiedId(), flow));
        this.fixtures = fixtures == null ? Fixtures.empty() : Fixtures.load(fixtures, yaml);
        this.speed = speed;
        this.renderer = new ExpressionRenderer(json, secrets, this::appLink);
        this.inputs = new InputResolver(renderer, json, yaml, files);
        AtomicInteger threads = new AtomicInteger();
        this.executor =
                Executors.newCachedThreadPool(
                        runnable -> {
                            Thread thread =
                                    new Thread(
                                            runnable,
                                            "flowfront-simulator-" + threads.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /**
     * Loads every flow file below the folders.
     *
     * @throws IllegalArgumentException listing the problems when a flow cannot be read
     */
    public static List<FlowDefinition> loadFlows(List<Path> folders) {
        ProblemCollector problems = new ProblemCollector();
        FlowLoader loader = new FlowLoader(new YamlReader(), problems);
        List<FlowDefinition> flows = new ArrayList<>();
        for (SourceFile file : SourceFile.listYaml(folders)) {
            loader.load(file).ifPresent(flows::add);
        }
        if (problems.hasErrors()) {
            throw new IllegalArgumentException(
                    "Cannot read the flows:\n"
                            + problems.sorted().stream()
                                    .filter(Problem::isError)
                                    .map(Problem::format)
                                    .collect(Collectors.joining("\n")));
        }
        return flows;
    }

    /** Returns the faults and request counters of the simulated API. */
    public Faults faults() {
        return faults;
    }

    /** Sets the public URL of the server, used in the {@code url} of created executions. */
    public void baseUrl(String url) {
        this.baseUrl = url.endsWith("/") ? url : url + "/";
    }

    ObjectMapper json() {
        return json;
    }

    FileStore files() {
        return files;
    }

    String executionUrl(ExecutionRecord execution) {
        return baseUrl
                + "ui/main/executions/"
                + execution.flow().namespace()
                + "/"
                + execution.flow().id()
                + "/"
                + execution.id();
    }

    private String appLink(String executionId) {
        ExecutionRecord execution = executions.get(executionId);
        return execution == null ? baseUrl : executionUrl(execution);
    }

    FlowDefinition flow(String namespace, String flowId) throws ApiException {
        FlowDefinition flow = flows.get(namespace + "." + flowId);
        if (flow == null) {
            throw ApiException.notFound("Requested Flow is not found.");
        }
        return flow;
    }

    Optional<ExecutionRecord> findExecution(String id) {
        return Optional.ofNullable(executions.get(id));
    }

    /** Converts simulated time to real milliseconds with the speed factor. */
    long scaledMillis(Duration simulated) {
        return (long) (simulated.toMillis() / speed);
    }

    ExecutionRecord execution(String id) throws ApiException {
        ExecutionRecord execution = executions.get(id);
        if (execution == null) {
            throw ApiException.notFound("Execution '" + id + "' not found");
        }
        return execution;
    }

    /**
     * Finds executions like Kestra's search: each given filter must match, and results come newest
     * first, one page at a time.
     *
     * @param namespace the namespace, or null for any
     * @param flowId the flow id, or null for any
     * @param labels labels that must all be present with these values
     * @param page the page, from 1
     */
    ObjectNode search(
            String namespace, String flowId, Map<String, String> labels, int page, int size) {
        List<ExecutionRecord> found =
                executions.values().stream()
                        .filter(e -> namespace == null || e.flow().namespace().equals(namespace))
                        .filter(e -> flowId == null || e.flow().id().equals(flowId))
                        .filter(e -> hasLabels(e, labels))
                        .sorted(
                                Comparator.comparing(ExecutionRecord::created)
                                        .reversed()
                                        .thenComparing(ExecutionRecord::id))
                        .toList();
        ObjectNode body = json.createObjectNode();
        ArrayNode results = body.putArray("results");
        found.stream()
                .skip((long) (page - 1) * size)
                .limit(size)
                .forEach(execution -> results.add(execution.toJson(json)));
        body.put("total", found.size());
        return body;
    }

    private static boolean hasLabels(ExecutionRecord execution, Map<String, String> labels) {
        return labels.entrySet().stream()
                .allMatch(
                        wanted ->
                                execution.labels().stream()
                                        .anyMatch(
                                                label ->
                                                        label.key().equals(wanted.getKey())
                                                                && label.value()
                                                                        .equals(
                                                                                wanted
                                                                                        .getValue())));
    }

    /** Creates an execution and starts playing it. */
    ExecutionRecord create(
            String namespace, String flowId, Map<String, InputValue> parts, List<String> labels)
            throws ApiException {
        FlowDefinition flow = flow(namespace, flowId);
        List<ExecutionRecord.Label> parsedLabels = Labels.parse(labels);
        ExecutionRecord execution = new ExecutionRecord(flow, parsedLabels);
        Map<String, Object> context =
                Map.of("flow", Map.of("id", flow.id(), "namespace", flow.namespace()));
        // Files are stored only once every input is valid.
        firstError(inputs.resolve(flow.inputs(), parts, context, execution.storagePrefix(), false));
        List<ResolvedInput> resolved =
                inputs.resolve(flow.inputs(), parts, context, execution.storagePrefix(), true);
        execution.setInputs(InputResolver.nest(resolved));
        executions.put(execution.id(), execution);
        executor.execute(
                new FlowPlayer(execution, renderer, files, fixtures, json, executor, speed));
        LOG.info("Created execution {} of flow {}", execution.id(), flow.qualifiedId());
        return execution;
    }

    /** Resolves inputs without creating an execution, as Kestra's validate endpoint. */
    ObjectNode validateCreate(
            String namespace, String flowId, Map<String, InputValue> parts, List<String> labels)
            throws ApiException {
        FlowDefinition flow = flow(namespace, flowId);
        Labels.parse(labels);
        ExecutionRecord probe = new ExecutionRecord(flow, List.of());
        List<ResolvedInput> resolved =
                inputs.resolve(
                        flow.inputs(),
                        parts,
                        Map.of("flow", Map.of("id", flow.id(), "namespace", flow.namespace())),
                        probe.storagePrefix(),
                        false);
        ObjectNode body = validationJson(flow, resolved);
        body.putArray("checks");
        return body;
    }

    /** Resumes a paused execution with its pause task's {@code onResume} inputs. */
    void resume(String id, Map<String, InputValue> parts) throws ApiException {
        ExecutionRecord execution = execution(id);
        TaskRunRecord paused = pausedTaskRun(execution);
        List<ResolvedInput> resolved =
                inputs.resolve(
                        FlowPlayer.onResumeInputs(execution, paused.taskId),
                        parts,
                        FlowPlayer.baseContext(execution),
                        execution.storagePrefix(),
                        true);
        firstError(resolved);
        if (!execution.resume(InputResolver.nest(resolved))) {
            throw notPaused(id);
        }
        LOG.info("Resumed execution {}", id);
    }

    ObjectNode validateResume(String id, Map<String, InputValue> parts) throws ApiException {
        ExecutionRecord execution = execution(id);
        TaskRunRecord paused = pausedTaskRun(execution);
        List<ResolvedInput> resolved =
                inputs.resolve(
                        FlowPlayer.onResumeInputs(execution, paused.taskId),
                        parts,
                        FlowPlayer.baseContext(execution),
                        execution.storagePrefix(),
                        false);
        ObjectNode body = validationJson(execution.flow(), resolved);
        body.putArray("checks");
        return body;
    }

    private static TaskRunRecord pausedTaskRun(ExecutionRecord execution) throws ApiException {
        if (execution.state() != StateType.PAUSED) {
            throw notPaused(execution.id());
        }
        return execution.pausedTaskRun().orElseThrow(() -> notPaused(execution.id()));
    }

    private static ApiException notPaused(String id) {
        return new ApiException(409, "Execution '" + id + "' is not paused, can't resume it");
    }

    /**
     * Requests a kill. A finished execution is left as it is, which is a 409 only without the
     * cascade, as in Kestra.
     */
    void kill(String id, boolean cascade) throws ApiException {
        ExecutionRecord execution = execution(id);
        if (execution.requestKill()) {
            LOG.info("Killing execution {}", id);
        } else if (!cascade) {
            throw new ApiException(409, "Execution '" + id + "' is already terminated");
        }
    }

    private static void firstError(List<ResolvedInput> resolved) throws ApiException {
        for (ResolvedInput input : resolved) {
            if (!input.errors().isEmpty()) {
                throw new ApiException(422, "Invalid entity: " + input.errors().get(0));
            }
        }
    }

    private ObjectNode validationJson(FlowDefinition flow, List<ResolvedInput> resolved) {
        ObjectNode body = json.createObjectNode();
        body.put("id", flow.id());
        body.put("namespace", flow.namespace());
        ArrayNode list = body.putArray("inputs");
        for (ResolvedInput input : resolved) {
            ObjectNode item = list.addObject();
            ObjectNode definition = inputJson(input.definition());
            if (input.definition().expression() != null) {
                // Kestra returns the values the expression rendered to.
                ArrayNode values = definition.putArray("values");
                input.definition().values().forEach(values::add);
            }
            item.set("input", definition);
            if (input.value() != null) {
                item.set("value", json.valueToTree(input.value()));
            }
            item.put("enabled", input.enabled());
            item.put("isDefault", input.isDefault());
            ArrayNode errors = item.putArray("errors");
            input.errors().forEach(message -> errors.addObject().put("message", message));
        }
        return body;
    }

    /**
     * Serializes an input definition as Kestra 1.x does: {@code defaults} and {@code prefill} as
     * text.
     */
    ObjectNode inputJson(InputDefinition input) {
        ObjectNode node = (ObjectNode) typedJson(input.source());
        for (String key : List.of("defaults", "prefill")) {
            if (node.has(key) && !node.get(key).isTextual()) {
                node.put(key, node.get(key).toString());
            }
        }
        if (!node.has("id") && input.id() != null) {
            node.put("id", input.id());
        }
        node.remove("name");
        if (!node.has("required")) {
            node.put("required", input.required());
        }
        return node;
    }

    /**
     * Converts YAML to JSON with the types YAML 1.2 gives scalars: booleans and numbers stay typed.
     */
    private JsonNode typedJson(YamlNode node) {
        if (node instanceof YamlScalar scalar) {
            return switch (scalar.kind()) {
                case NULL -> json.nullNode();
                case BOOLEAN -> json.getNodeFactory().booleanNode(scalar.asBoolean());
                case INTEGER, FLOAT -> numberOrText(scalar.text());
                case STRING -> json.getNodeFactory().textNode(scalar.text());
            };
        }
        if (node instanceof YamlList list) {
            ArrayNode array = json.createArrayNode();
            list.items().forEach(item -> array.add(typedJson(item)));
            return array;
        }
        ObjectNode object = json.createObjectNode();
        ((YamlMap) node).entries().forEach((key, value) -> object.set(key, typedJson(value)));
        return object;
    }

    private JsonNode numberOrText(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    /**
     * Builds Kestra's {@code FlowForExecution}: inputs, outputs and the task tree with onResume
     * inputs.
     */
    ObjectNode flowForExecution(FlowDefinition flow) {
        ObjectNode body = json.createObjectNode();
        body.put("id", flow.id());
        body.put("namespace", flow.namespace());
        body.put("revision", 1);
        flow.source()
                .get("description")
                .map(InputResolver::plain)
                .ifPresent(description -> body.put("description", description.toString()));
        ArrayNode inputList = body.putArray("inputs");
        flow.inputs().forEach(input -> inputList.add(inputJson(input)));
        ArrayNode outputList = body.putArray("outputs");
        flow.outputs()
                .forEach(
                        output -> {
                            ObjectNode item = outputList.addObject();
                            item.put("id", output.id());
                            item.put("type", output.type());
                            if (output.value() != null) {
                                item.put("value", output.value());
                            }
                            if (output.displayName() != null) {
                                item.put("displayName", output.displayName());
                            }
                        });
        flow.source()
                .get("labels")
                .map(InputResolver::plain)
                .ifPresent(labels -> body.set("labels", json.valueToTree(labels)));
        body.put("disabled", false);
        body.put("deleted", false);
        body.set("tasks", tasksJson(flow.tasks()));
        if (!flow.errors().isEmpty()) {
            body.set("errors", tasksJson(flow.errors()));
        }
        if (!flow.finallyTasks().isEmpty()) {
            body.set("finally", tasksJson(flow.finallyTasks()));
        }
        return body;
    }

    private ArrayNode tasksJson(List<TaskDefinition> tasks) {
        ArrayNode list = json.createArrayNode();
        for (TaskDefinition task : tasks) {
            ObjectNode item = list.addObject();
            item.put("id", task.id());
            item.put("type", task.type());
            List<TaskDefinition> children = new ArrayList<>();
            task.branches().values().forEach(children::addAll);
            if (!children.isEmpty()) {
                item.set("tasks", tasksJson(children));
            }
            if (!task.onResume().isEmpty()) {
                ArrayNode inputList = item.putArray("inputs");
                task.onResume().forEach(input -> inputList.add(inputJson(input)));
            }
        }
        return list;
    }

    /** Returns a file of the execution; 422 when the path is outside the execution's storage. */
    byte[] file(ExecutionRecord execution, String path) throws ApiException {
        if (path == null || !path.startsWith(execution.storagePrefix())) {
            throw new ApiException(422, "Invalid prefix path");
        }
        return files.get(path).orElseThrow(() -> ApiException.notFound("File not found: " + path));
    }

    /** Stops playing executions; blocked follow streams end within a second. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Simulator threads did not stop within 5 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isClosed() {
        return executor.isShutdown();
    }

    /** Gives tests the ids of executions created so far. */
    public List<String> executionIds() {
        return List.copyOf(executions.keySet());
    }
}
