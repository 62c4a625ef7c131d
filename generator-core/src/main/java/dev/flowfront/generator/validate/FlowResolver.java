package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.FlowDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Finds the flow an app drives among the loaded flows: the one with the app's namespace and {@code
 * flowId}, and when two files declare it, the first by file name. It reads only the ids, namespaces
 * and locations of the flows. Thread-safe.
 */
public final class FlowResolver {

    private final FlowReferenceRule rule;

    public FlowResolver(List<FlowDefinition> flows) {
        this.rule = new FlowReferenceRule(new FlowIndex(flows));
    }

    /** Returns the app's flow, or empty after reporting why it was not found. */
    public Optional<FlowDefinition> resolve(AppDefinition app, ProblemCollector problems) {
        return rule.resolve(app, problems);
    }
}
