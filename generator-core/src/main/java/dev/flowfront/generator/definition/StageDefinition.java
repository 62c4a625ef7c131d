package dev.flowfront.generator.definition;

import dev.flowfront.generator.api.SourceLocation;
import java.util.List;

/**
 * One entry of an app's layout: the blocks shown on a stage.
 *
 * @param stage the stage, or null when {@code on} names an unknown stage (already reported)
 * @param name the {@code on} value as written
 * @param location where the layout entry starts
 */
public record StageDefinition(
        Stage stage, String name, List<BlockDefinition> blocks, SourceLocation location) {

    public StageDefinition {
        blocks = List.copyOf(blocks);
    }
}
