package dev.flowfront.generator.validate;

import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.BlockDefinition;
import dev.flowfront.generator.definition.StageDefinition;
import java.util.ArrayList;
import java.util.List;

/** A block together with its stage and app, for rules that report where a block is. */
record BlockRef(AppDefinition app, StageDefinition stage, BlockDefinition block) {

    /** Lists the blocks of an app whose type is known, in layout order. */
    static List<BlockRef> of(AppDefinition app) {
        List<BlockRef> blocks = new ArrayList<>();
        for (StageDefinition stage : app.layout()) {
            for (BlockDefinition block : stage.blocks()) {
                if (block.type() != null) {
                    blocks.add(new BlockRef(app, stage, block));
                }
            }
        }
        return blocks;
    }

    /** Describes the block's place the way loader messages do. */
    String where() {
        return "stage '"
                + stage.name()
                + "', block "
                + block.index()
                + " of app '"
                + app.id()
                + "'";
    }

    String typeName() {
        return block.type().simpleName();
    }
}
