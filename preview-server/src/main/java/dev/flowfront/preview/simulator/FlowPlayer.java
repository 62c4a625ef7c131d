package dev.flowfront.preview.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.definition.OutputDefinition;
import dev.flowfront.generator.definition.TaskDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays one execution of a flow on a background thread: Log, Return, OutputValues, Fail, Sleep,
 * Pause and HumanTask, the flowable tasks (Sequential, Parallel, If, Switch, ForEach), {@code
 * errors} and {@code finally} branches and the flow's {@code outputs}. Any other task type succeeds
 * with outputs from {@link Fixtures} or with generated ones, after its properties are rendered so
 * that a failing expression fails the task as it would in Kestra.
 */
final class FlowPlayer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FlowPlayer.class);

    /** Simulated time each task takes before the speed factor applies. */
    static final Duration TASK_DURATION = Duration.ofMillis(200);

    /** Keys of a task that hold tasks or metadata rather than properties to render. */
    private static final Set<String> STRUCTURAL_KEYS =
            Set.of(
                    "id",
                    "type",
                    "description",
                    "tasks",
                    "then",
                    "else",
                    "errors",
                    "finally",
                    "cases",
                    "defaults",
                    "afterExecution",
                    "onPause",
                    "onResume",
                    "allowFailure",
                    "disabled",
                    "timeout",
                    "retry",
                    "version",
                    "workerGroup",
                    "logLevel");

    private final ExecutionRecord execution;
    private final ExpressionRenderer renderer;
    private final FileStore files;
    private final Fixtures fixtures;
    private final ObjectMapper json;
    private final ExecutorService executor;
    private final double speed;

    /** Task outputs by task id; tasks inside ForEach nest them by iteration value. */
    private final Map<String, Object> outputs = new LinkedHashMap<>();

    FlowPlayer(
            ExecutionRecord execution,
            ExpressionRenderer renderer,
            FileStore files,
            Fixtures fixtures,
            ObjectMapper json,
            ExecutorService executor,
            double speed) {
        this.execution = execution;
        this.renderer = renderer;
        this.files = files;
        this.fixtures = fixtures;
        this.json = json;
        this.executor = executor;
        this.speed = speed;
    }

    @Override
    public void run() {
        try {
            play();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("Execution {} stopped because the simulator is shutting down", execution.id());
        } catch (RuntimeException e) {
            LOG.error("Execution {} failed in the simulator", execution.id(), e);
            execution.log(null, "ERROR", "Simulator error: " + e.getMessage());
            finish(StateType.FAILED);
        }
    }

    private void play() throws InterruptedException {
        pause(TASK_DURATION);
        if (execution.killRequested()) {
            finish(StateType.KILLED);
            return;
        }
        execution.changeState(StateType.RUNNING);
        var flow = execution.flow();
        StateType result = runList(flow.tasks(), null, null);
        if (result.isFailed()
                && result != StateType.KILLED
                && result != StateType.CANCELLED
                && !flow.errors().isEmpty()) {
            runList(flow.errors(), null, null);
        }
        if (!flow.finallyTasks().isEmpty() && result != StateType.KILLED) {
            StateType last = runList(flow.finallyTasks(), null, null);
            result = worst(result, last);
        }
        if (execution.killRequested()) {
            result = StateType.KILLED;
        }
        if (!result.isFailed()) {
            result = worst(result, computeOutputs());
        }
        finish(result);
    }

    private void finish(StateType result) {
        for (TaskRunRecord run : execution.activeTaskRuns()) {
            execution.changeState(run, StateType.KILLED);
        }
        execution.changeState(result);
    }

    private StateType computeOutputs() {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> context = context(null, null);
        for (OutputDefinition output : execution.flow().outputs()) {
            try {
                String rendered = renderer.render(output.value(), context);
                values.put(output.id(), typedOutput(output.type(), rendered));
            } catch (ExpressionException e) {
                execution.log(
                        null,
                        "ERROR",
                        "Failed to render output '" + output.id() + "': " + e.getMessage());
                return StateType.FAILED;
            }
        }
        if (!values.isEmpty()) {
            execution.setOutputs(values);
        }
        return StateType.SUCCESS;
    }

    private Object typedOutput(String type, String rendered) {
        if (rendered == null) {
            return null;
        }
        try {
            return switch (type.toUpperCase(Locale.ROOT)) {
                case "INT" -> Integer.valueOf(rendered.strip());
                case "FLOAT" -> Float.valueOf(rendered.strip());
                case "BOOL", "BOOLEAN" -> Boolean.valueOf(rendered.strip());
                case "JSON", "ARRAY", "MULTISELECT" -> json.readValue(rendered, Object.class);
                default -> rendered;
            };
        } catch (NumberFormatException | JsonProcessingException e) {
            return rendered;
        }
    }

    /** Runs tasks one after another and stops at the first failure. */
    private StateType runList(List<TaskDefinition> tasks, TaskRunRecord parent, String value)
            throws InterruptedException {
        StateType result = StateType.SUCCESS;
        for (TaskDefinition task : tasks) {
            if (isDisabled(task)) {
                continue;
            }
            StateType state = runTask(task, parent, value);
            result = worst(result, state);
            if (state.isFailed()) {
                return state;
            }
        }
        return result;
    }

    private static boolean isDisabled(TaskDefinition task) {
        return task.source()
                .get("disabled")
                .map(node -> "true".equals(InputResolver.plain(node)))
                .orElse(false);
    }

    private StateType runTask(TaskDefinition task, TaskRunRecord parent, String value)
            throws InterruptedException {
        TaskRunRecord run =
                execution.addTaskRun(task.id(), parent == null ? null : parent.id, value);
        if (execution.killRequested()) {
            execution.changeState(run, StateType.KILLED);
            return StateType.KILLED;
        }
        execution.changeState(run, StateType.RUNNING);
        StateType state;
        try {
            state = execute(task, run, value);
        } catch (ExpressionException e) {
            execution.log(run, "ERROR", e.getMessage());
            state = StateType.FAILED;
        }
        if (execution.killRequested() && !state.isTerminated()) {
            state = StateType.KILLED;
        }
        if (state == StateType.FAILED && allowFailure(task)) {
            state = StateType.WARNING;
        }
        if (!execution.state(run).isTerminated()) {
            execution.changeState(run, state);
        }
        return state;
    }

    private static boolean allowFailure(TaskDefinition task) {
        return task.source()
                .get("allowFailure")
                .map(node -> "true".equals(InputResolver.plain(node)))
                .orElse(false);
    }

    private StateType execute(TaskDefinition task, TaskRunRecord run, String value)
            throws InterruptedException, ExpressionException {
        if (!isFlowable(task)) {
            Optional<Fixtures.TaskFixture> fixture =
                    fixtures.find(
                            execution.flow().namespace(), execution.flow().id(), task.id(), value);
            if (fixture.isPresent()) {
                pause(TASK_DURATION);
                storeOutputs(task, run, value, fixtureOutputs(task, run, fixture.get()));
                return execution.killRequested() ? StateType.KILLED : fixture.get().state();
            }
        }
        return switch (task.simpleType()) {
            case "Log" -> log(task, run, value);
            case "Return" -> returnValue(task, run, value);
            case "OutputValues" -> outputValues(task, run, value);
            case "Fail" -> fail(task, run, value);
            case "Sleep" -> sleep(task, run, value);
            case "Pause", "HumanTask" -> pauseTask(task, run, value);
            case "Sequential", "WorkingDirectory" ->
                    flowable(task, run, value, branch(task, "tasks"));
            case "Parallel" -> parallel(task, run, value);
            case "If" -> ifTask(task, run, value);
            case "Switch" -> switchTask(task, run, value);
            case "ForEach", "EachSequential", "EachParallel" -> forEach(task, run);
            default -> otherTask(task, run, value);
        };
    }

    private static boolean isFlowable(TaskDefinition task) {
        return switch (task.simpleType()) {
            case "Sequential",
                    "WorkingDirectory",
                    "Parallel",
                    "If",
                    "Switch",
                    "ForEach",
                    "EachSequential",
                    "EachParallel" ->
                    true;
            default -> false;
        };
    }

    private StateType log(TaskDefinition task, TaskRunRecord run, String value)
            throws InterruptedException, ExpressionException {
        Object message = property(task, "message");
        String level =
                Optional.ofNullable(property(task, "level"))
                        .map(Object::toString)
                        .orElse("INFO")
                        .toUpperCase(Locale.ROOT);
        Map<String, Object> context = context(run, value);
        List<Object> messages =
                message instanceof Collection<?> list
                        ? List.copyOf(list)
                        : java.util.Collections.singletonList(message);
        for (Object item : messages) {
            String text = renderer.render(item == null ? "" : item.toString(), context);
            execution.log(run, LogRecord.LEVELS.contains(level) ? level : "INFO", text);
        }
        pause(TASK_DURATION);
        return StateType.SUCCESS;
    }

    private StateType returnValue(TaskDefinition task, TaskRunRecord run, String value)
            throws InterruptedException, ExpressionException {
        Object format = property(task, "format");
        String rendered =
                renderer.render(format == null ? null : format.toString(), context(run, value));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("value", rendered);
        storeOutputs(task, run, value, values);
        pause(TASK_DURATION);
        return StateType.SUCCESS;
    }

    private StateType outputValues(TaskDefinition task, TaskRunRecord run, String value)
            throws InterruptedException, ExpressionException {
        Object rendered = renderer.renderValue(property(task, "values"), context(run, value));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("values", rendered == null ? Map.of() : rendered);
        storeOutputs(task, run, value, values);
        pause(TASK_DURATION);
        return StateType.SUCCESS;
    }

    private StateType fail(TaskDefinition task, TaskRunRecord run, String value)
            throws InterruptedException, ExpressionException {
        Map<String, Object> context = context(run, value);
        Object condition = property(task, "condition");
        if (condition != null && !isTruthy(renderer.render(condition.toString(), context))) {
            pause(TASK_DURATION);
            return StateType.SUCCESS;
        }
        Object message = property(task, "errorMessage");
        String text =
                message == null ? "Task failure" : renderer.render(message.toString(), context);
        execution.log(run, "ERROR", text);
        pause(TASK_DURATION);
        return StateType.FAILED;
    }

    private StateType sleep(TaskDefinition task, TaskRunRecord run, String value)
            throws InterruptedException, ExpressionException {
        Duration duration = duration(task, "duration", run, value).orElse(Duration.ZERO);
        execution.sleepUntil(System.currentTimeMillis() + scaled(duration));
        return execution.killRequested() ? StateType.KILLED : StateType.SUCCESS;
    }

    private StateType pauseTask(TaskDefinition task, TaskRunRecord run, String value)
            throws InterruptedException, ExpressionException {
        Optional<Duration> pauseDuration =
                duration(task, "pauseDuration", run, value)
                        .or(() -> durationOrEmpty(task, "delay", run, value));
        Optional<Duration> timeout = durationOrEmpty(task, "timeout", run, value);
        for (TaskDefinition onPause : branch(task, "onPause")) {
            StateType state = runTask(onPause, run, value);
            if (state.isFailed()) {
                return state;
            }
        }
        execution.changeState(run, StateType.PAUSED);
        execution.changeState(StateType.PAUSED);
        Optional<Duration> limit = pauseDuration.or(() -> timeout);
        long deadline =
                limit.map(d -> System.currentTimeMillis() + Math.max(1, scaled(d))).orElse(0L);
        Optional<Map<String, Object>> resumed = execution.awaitResume(deadline);
        if (execution.killRequested()) {
            return StateType.KILLED;
        }
        execution.changeState(run, StateType.RUNNING);
        execution.changeState(StateType.RUNNING);
        if (resumed.isPresent()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("onResume", resumed.get());
            Map<String, Object> by = new LinkedHashMap<>();
            by.put("on", LocalDateTime.now().toString());
            by.put("to", "SUCCESS");
            values.put("resumed", by);
            storeOutputs(task, run, value, values);
            return StateType.SUCCESS;
        }
        if (pauseDuration.isEmpty()) {
            execution.log(run, "ERROR", "Timeout after " + timeout.orElseThrow());
            return StateType.FAILED;
        }
        String behavior =
                Optional.ofNullable(property(task, "behavior"))
                        .map(Object::toString)
                        .orElse("RESUME");
        return switch (behavior.toUpperCase(Locale.ROOT)) {
            case "WARN" -> StateType.WARNING;
            case "FAIL" -> StateType.FAILED;
            case "CANCEL" -> StateType.CANCELLED;
            default -> StateType.SUCCESS;
        };
    }

    /** Runs a flowable task's branch, then its errors branch on failure and its finally branch. */
    private StateType flowable(
            TaskDefinition task, TaskRunRecord run, String value, List<TaskDefinition> children)
            throws InterruptedException {
        StateType result = runList(children, run, value);
        return finishFlowable(task, run, value, result);
    }

    private StateType finishFlowable(
            TaskDefinition task, TaskRunRecord run, String value, StateType result)
            throws InterruptedException {
        if (result == StateType.FAILED) {
            runList(branch(task, "errors"), run, value);
        }
        if (result != StateType.KILLED) {
            StateType last = runList(branch(task, "finally"), run, value);
            result = worst(result, last);
        }
        return result;
    }

    private StateType parallel(TaskDefinition task, TaskRunRecord run, String value)
            throws InterruptedException {
        List<CompletableFuture<StateType>> futures = new ArrayList<>();
        for (TaskDefinition child : branch(task, "tasks")) {
            if (isDisabled(child)) {
                continue;
            }
            futures.add(
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return runTask(child, run, value);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    return StateType.KILLED;
                                }
                            },
                            executor));
        }
        StateType result = StateType.SUCCESS;
        for (CompletableFuture<StateType> future : futures) {
            try {
                result = worst(result, future.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(
                        "A parallel branch failed in the simulator", e.getCause());
            }
        }
        return finishFlowable(task, run, value, result);
    }

    private StateType ifTask(TaskDefinition task, TaskRunRecord run, String value)
            throws InterruptedException, ExpressionException {
        Object condition = property(task, "condition");
        String rendered =
                renderer.render(condition == null ? "" : condition.toString(), context(run, value));
        return flowable(task, run, value, branch(task, isTruthy(rendered) ? "then" : "else"));
    }

    private StateType switchTask(TaskDefinition task, TaskRunRecord run, String value)
            throws InterruptedException, ExpressionException {
        Object expression = property(task, "value");
        String rendered =
                renderer.render(
                        expression == null ? "" : expression.toString(), context(run, value));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("value", rendered);
        boolean matched = task.branches().containsKey("cases." + rendered);
        values.put("defaults", !matched);
        storeOutputs(task, run, value, values);
        List<TaskDefinition> children =
                matched ? branch(task, "cases." + rendered) : branch(task, "defaults");
        return flowable(task, run, value, children);
    }

    private StateType forEach(TaskDefinition task, TaskRunRecord run)
            throws InterruptedException, ExpressionException {
        Object values = renderer.renderValue(property(task, "values"), context(run, null));
        if (values instanceof String text) {
            try {
                values = json.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                throw new ExpressionException(
                        "Unable to read the ForEach values as a JSON array: " + text, e);
            }
        }
        if (!(values instanceof List<?> list)) {
            throw new ExpressionException(
                    "The ForEach values must be a list, not: " + values, null);
        }
        StateType result = StateType.SUCCESS;
        for (Object item : list) {
            String iteration = item instanceof String text ? text : toJson(item);
            StateType state = runList(branch(task, "tasks"), run, iteration);
            result = worst(result, state);
            if (state.isFailed()) {
                break;
            }
        }
        return finishFlowable(task, run, null, result);
    }

    private StateType otherTask(TaskDefinition task, TaskRunRecord run, String value)
            throws InterruptedException, ExpressionException {
        Map<String, Object> context = context(run, value);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String key : task.source().keys()) {
            if (!STRUCTURAL_KEYS.contains(key)) {
                properties.put(key, renderer.renderValue(property(task, key), context));
            }
        }
        pause(TASK_DURATION);
        storeOutputs(task, run, value, generatedOutputs(task, run, properties));
        return StateType.SUCCESS;
    }

    /** Returns a fixture's outputs, with its files stored and listed in {@code outputFiles}. */
    private Map<String, Object> fixtureOutputs(
            TaskDefinition task, TaskRunRecord run, Fixtures.TaskFixture fixture) {
        Map<String, Object> values = new LinkedHashMap<>(fixture.outputs());
        if (fixture.files().isEmpty()) {
            return values;
        }
        Map<String, Object> outputFiles = new LinkedHashMap<>();
        fixture.files()
                .forEach(
                        (name, text) -> {
                            String fileUri =
                                    execution.storagePrefix()
                                            + "tasks/"
                                            + task.id()
                                            + "/"
                                            + run.id
                                            + "/"
                                            + FileStore.safeFileName(name);
                            files.put(fileUri, text.getBytes(StandardCharsets.UTF_8));
                            outputFiles.put(name, fileUri);
                        });
        values.put("outputFiles", outputFiles);
        return values;
    }

    /**
     * Builds outputs for a task the simulator cannot run: a small file for tasks that produce one
     * ({@code uri}), and Kestra's output names for HTTP requests.
     */
    private Map<String, Object> generatedOutputs(
            TaskDefinition task, TaskRunRecord run, Map<String, Object> properties) {
        Map<String, Object> values = new LinkedHashMap<>();
        String type = task.simpleType();
        if (type.equals("Download") || type.endsWith("Download")) {
            Object uri = properties.get("uri");
            String name = uri == null ? "download" : uri.toString().replaceAll("[?#].*$", "");
            name = FileStore.safeFileName(name.substring(name.lastIndexOf('/') + 1));
            String fileUri =
                    execution.storagePrefix() + "tasks/" + task.id() + "/" + run.id + "/" + name;
            byte[] content =
                    ("Generated by the Flowfront preview for task "
                                    + task.id()
                                    + " (no fixture gives its output)\n")
                            .getBytes(StandardCharsets.UTF_8);
            files.put(fileUri, content);
            values.put("uri", fileUri);
            values.put("code", 200);
            values.put("length", content.length);
        } else if (type.equals("Request")) {
            values.put("uri", String.valueOf(properties.getOrDefault("uri", "")));
            values.put("code", 200);
            values.put("headers", Map.of());
            values.put(
                    "body",
                    "Response of task " + task.id() + ", generated by the Flowfront preview");
        }
        return values;
    }

    private void storeOutputs(
            TaskDefinition task, TaskRunRecord run, String value, Map<String, Object> values) {
        execution.putOutputs(run, values);
        synchronized (outputs) {
            if (value == null) {
                outputs.put(task.id(), new LinkedHashMap<>(values));
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> byValue =
                        (Map<String, Object>)
                                outputs.computeIfAbsent(
                                        task.id(), key -> new LinkedHashMap<String, Object>());
                byValue.put(value, new LinkedHashMap<>(values));
            }
        }
    }

    /**
     * Builds the variables expressions see: flow, execution, inputs, outputs, vars, labels,
     * taskrun.
     */
    private Map<String, Object> context(TaskRunRecord run, String value) {
        Map<String, Object> context = new HashMap<>(baseContext(execution));
        synchronized (outputs) {
            context.put("outputs", deepCopy(outputs));
        }
        if (run != null) {
            Map<String, Object> taskrun = new LinkedHashMap<>();
            taskrun.put("id", run.id);
            taskrun.put("startDate", execution.created().toString());
            taskrun.put("attemptsCount", 0);
            if (value != null) {
                taskrun.put("value", value);
            }
            context.put("taskrun", taskrun);
            Map<String, Object> taskMap = new LinkedHashMap<>();
            taskMap.put("id", run.taskId);
            context.put("task", taskMap);
        }
        return context;
    }

    /** Builds the variables that do not depend on task runs, also used to render resume inputs. */
    static Map<String, Object> baseContext(ExecutionRecord execution) {
        Map<String, Object> context = new HashMap<>();
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("id", execution.flow().id());
        flow.put("namespace", execution.flow().namespace());
        flow.put("revision", 1);
        flow.put("tenantId", "main");
        context.put("flow", flow);
        Map<String, Object> executionMap = new LinkedHashMap<>();
        executionMap.put("id", execution.id());
        executionMap.put("startDate", execution.created().toString());
        executionMap.put("originalId", execution.id());
        executionMap.put("state", execution.state().name());
        context.put("execution", executionMap);
        context.put("inputs", execution.inputs());
        Map<String, Object> labels = new LinkedHashMap<>();
        execution.labels().forEach(label -> labels.put(label.key(), label.value()));
        context.put("labels", labels);
        Object vars =
                execution
                        .flow()
                        .source()
                        .get("variables")
                        .map(InputResolver::plain)
                        .orElse(Map.of());
        context.put("vars", vars);
        context.put("envs", Map.of());
        context.put("globals", Map.of());
        return context;
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), deepCopy(item)));
            return copy;
        }
        return value;
    }

    private static Object property(TaskDefinition task, String key) {
        return task.source().get(key).map(InputResolver::plain).orElse(null);
    }

    private static List<TaskDefinition> branch(TaskDefinition task, String name) {
        return task.branches().getOrDefault(name, List.of());
    }

    private Optional<Duration> duration(
            TaskDefinition task, String key, TaskRunRecord run, String value)
            throws ExpressionException {
        Object raw = property(task, key);
        if (raw == null) {
            return Optional.empty();
        }
        String text = renderer.render(raw.toString(), context(run, value));
        try {
            return Optional.of(Duration.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new ExpressionException(
                    "Invalid duration `"
                            + text
                            + "` for '"
                            + key
                            + "' of task '"
                            + task.id()
                            + "'. Use an ISO-8601 duration such as PT30S",
                    e);
        }
    }

    private Optional<Duration> durationOrEmpty(
            TaskDefinition task, String key, TaskRunRecord run, String value) {
        try {
            return duration(task, key, run, value);
        } catch (ExpressionException e) {
            execution.log(run, "WARN", e.getMessage());
            return Optional.empty();
        }
    }

    /** Kestra's truthiness of a rendered condition. */
    static boolean isTruthy(String rendered) {
        if (rendered == null) {
            return false;
        }
        String text = rendered.strip().toLowerCase(Locale.ROOT);
        return !(text.isEmpty()
                || text.equals("false")
                || text.equals("0")
                || text.equals("-0")
                || text.equals("0.0")
                || text.equals("null"));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private void pause(Duration simulated) throws InterruptedException {
        execution.sleepUntil(System.currentTimeMillis() + scaled(simulated));
    }

    private long scaled(Duration simulated) {
        return (long) (simulated.toMillis() / speed);
    }

    /** Orders results as Kestra does when it merges child states: a failure beats a warning. */
    private static StateType worst(StateType a, StateType b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(StateType state) {
        return switch (state) {
            case SUCCESS -> 0;
            case WARNING -> 1;
            case FAILED -> 2;
            case CANCELLED -> 3;
            case KILLED -> 4;
            default -> 0;
        };
    }

    /** Resolves a paused task's {@code onResume} definitions, for the resume endpoints. */
    static List<InputDefinition> onResumeInputs(ExecutionRecord execution, String taskId) {
        return execution.flow().task(taskId).map(TaskDefinition::onResume).orElse(List.of());
    }
}
