package dev.flowfront.generator.definition;

import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.yaml.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A task of a flow, with the tasks nested in it when it is a flowable task.
 *
 * @param id the task id
 * @param type the fully qualified type, as written
 * @param branches nested tasks by branch: {@code tasks}, {@code then}, {@code else}, {@code
 *     errors}, {@code finally}, {@code onPause}, and {@code cases.<value>} and {@code defaults} for
 *     Switch. A Dag's {@code tasks} hold the tasks inside its {@code - task:} items
 * @param onResume the inputs a Pause or HumanTask collects on resume; empty for other tasks
 * @param source the task's YAML map, for locations and type-specific properties
 */
public record TaskDefinition(
        String id,
        String type,
        Map<String, List<TaskDefinition>> branches,
        List<InputDefinition> onResume,
        YamlMap source) {

    public TaskDefinition {
        branches = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(branches));
        onResume = List.copyOf(onResume);
    }

    /** The last segment of the type: {@code Log}, {@code Pause}, {@code Switch}. */
    public String simpleType() {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** Whether an execution pauses at this task until it is resumed or killed. */
    public boolean pauses() {
        return simpleType().equals("Pause") || simpleType().equals("HumanTask");
    }

    public SourceLocation location() {
        return source.location();
    }

    /** Streams this task and every task nested in it, depth first, in YAML order. */
    public Stream<TaskDefinition> flatten() {
        List<TaskDefinition> all = new ArrayList<>();
        all.add(this);
        branches.values().forEach(tasks -> tasks.forEach(task -> task.flatten().forEach(all::add)));
        return all.stream();
    }
}
