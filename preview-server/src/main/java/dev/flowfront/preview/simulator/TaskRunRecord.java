package dev.flowfront.preview.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** One run of a task in an execution. Guarded by the owning {@link ExecutionRecord}. */
final class TaskRunRecord {

    final String id = Ids.next();
    final String taskId;
    final String parentTaskRunId;
    final String value;
    final StateHistory state = new StateHistory(StateType.CREATED);
    final Map<String, Object> outputs = new LinkedHashMap<>();

    TaskRunRecord(String taskId, String parentTaskRunId, String value) {
        this.taskId = taskId;
        this.parentTaskRunId = parentTaskRunId;
        this.value = value;
    }
}
