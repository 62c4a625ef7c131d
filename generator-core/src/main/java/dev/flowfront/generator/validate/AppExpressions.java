package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.BlockType;
import dev.flowfront.generator.expression.ExpressionCompiler;
import dev.flowfront.generator.expression.ExpressionException;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles every block property of an app that the page evaluates as an expression, reporting each
 * one the runtime cannot evaluate as an ERROR located inside the value.
 */
final class AppExpressions {

    /** Block properties that may contain expressions, besides TaskOutputs' {@code value}s. */
    static final Map<BlockType, List<String>> FIELDS =
            Map.of(
                    BlockType.MARKDOWN, List.of("content"),
                    BlockType.ALERT, List.of("content"),
                    BlockType.BUTTON, List.of("text", "url"),
                    BlockType.REDIRECT_TO, List.of("url"),
                    BlockType.CREATE_EXECUTION_BUTTON, List.of("text"),
                    BlockType.RESUME_EXECUTION_BUTTON, List.of("text"),
                    BlockType.CANCEL_EXECUTION_BUTTON, List.of("text"));

    private final ExpressionCompiler compiler;
    private final SourceText sourceText;

    AppExpressions(ExpressionCompiler compiler, SourceText sourceText) {
        this.compiler = compiler;
        this.sourceText = sourceText;
    }

    /** Compiles the app's expression properties. Those that fail are reported and left out. */
    List<CompiledField> compile(AppDefinition app, ProblemCollector problems) {
        List<CompiledField> fields = new ArrayList<>();
        for (BlockRef block : BlockRef.of(app)) {
            for (String key : FIELDS.getOrDefault(block.block().type(), List.of())) {
                YamlMap properties = block.block().properties();
                scalar(properties.get(key).orElse(null))
                        .ifPresent(scalar -> compile(block, key, scalar, fields, problems));
            }
            if (block.block().type() == BlockType.TASK_OUTPUTS) {
                compileTaskOutputs(block, fields, problems);
            }
        }
        return fields;
    }

    private void compileTaskOutputs(
            BlockRef block, List<CompiledField> fields, ProblemCollector problems) {
        if (!(block.block().node("outputs").orElse(null) instanceof YamlList outputs)) {
            return;
        }
        int index = 0;
        for (YamlNode item : outputs.items()) {
            index++;
            if (item instanceof YamlMap output) {
                String key = "outputs[" + index + "].value";
                scalar(output.get("value").orElse(null))
                        .ifPresent(scalar -> compile(block, key, scalar, fields, problems));
            }
        }
    }

    private void compile(
            BlockRef block,
            String key,
            YamlScalar scalar,
            List<CompiledField> fields,
            ProblemCollector problems) {
        try {
            fields.add(new CompiledField(block, key, scalar, compiler.compile(scalar.text())));
        } catch (ExpressionException e) {
            problems.error(
                    sourceText.locate(scalar, e.offset()),
                    e.getMessage() + " in '" + key + "' (" + block.where() + ")",
                    e.hint());
        }
    }

    private static Optional<YamlScalar> scalar(YamlNode node) {
        if (node instanceof YamlScalar scalar && !scalar.isNull()) {
            return Optional.of(scalar);
        }
        return Optional.empty();
    }
}
