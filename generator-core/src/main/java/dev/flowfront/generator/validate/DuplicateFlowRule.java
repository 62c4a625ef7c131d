package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.FlowDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports two flow files that declare the same flow. Kestra keeps one flow per namespace and id, so
 * apps would run whichever file was loaded first.
 */
final class DuplicateFlowRule {

    void check(List<FlowDefinition> flows, ProblemCollector problems) {
        Map<String, FlowDefinition> first = new HashMap<>();
        List<FlowDefinition> byLocation = new ArrayList<>(flows);
        byLocation.sort(Comparator.comparing(FlowDefinition::location));
        for (FlowDefinition flow : byLocation) {
            FlowDefinition earlier = first.putIfAbsent(flow.qualifiedId(), flow);
            if (earlier == null) {
                continue;
            }
            problems.error(
                    flow.source().valueLocation("id"),
                    "flow '"
                            + flow.qualifiedId()
                            + "' is already defined at "
                            + earlier.source().valueLocation("id"),
                    "Remove one of the two files, or give one flow another id. Apps run the"
                            + " flow defined first");
        }
    }
}
