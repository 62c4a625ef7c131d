package dev.flowfront.generator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.expression.CompiledText;
import dev.flowfront.generator.expression.ExpressionCompiler;
import dev.flowfront.generator.expression.ExpressionException;
import dev.flowfront.generator.expression.ExpressionTrees;
import dev.flowfront.generator.load.Suggestions;
import dev.flowfront.generator.yaml.YamlScalar;
import java.util.List;
import java.util.Optional;

/**
 * Checks {@code dependsOn.condition}s. A condition the compiler cannot turn into a tree is a
 * WARNING, because the page then sends it to Kestra's validate endpoint instead. A condition that
 * compares an input with a literal that is not among that input's {@code values} is a WARNING,
 * because it is most likely a typo that keeps the dependent input hidden.
 */
final class ConditionRule {

    private static final List<String> COMPARISONS = List.of("==", "!=", "contains");
    private static final String INPUTS_PREFIX = "inputs.";

    private final ExpressionCompiler compiler;
    private final SourceText sourceText;

    ConditionRule(ExpressionCompiler compiler, SourceText sourceText) {
        this.compiler = compiler;
        this.sourceText = sourceText;
    }

    void check(InputList list, ProblemCollector problems) {
        for (InputDefinition input : list.inputs()) {
            InputList.conditionScalar(input)
                    .ifPresent(condition -> check(list, input, condition, problems));
        }
    }

    private void check(
            InputList list,
            InputDefinition input,
            YamlScalar condition,
            ProblemCollector problems) {
        CompiledText compiled;
        try {
            compiled = compiler.compile(condition.text());
        } catch (ExpressionException e) {
            problems.warning(
                    sourceText.locate(condition, e.offset()),
                    "condition cannot be evaluated in the page: "
                            + e.getMessage()
                            + " ("
                            + InputList.where(input, list.owner())
                            + ")",
                    "The page sends it to Kestra's validate endpoint instead, one request per"
                            + " change."
                            + " To evaluate it in the page: "
                            + e.hint());
            return;
        }
        if (!compiled.isLiteral()) {
            checkComparisons(compiled.tree(), list, input, condition, problems);
        }
    }

    private void checkComparisons(
            JsonNode node,
            InputList list,
            InputDefinition input,
            YamlScalar condition,
            ProblemCollector problems) {
        if (node == null || !node.isContainerNode()) {
            return;
        }
        if (ExpressionTrees.isType(node, "bin") && COMPARISONS.contains(node.path("op").asText())) {
            checkComparison(node.get("l"), node.get("r"), list, input, condition, problems);
            checkComparison(node.get("r"), node.get("l"), list, input, condition, problems);
        }
        for (JsonNode child : node) {
            checkComparisons(child, list, input, condition, problems);
        }
    }

    private void checkComparison(
            JsonNode side,
            JsonNode other,
            InputList list,
            InputDefinition input,
            YamlScalar condition,
            ProblemCollector problems) {
        Optional<InputDefinition> parent =
                ExpressionTrees.path(side)
                        .filter(path -> path.startsWith(INPUTS_PREFIX))
                        .flatMap(path -> list.find(path.substring(INPUTS_PREFIX.length())));
        if (parent.isEmpty()
                || parent.get().values().isEmpty()
                || !ExpressionTrees.isType(other, "lit")
                || !other.get("v").isTextual()) {
            return;
        }
        String literal = other.get("v").textValue();
        List<String> values = parent.get().values();
        if (values.contains(literal)) {
            return;
        }
        String suggestion =
                Suggestions.closest(literal, values)
                        .map(closest -> "Did you mean '" + closest + "'? ")
                        .orElse("");
        String custom =
                parent.get().allowCustomValue()
                        ? " Ignore this if users type it as a custom value."
                        : "";
        problems.warning(
                sourceText.locate(condition, offsetOfLiteral(condition.text(), literal)),
                "condition compares input '"
                        + parent.get().id()
                        + "' with '"
                        + literal
                        + "', which is not one of its values ("
                        + InputList.where(input, list.owner())
                        + ")",
                suggestion + "Values: " + String.join(", ", values) + "." + custom);
    }

    private static int offsetOfLiteral(String text, String literal) {
        for (String quote : List.of("'", "\"")) {
            int at = text.indexOf(quote + literal + quote);
            if (at >= 0) {
                return at;
            }
        }
        return Math.max(0, text.indexOf("{{"));
    }
}
