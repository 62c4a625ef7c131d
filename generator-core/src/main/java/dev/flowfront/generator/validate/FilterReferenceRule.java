package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.definition.OutputDefinition;
import dev.flowfront.generator.definition.TaskDefinition;
import dev.flowfront.generator.load.Suggestions;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.util.List;
import java.util.Optional;

/**
 * Warns about ids in block filters that the flow does not have: Inputs {@code include}/{@code
 * exclude} naming no flow input, Outputs ones naming no flow output, and Logs {@code taskIds}
 * naming no task. Such an entry filters nothing, which is most likely a typo.
 */
final class FilterReferenceRule {

    private static final int MAX_LISTED_IDS = 20;

    void check(AppDefinition app, FlowDefinition flow, ProblemCollector problems) {
        String flowName = "flow '" + flow.qualifiedId() + "'";
        List<String> inputIds = flow.inputs().stream().map(InputDefinition::id).toList();
        List<String> outputIds = flow.outputs().stream().map(OutputDefinition::id).toList();
        List<String> taskIds = flow.allTasks().map(TaskDefinition::id).distinct().toList();
        for (BlockRef block : BlockRef.of(app)) {
            if (!(block.block().node("filter").orElse(null) instanceof YamlMap filter)) {
                continue;
            }
            switch (block.block().type()) {
                case INPUTS -> {
                    Target target = new Target("an input of " + flowName, inputIds);
                    checkIds(block, filter, "include", target, problems);
                    checkIds(block, filter, "exclude", target, problems);
                }
                case OUTPUTS -> {
                    Target target = new Target("an output of " + flowName, outputIds);
                    checkIds(block, filter, "include", target, problems);
                    checkIds(block, filter, "exclude", target, problems);
                }
                case LOGS ->
                        checkIds(
                                block,
                                filter,
                                "taskIds",
                                new Target("a task of " + flowName, taskIds),
                                problems);
                default -> {
                    // Other blocks have no filter of ids.
                }
            }
        }
    }

    /** The ids one filter key may name, with their description for messages. */
    private record Target(String description, List<String> ids) {

        /**
         * Returns whether the id is a known id, or a dotted prefix of one such as {@code request}.
         */
        boolean knows(String id) {
            return ids.stream().anyMatch(known -> known.equals(id) || known.startsWith(id + "."));
        }
    }

    private static void checkIds(
            BlockRef block, YamlMap filter, String key, Target target, ProblemCollector problems) {
        for (YamlScalar item : items(filter.get(key))) {
            if (target.knows(item.text())) {
                continue;
            }
            problems.warning(
                    item.location(),
                    block.typeName()
                            + " filter '"
                            + key
                            + "' names '"
                            + item.text()
                            + "', which is not "
                            + target.description()
                            + " ("
                            + block.where()
                            + ")",
                    hint(item.text(), target));
        }
    }

    private static List<YamlScalar> items(Optional<YamlNode> node) {
        if (!(node.orElse(null) instanceof YamlList list)) {
            return List.of();
        }
        return list.items().stream()
                .filter(YamlScalar.class::isInstance)
                .map(YamlScalar.class::cast)
                .filter(scalar -> !scalar.isNull())
                .toList();
    }

    private static String hint(String id, Target target) {
        Optional<String> closest = Suggestions.closest(id, target.ids());
        if (closest.isPresent()) {
            return "Did you mean '" + closest.get() + "'?";
        }
        if (target.ids().isEmpty()) {
            return "The flow has none, so remove the entry";
        }
        List<String> listed =
                target.ids().subList(0, Math.min(MAX_LISTED_IDS, target.ids().size()));
        String more = target.ids().size() > listed.size() ? ", ..." : "";
        return "Use one of: " + String.join(", ", listed) + more;
    }
}
