package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.BlockType;
import dev.flowfront.generator.definition.FlowDefinition;

/**
 * Reports resume blocks on an app whose flow never pauses: without a Pause or HumanTask task the
 * execution is never PAUSED, so the form and button can never be used.
 */
final class PauseTaskRule {

    void check(AppDefinition app, FlowDefinition flow, ProblemCollector problems) {
        if (!flow.pauseTasks().isEmpty()) {
            return;
        }
        for (BlockRef block : BlockRef.of(app)) {
            BlockType type = block.block().type();
            if (type != BlockType.RESUME_EXECUTION_FORM
                    && type != BlockType.RESUME_EXECUTION_BUTTON) {
                continue;
            }
            problems.error(
                    block.block().properties().valueLocation("type"),
                    "block type '"
                            + block.typeName()
                            + "' needs a paused execution, but flow '"
                            + flow.qualifiedId()
                            + "' has no Pause or HumanTask task ("
                            + block.where()
                            + ")",
                    "Add an io.kestra.plugin.core.flow.Pause task to the flow, or remove the"
                            + " block");
        }
    }
}
