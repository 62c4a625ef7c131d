package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.Stage;
import java.util.stream.Collectors;

/** Reports blocks placed on a stage where the runtime cannot show them, e.g. a form on SUCCESS. */
final class BlockStageRule {

    void check(AppDefinition app, ProblemCollector problems) {
        for (BlockRef block : BlockRef.of(app)) {
            Stage stage = block.stage().stage();
            if (stage == null || block.block().type().allowedOn(stage)) {
                continue;
            }
            String allowed =
                    block.block().type().stages().stream()
                            .map(Stage::name)
                            .collect(Collectors.joining(", "));
            problems.error(
                    block.block().properties().valueLocation("type"),
                    "block type '"
                            + block.typeName()
                            + "' is not allowed on stage '"
                            + stage
                            + "' ("
                            + block.where()
                            + ")",
                    "Move it to a stage where it is allowed: " + allowed);
        }
    }
}
