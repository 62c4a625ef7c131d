package dev.flowfront.generator.load;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.definition.OutputDefinition;
import dev.flowfront.generator.definition.TaskDefinition;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Kestra flow files: id, namespace, inputs, outputs and the task tree. Other flow keys
 * (triggers, labels, variables...) are legal Kestra and are left alone.
 */
public final class FlowLoader {

    /** Keys of flowable tasks whose value is a list of tasks. */
    private static final List<String> TASK_LIST_KEYS =
            List.of("tasks", "then", "else", "errors", "finally", "afterExecution");

    private final YamlReader reader;
    private final ProblemCollector problems;
    private final YamlFields fields;
    private final InputLoader inputLoader;

    public FlowLoader(YamlReader reader, ProblemCollector problems) {
        this.reader = reader;
        this.problems = problems;
        this.fields = new YamlFields(problems);
        this.inputLoader = new InputLoader(problems);
    }

    /**
     * Sums up the problems of a flow that no app uses as one WARNING at the first of them. Such a
     * flow is not part of the site, so its mistakes must not fail the build.
     *
     * @param problems the flow file's problems, sorted, not empty
     * @param count how many problems the file has, those past the cap included
     */
    public static Problem unusedFlowWarning(String qualifiedId, List<Problem> problems, int count) {
        Problem first = problems.get(0);
        return Problem.warning(
                first.location(),
                first.message() + (count > 1 ? " (and " + (count - 1) + " more in this flow)" : ""),
                "No app uses flow '"
                        + qualifiedId
                        + "', so the build goes on; fix it before an app uses it");
    }

    /** Reads one flow; empty when the file is not a usable flow (the problems give the reason). */
    public Optional<FlowDefinition> load(SourceFile file) {
        return load(file, file.readBytes());
    }

    /**
     * Reads one flow from the given content of its file, which the caller read already, for example
     * to tell whether the file changed.
     */
    public Optional<FlowDefinition> load(SourceFile file, byte[] content) {
        Optional<YamlNode> root = reader.read(file.displayPath(), content, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        // A YAML file with none of a flow's keys is something else kept beside the flows, such as
        // CI settings. No app can name it, so it must not fail the build.
        if (!(root.get() instanceof YamlMap map)
                || !(map.has("id") || map.has("namespace") || map.has("tasks"))) {
            problems.warning(
                    root.get().location(),
                    "this file is not a flow (it has no id, namespace or tasks), so it is skipped",
                    "Move it out of the flows folder, or give it 'id:', 'namespace:' and 'tasks:'");
            return Optional.empty();
        }
        Optional<String> id = fields.requiredString(map, "id", "flow", "Add 'id: my_flow'");
        Optional<String> namespace =
                fields.requiredString(map, "namespace", "flow", "Add 'namespace: company.team'");
        if (id.isEmpty() || namespace.isEmpty()) {
            return Optional.empty();
        }
        String owner = "flow '" + namespace.get() + "." + id.get() + "'";
        List<InputDefinition> inputs =
                fields.list(map, "inputs", owner)
                        .map(list -> inputLoader.readAll(list, owner))
                        .orElse(List.of());
        return Optional.of(
                new FlowDefinition(
                        id.get(),
                        namespace.get(),
                        inputs,
                        outputs(map, owner),
                        tasks(map, "tasks", owner),
                        tasks(map, "errors", owner),
                        tasks(map, "finally", owner),
                        file.path(),
                        file.displayPath(),
                        map));
    }

    private List<OutputDefinition> outputs(YamlMap flow, String owner) {
        List<OutputDefinition> outputs = new ArrayList<>();
        for (YamlNode item :
                fields.list(flow, "outputs", owner).map(YamlList::items).orElse(List.of())) {
            if (!(item instanceof YamlMap map)) {
                problems.error(item.location(), "an output must be a map (" + owner + ")", "");
                continue;
            }
            fields.requiredString(map, "id", "output of " + owner, "Add 'id: name'")
                    .ifPresent(
                            id ->
                                    outputs.add(
                                            new OutputDefinition(
                                                    id,
                                                    fields.string(map, "type", owner)
                                                            .orElse("STRING"),
                                                    fields.string(map, "value", owner).orElse(null),
                                                    fields.string(map, "displayName", owner)
                                                            .orElse(null),
                                                    map.location())));
        }
        return outputs;
    }

    private List<TaskDefinition> tasks(YamlMap parent, String key, String owner) {
        return fields.list(parent, key, owner).map(list -> taskList(list, owner)).orElse(List.of());
    }

    private List<TaskDefinition> taskList(YamlList list, String owner) {
        List<TaskDefinition> tasks = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (item instanceof YamlMap map) {
                task(dagTask(map), owner).ifPresent(tasks::add);
            } else {
                problems.error(
                        item.location(),
                        "a task must be a map, not " + item.kindName() + " (" + owner + ")",
                        "Write each task as '- id: name' followed by 'type: ...'");
            }
        }
        return tasks;
    }

    /**
     * Returns the task of a Dag item ({@code - task: {...}} with {@code dependsOn} beside it), or
     * the map itself for an ordinary task.
     */
    private static YamlMap dagTask(YamlMap item) {
        if (!item.has("id") && item.get("task").orElse(null) instanceof YamlMap task) {
            return task;
        }
        return item;
    }

    private Optional<TaskDefinition> task(YamlMap map, String owner) {
        Optional<String> id =
                fields.requiredString(map, "id", "task of " + owner, "Add 'id: name'");
        Optional<String> type =
                fields.requiredString(map, "type", "task of " + owner, "Add the task's type");
        if (id.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        String where = "task '" + id.get() + "' of " + owner;
        Map<String, List<TaskDefinition>> branches = new LinkedHashMap<>();
        for (String key : TASK_LIST_KEYS) {
            List<TaskDefinition> children = tasks(map, key, owner);
            if (!children.isEmpty()) {
                branches.put(key, children);
            }
        }
        // A Switch's tasks for unmatched values; other tasks may use "defaults" for other things.
        if (type.get().endsWith(".Switch")) {
            List<TaskDefinition> defaults = tasks(map, "defaults", owner);
            if (!defaults.isEmpty()) {
                branches.put("defaults", defaults);
            }
        }
        fields.map(map, "cases", where)
                .ifPresent(
                        cases ->
                                cases.entries()
                                        .forEach(
                                                (value, node) -> {
                                                    if (node instanceof YamlList list) {
                                                        branches.put(
                                                                "cases." + value,
                                                                taskList(list, owner));
                                                    }
                                                }));
        fields.map(map, "onPause", where)
                .flatMap(onPause -> task(onPause, owner))
                .ifPresent(onPause -> branches.put("onPause", List.of(onPause)));
        List<InputDefinition> onResume =
                fields.list(map, "onResume", where)
                        .map(list -> inputLoader.readAll(list, where))
                        .orElse(List.of());
        return Optional.of(new TaskDefinition(id.get(), type.get(), branches, onResume, map));
    }
}
