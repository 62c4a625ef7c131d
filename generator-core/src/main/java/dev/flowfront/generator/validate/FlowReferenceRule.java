package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.load.Suggestions;
import java.util.List;
import java.util.Optional;

/** Resolves an app's {@code flowId} in its namespace, reporting a flow that was not found. */
final class FlowReferenceRule {

    private final FlowIndex flows;

    FlowReferenceRule(FlowIndex flows) {
        this.flows = flows;
    }

    /** Returns the app's flow, or empty after reporting why it was not found. */
    Optional<FlowDefinition> resolve(AppDefinition app, ProblemCollector problems) {
        Optional<FlowDefinition> flow = flows.find(app.namespace(), app.flowId());
        if (flow.isPresent()) {
            return flow;
        }
        String where = " (app '" + app.id() + "')";
        List<String> elsewhere = flows.namespacesOf(app.flowId());
        if (!elsewhere.isEmpty()) {
            problems.error(
                    app.source().valueLocation("flowId"),
                    "flow '"
                            + app.flowId()
                            + "' is in namespace '"
                            + String.join("', '", elsewhere)
                            + "', not in the app's namespace '"
                            + app.namespace()
                            + "'"
                            + where,
                    "An app runs a flow of its own namespace. Set 'namespace: "
                            + elsewhere.get(0)
                            + "' in the app, or move the flow to '"
                            + app.namespace()
                            + "'");
            return Optional.empty();
        }
        problems.error(
                app.source().valueLocation("flowId"),
                "flow '"
                        + app.flowId()
                        + "' was not found in namespace '"
                        + app.namespace()
                        + "'"
                        + where,
                missingFlowHint(app));
        return Optional.empty();
    }

    private String missingFlowHint(AppDefinition app) {
        List<String> ids = flows.idsIn(app.namespace());
        if (ids.isEmpty()) {
            return "No flow of namespace '"
                    + app.namespace()
                    + "' was loaded. Add the flow's YAML file to the flows folder";
        }
        Optional<String> closest = Suggestions.closest(app.flowId(), ids);
        if (closest.isPresent()) {
            return "Did you mean '" + closest.get() + "'?";
        }
        return "Flows found in namespace '" + app.namespace() + "': " + String.join(", ", ids);
    }
}
