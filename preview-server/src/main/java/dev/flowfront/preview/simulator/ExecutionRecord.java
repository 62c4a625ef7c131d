package dev.flowfront.preview.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowfront.generator.definition.FlowDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated execution: its state, task runs, logs and outputs.
 *
 * <p>Thread-safe: every method synchronizes on the record. Each change bumps {@link #version()} and
 * wakes threads blocked in {@link #awaitChange}, which is how the follow streams see updates.
 */
final class ExecutionRecord {

    /** A label of the execution. */
    record Label(String key, String value) {}

    private final String id = Ids.next();
    private final FlowDefinition flow;
    private Map<String, Object> inputs = Map.of();
    private final List<Label> labels;
    private final Instant created = Instant.now();
    private final StateHistory state = new StateHistory(StateType.CREATED);
    private final List<TaskRunRecord> taskRuns = new ArrayList<>();
    private final List<LogRecord> logs = new ArrayList<>();
    private Map<String, Object> outputs;
    private long version;
    private boolean killRequested;
    private Map<String, Object> resumeValues;

    ExecutionRecord(FlowDefinition flow, List<Label> labels) {
        this.flow = flow;
        List<Label> all = new ArrayList<>(labels);
        if (all.stream().noneMatch(label -> label.key().equals("system.correlationId"))) {
            all.add(new Label("system.correlationId", id));
        }
        this.labels = List.copyOf(all);
    }

    String id() {
        return id;
    }

    FlowDefinition flow() {
        return flow;
    }

    synchronized Map<String, Object> inputs() {
        return inputs;
    }

    synchronized void setInputs(Map<String, Object> values) {
        inputs = Map.copyOf(values);
        touch();
    }

    List<Label> labels() {
        return labels;
    }

    Instant created() {
        return created;
    }

    /**
     * Returns the storage prefix of the execution's files: {@code
     * kestra:///ns/as/path/flow/executions/id/}.
     */
    String storagePrefix() {
        return "kestra:///"
                + flow.namespace().replace('.', '/')
                + "/"
                + flow.id()
                + "/executions/"
                + id
                + "/";
    }

    synchronized StateType state() {
        return state.current();
    }

    synchronized void changeState(StateType next) {
        state.change(next);
        touch();
    }

    synchronized TaskRunRecord addTaskRun(String taskId, String parentTaskRunId, String value) {
        TaskRunRecord run = new TaskRunRecord(taskId, parentTaskRunId, value);
        taskRuns.add(run);
        touch();
        return run;
    }

    synchronized void changeState(TaskRunRecord run, StateType next) {
        run.state.change(next);
        touch();
    }

    synchronized StateType state(TaskRunRecord run) {
        return run.state.current();
    }

    synchronized void putOutputs(TaskRunRecord run, Map<String, Object> values) {
        run.outputs.putAll(values);
        touch();
    }

    synchronized void setOutputs(Map<String, Object> values) {
        outputs = new LinkedHashMap<>(values);
        touch();
    }

    synchronized void log(TaskRunRecord run, String level, String message) {
        logs.add(
                new LogRecord(
                        run == null ? null : run.taskId,
                        run == null ? null : run.id,
                        Instant.now(),
                        level,
                        message));
        touch();
    }

    synchronized List<LogRecord> logs() {
        return List.copyOf(logs);
    }

    synchronized long version() {
        return version;
    }

    /**
     * Blocks until the version differs from {@code seen} or the timeout elapses.
     *
     * @return the current version
     */
    synchronized long awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (version == seen) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return version;
    }

    /**
     * Tests whether Kestra's follow stream would send {@code end}, because the execution and all
     * its task runs are final.
     */
    synchronized boolean isFinished() {
        return state.current().isTerminated()
                && taskRuns.stream().allMatch(run -> run.state.current().isTerminated());
    }

    synchronized boolean wasPaused() {
        return state.wasPaused();
    }

    /** Marks the kill request; returns false when the execution already ended. */
    synchronized boolean requestKill() {
        if (state.current().isTerminated()) {
            return false;
        }
        if (!killRequested) {
            killRequested = true;
            state.change(StateType.KILLING);
            touch();
        }
        return true;
    }

    synchronized boolean killRequested() {
        return killRequested;
    }

    /** Hands resume values to the paused task; false when the execution is not paused. */
    synchronized boolean resume(Map<String, Object> values) {
        if (state.current() != StateType.PAUSED || resumeValues != null) {
            return false;
        }
        resumeValues = values;
        touch();
        return true;
    }

    /**
     * Waits for a resume or a kill until the deadline.
     *
     * @param deadlineMillis epoch milliseconds, or 0 to wait without limit
     * @return the resume values; empty when killed or when the deadline passed
     */
    synchronized Optional<Map<String, Object>> awaitResume(long deadlineMillis)
            throws InterruptedException {
        while (resumeValues == null && !killRequested) {
            long left = deadlineMillis == 0 ? 0 : deadlineMillis - System.currentTimeMillis();
            if (deadlineMillis != 0 && left <= 0) {
                break;
            }
            wait(left);
        }
        Map<String, Object> values = resumeValues;
        resumeValues = null;
        return Optional.ofNullable(values);
    }

    /** Waits until the deadline or a kill request, whichever comes first. */
    synchronized void sleepUntil(long deadlineMillis) throws InterruptedException {
        while (!killRequested) {
            long left = deadlineMillis - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    /** Returns the first paused task run, if any. */
    synchronized Optional<TaskRunRecord> pausedTaskRun() {
        return taskRuns.stream().filter(run -> run.state.current() == StateType.PAUSED).findFirst();
    }

    synchronized List<TaskRunRecord> activeTaskRuns() {
        return taskRuns.stream().filter(run -> !run.state.current().isTerminated()).toList();
    }

    /**
     * Serializes the execution as Kestra's Execution JSON, leaving out null fields as Kestra does.
     */
    synchronized ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", id);
        json.put("namespace", flow.namespace());
        json.put("flowId", flow.id());
        json.put("flowRevision", 1);
        ArrayNode labelArray = json.putArray("labels");
        for (Label label : labels) {
            labelArray.addObject().put("key", label.key()).put("value", label.value());
        }
        if (!inputs.isEmpty()) {
            json.set("inputs", mapper.valueToTree(inputs));
        }
        if (outputs != null && !outputs.isEmpty()) {
            json.set("outputs", mapper.valueToTree(outputs));
        }
        if (!taskRuns.isEmpty()) {
            ArrayNode list = json.putArray("taskRunList");
            for (TaskRunRecord run : taskRuns) {
                list.add(taskRunJson(mapper, run));
            }
        }
        json.set("state", state.toJson(mapper.getNodeFactory()));
        json.put("originalId", id);
        json.put("deleted", false);
        ObjectNode metadata = json.putObject("metadata");
        metadata.put("attemptNumber", 1);
        metadata.put("originalCreatedDate", created.toString());
        return json;
    }

    private ObjectNode taskRunJson(ObjectMapper mapper, TaskRunRecord run) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", run.id);
        json.put("executionId", id);
        json.put("namespace", flow.namespace());
        json.put("flowId", flow.id());
        json.put("taskId", run.taskId);
        if (run.parentTaskRunId != null) {
            json.put("parentTaskRunId", run.parentTaskRunId);
        }
        if (run.value != null) {
            json.put("value", run.value);
        }
        ObjectNode attempt = json.putArray("attempts").addObject();
        attempt.set("state", run.state.toJson(mapper.getNodeFactory()));
        json.set("outputs", mapper.valueToTree(run.outputs));
        json.set("state", run.state.toJson(mapper.getNodeFactory()));
        json.put("iteration", 0);
        json.put("dynamic", false);
        return json;
    }

    private void touch() {
        version++;
        notifyAll();
    }
}
