package dev.flowfront.generator.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ExpressionTreesTest {

    private final ExpressionCompiler compiler = new ExpressionCompiler();

    private JsonNode tree(String text) throws ExpressionException {
        return compiler.compile(text).tree();
    }

    @Test
    void variablePathsListsEachPathOnce() throws ExpressionException {
        JsonNode tree = tree("{{ inputs.b }} {{ outputs.t.uri ?? inputs.b }} {{ app.url }}");

        assertThat(ExpressionTrees.variablePaths(tree))
                .containsExactly("inputs.b", "outputs.t.uri", "app.url");
    }

    @Test
    void variablePathsStopsAtIndex() throws ExpressionException {
        JsonNode tree = tree("{{ outputs.fetch.rows[0].name }}");

        assertThat(ExpressionTrees.variablePaths(tree)).containsExactly("outputs.fetch.rows");
    }

    @Test
    void variablePathsSearchesComputedKeys() throws ExpressionException {
        JsonNode tree = tree("{{ outputs[inputs.task].uri }}");

        assertThat(ExpressionTrees.variablePaths(tree)).containsExactly("outputs", "inputs.task");
    }

    @Test
    void variablePathsSearchesFilterArgumentsAndChainsOnResults() throws ExpressionException {
        JsonNode tree = tree("{{ (inputs.a | default(vars.b)).c }}");

        assertThat(ExpressionTrees.variablePaths(tree))
                .containsExactlyInAnyOrder("inputs.a", "vars.b");
    }

    @Test
    void variablePathsReturnsBareRoot() throws ExpressionException {
        assertThat(ExpressionTrees.variablePaths(tree("{{ inputs }}"))).containsExactly("inputs");
    }

    @Test
    void pathReadsAttributeChain() throws ExpressionException {
        JsonNode left = tree("{{ inputs.resource_type == 'x' }}").get("l");

        assertThat(ExpressionTrees.path(left)).contains("inputs.resource_type");
    }

    @Test
    void pathIsEmptyForLiteral() throws ExpressionException {
        JsonNode right = tree("{{ inputs.resource_type == 'x' }}").get("r");

        assertThat(ExpressionTrees.path(right)).isEmpty();
    }
}
