package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.definition.TaskDefinition;
import dev.flowfront.generator.expression.ExpressionTrees;
import dev.flowfront.generator.load.Suggestions;
import java.util.List;
import java.util.Optional;

/**
 * Reports block expressions that read {@code outputs.<taskId>} for a task the flow lacks, nested
 * tasks included, because the page would show nothing there.
 */
final class TaskReferenceRule {

    private static final int MAX_LISTED_TASKS = 20;

    private final SourceText sourceText;

    TaskReferenceRule(SourceText sourceText) {
        this.sourceText = sourceText;
    }

    void check(FlowDefinition flow, List<CompiledField> fields, ProblemCollector problems) {
        List<String> taskIds = flow.allTasks().map(TaskDefinition::id).distinct().toList();
        for (CompiledField field : fields) {
            if (field.compiled().isLiteral()) {
                continue;
            }
            for (String path : ExpressionTrees.variablePaths(field.compiled().tree())) {
                taskId(path)
                        .filter(id -> !taskIds.contains(id))
                        .ifPresent(id -> report(flow, field, id, taskIds, problems));
            }
        }
    }

    private static Optional<String> taskId(String path) {
        String[] segments = path.split("\\.", 3);
        if (segments.length < 2 || !segments[0].equals("outputs")) {
            return Optional.empty();
        }
        return Optional.of(segments[1]);
    }

    private void report(
            FlowDefinition flow,
            CompiledField field,
            String taskId,
            List<String> taskIds,
            ProblemCollector problems) {
        problems.error(
                sourceText.locate(field.scalar(), offsetOf(field.scalar().text(), taskId)),
                "'"
                        + field.key()
                        + "' reads outputs of task '"
                        + taskId
                        + "', which flow '"
                        + flow.qualifiedId()
                        + "' does not have ("
                        + field.block().where()
                        + ")",
                hint(taskId, taskIds));
    }

    private static int offsetOf(String text, String taskId) {
        int dotted = text.indexOf("outputs." + taskId);
        if (dotted >= 0) {
            return dotted + "outputs.".length();
        }
        int quoted = text.indexOf(taskId);
        return quoted >= 0 ? quoted : Math.max(0, text.indexOf("{{"));
    }

    private static String hint(String taskId, List<String> taskIds) {
        Optional<String> closest = Suggestions.closest(taskId, taskIds);
        if (closest.isPresent()) {
            return "Did you mean '" + closest.get() + "'?";
        }
        if (taskIds.isEmpty()) {
            return "The flow has no tasks";
        }
        List<String> listed = taskIds.subList(0, Math.min(MAX_LISTED_TASKS, taskIds.size()));
        String more = taskIds.size() > listed.size() ? ", ..." : "";
        return "Use the id of one of the flow's tasks: " + String.join(", ", listed) + more;
    }
}
