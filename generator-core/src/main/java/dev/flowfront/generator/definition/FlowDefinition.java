package dev.flowfront.generator.definition;

import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.yaml.YamlMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Kestra flow, as much of it as an app needs: inputs, outputs and the task tree.
 *
 * @param tasks top-level tasks
 * @param errors tasks run when a task fails
 * @param finallyTasks tasks run at the end whatever happened
 * @param file the file it was read from
 * @param displayPath the file as problems show it
 * @param source the whole YAML document
 */
public record FlowDefinition(
        String id,
        String namespace,
        List<InputDefinition> inputs,
        List<OutputDefinition> outputs,
        List<TaskDefinition> tasks,
        List<TaskDefinition> errors,
        List<TaskDefinition> finallyTasks,
        Path file,
        String displayPath,
        YamlMap source) {

    public FlowDefinition {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        tasks = List.copyOf(tasks);
        errors = List.copyOf(errors);
        finallyTasks = List.copyOf(finallyTasks);
    }

    /** The flow's key in its namespace: {@code namespace.id}. */
    public String qualifiedId() {
        return namespace + "." + id;
    }

    public SourceLocation location() {
        return source.location();
    }

    /** Streams every task of the flow, nested ones included, in YAML order. */
    public Stream<TaskDefinition> allTasks() {
        return Stream.of(tasks, errors, finallyTasks)
                .flatMap(List::stream)
                .flatMap(TaskDefinition::flatten);
    }

    public Optional<TaskDefinition> task(String taskId) {
        return allTasks().filter(task -> task.id().equals(taskId)).findFirst();
    }

    /** The tasks at which an execution pauses, in YAML order. */
    public List<TaskDefinition> pauseTasks() {
        return allTasks().filter(TaskDefinition::pauses).toList();
    }

    public Optional<InputDefinition> input(String inputId) {
        return inputs.stream().filter(input -> input.id().equals(inputId)).findFirst();
    }
}
