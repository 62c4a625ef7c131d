package dev.flowfront.generator.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ExpressionCompilerTest {

    private final ExpressionCompiler compiler = new ExpressionCompiler();

    private String tree(String text) throws ExpressionException {
        CompiledText compiled = compiler.compile(text);
        assertThat(compiled.isLiteral()).as("literal for %s", text).isFalse();
        return compiled.tree().toString();
    }

    private ExpressionException rejection(String text) {
        return catchThrowableOfType(ExpressionException.class, () -> compiler.compile(text));
    }

    @Test
    void compilesTextWithoutDelimitersToLiteral() throws ExpressionException {
        CompiledText compiled = compiler.compile("Hello { world }");

        assertThat(compiled.isLiteral()).isTrue();
        assertThat(compiled.literal()).isEqualTo("Hello { world }");
        assertThat(compiled.tree()).isNull();
    }

    @Test
    void dropsPebbleCommentsFromLiteral() throws ExpressionException {
        CompiledText compiled = compiler.compile("a{# note #}b");

        assertThat(compiled.isLiteral()).isTrue();
        assertThat(compiled.literal()).isEqualTo("ab");
    }

    @Test
    void compilesAppUrlToAttributeChain() throws ExpressionException {
        assertThat(tree("{{ app.url }}"))
                .isEqualTo(
                        "{\"k\":{\"t\":\"lit\",\"v\":\"url\"},\"o\":{\"n\":\"app\",\"t\":\"var\"},"
                                + "\"t\":\"get\"}");
    }

    @Test
    void compilesEqualsOperatorAsDoubleEquals() throws ExpressionException {
        assertThat(tree("{{ inputs.resource_type equals 'Cloud VM' }}"))
                .isEqualTo(
                        "{\"l\":{\"k\":{\"t\":\"lit\",\"v\":\"resource_type\"},"
                                + "\"o\":{\"n\":\"inputs\",\"t\":\"var\"},\"t\":\"get\"},"
                                + "\"op\":\"==\",\"r\":{\"t\":\"lit\",\"v\":\"Cloud VM\"},"
                                + "\"t\":\"bin\"}");
    }

    @Test
    void compilesTaskOutputPath() throws ExpressionException {
        CompiledText compiled = compiler.compile("{{ outputs.fetch_employee_data.uri }}");

        assertThat(ExpressionTrees.variablePaths(compiled.tree()))
                .containsExactly("outputs.fetch_employee_data.uri");
    }

    @Test
    void compilesMixedTextToTemplate() throws ExpressionException {
        assertThat(tree("Hi {{ inputs.name }}!"))
                .isEqualTo(
                        "{\"parts\":[\"Hi \",{\"k\":{\"t\":\"lit\",\"v\":\"name\"},"
                                + "\"o\":{\"n\":\"inputs\",\"t\":\"var\"},\"t\":\"get\"},\"!\"],"
                                + "\"t\":\"tpl\"}");
    }

    @Test
    void keepsNewlineAfterPrint() throws ExpressionException {
        JsonNode parts = compiler.compile("{{ app.url }}\nnext").tree().get("parts");

        assertThat(parts.get(1).textValue()).isEqualTo("\nnext");
    }

    @Test
    void compilesComparisonAndLogicOperators() throws ExpressionException {
        String text = "{{ a.x != 1 and a.y < 2 or a.z <= 3 and a.w > 4 and a.v >= 5 }}";

        assertThat(tree(text.replace("a.", "inputs.")))
                .contains("\"op\":\"!=\"")
                .contains("\"op\":\"<\"")
                .contains("\"op\":\"<=\"")
                .contains("\"op\":\">\"")
                .contains("\"op\":\">=\"")
                .contains("\"op\":\"and\"")
                .startsWith("{\"l\":{\"l\":{\"l\"")
                .contains("\"op\":\"or\"");
    }

    @Test
    void keepsPebblePrecedenceForArithmetic() throws ExpressionException {
        assertThat(tree("{{ 1 + 2 * 3 }}"))
                .isEqualTo(
                        "{\"l\":{\"t\":\"lit\",\"v\":1},\"op\":\"+\",\"r\":{\"l\":{\"t\":\"lit\","
                                + "\"v\":2},\"op\":\"*\",\"r\":{\"t\":\"lit\",\"v\":3},\"t\":\"bin\"},"
                                + "\"t\":\"bin\"}");
    }

    @Test
    void compilesArithmeticOperators() throws ExpressionException {
        String compiled = tree("{{ (1 - 2) / 3 % 4 }}");

        assertThat(compiled).contains("\"op\":\"-\"").contains("\"op\":\"/\"");
        assertThat(compiled).contains("\"op\":\"%\"");
    }

    @Test
    void compilesConcatenation() throws ExpressionException {
        assertThat(tree("{{ 'a' ~ inputs.b }}")).contains("\"op\":\"~\"");
    }

    @Test
    void compilesContainsOperator() throws ExpressionException {
        assertThat(tree("{{ inputs.tags contains 'x' }}")).contains("\"op\":\"contains\"");
    }

    @Test
    void compilesNullCoalescingAsBinaryOperator() throws ExpressionException {
        assertThat(tree("{{ inputs.name ?? 'anonymous' }}"))
                .isEqualTo(
                        "{\"l\":{\"k\":{\"t\":\"lit\",\"v\":\"name\"},"
                                + "\"o\":{\"n\":\"inputs\",\"t\":\"var\"},\"t\":\"get\"},"
                                + "\"op\":\"??\",\"r\":{\"t\":\"lit\",\"v\":\"anonymous\"},"
                                + "\"t\":\"bin\"}");
    }

    @Test
    void bindsNullCoalescingTighterThanComparison() throws ExpressionException {
        JsonNode compiled = compiler.compile("{{ inputs.a ?? 1 == 1 }}").tree();

        assertThat(compiled.get("op").textValue()).isEqualTo("==");
        assertThat(compiled.get("l").get("op").textValue()).isEqualTo("??");
    }

    @Test
    void compilesFilterWithArguments() throws ExpressionException {
        assertThat(tree("{{ inputs.name | replace({'a': 'b'}) | upper }}"))
                .isEqualTo(
                        "{\"a\":[],\"e\":{\"a\":[{\"e\":[[{\"t\":\"lit\",\"v\":\"a\"},"
                                + "{\"t\":\"lit\",\"v\":\"b\"}]],\"t\":\"map\"}],"
                                + "\"e\":{\"k\":{\"t\":\"lit\",\"v\":\"name\"},"
                                + "\"o\":{\"n\":\"inputs\",\"t\":\"var\"},\"t\":\"get\"},"
                                + "\"n\":\"replace\",\"t\":\"filter\"},\"n\":\"upper\","
                                + "\"t\":\"filter\"}");
    }

    @Test
    void compilesDefaultFilter() throws ExpressionException {
        assertThat(tree("{{ inputs.x | default('none') }}"))
                .contains("\"a\":[{\"t\":\"lit\",\"v\":\"none\"}]")
                .contains("\"n\":\"default\"");
    }

    @Test
    void compilesPositiveAndNegativeTests() throws ExpressionException {
        assertThat(tree("{{ inputs.x is null }}"))
                .isEqualTo(
                        "{\"e\":{\"k\":{\"t\":\"lit\",\"v\":\"x\"},"
                                + "\"o\":{\"n\":\"inputs\",\"t\":\"var\"},\"t\":\"get\"},"
                                + "\"n\":\"null\",\"neg\":false,\"t\":\"test\"}");
        assertThat(tree("{{ inputs.x is not empty }}")).contains("\"n\":\"empty\",\"neg\":true");
    }

    @Test
    void compilesTernary() throws ExpressionException {
        assertThat(tree("{{ inputs.ok ? 'yes' : 'no' }}"))
                .isEqualTo(
                        "{\"a\":{\"t\":\"lit\",\"v\":\"yes\"},\"b\":{\"t\":\"lit\",\"v\":\"no\"},"
                                + "\"c\":{\"k\":{\"t\":\"lit\",\"v\":\"ok\"},"
                                + "\"o\":{\"n\":\"inputs\",\"t\":\"var\"},\"t\":\"get\"},"
                                + "\"t\":\"cond\"}");
    }

    @Test
    void compilesUnaryOperators() throws ExpressionException {
        assertThat(tree("{{ not inputs.ok }}")).startsWith("{\"e\":").endsWith("\"t\":\"not\"}");
        assertThat(tree("{{ -inputs.n }}")).endsWith("\"t\":\"neg\"}");
    }

    @Test
    void compilesLiterals() throws ExpressionException {
        assertThat(tree("{{ [1, 2.5, true, null, \"s\"] }}"))
                .isEqualTo(
                        "{\"i\":[{\"t\":\"lit\",\"v\":1},{\"t\":\"lit\",\"v\":2.5},"
                                + "{\"t\":\"lit\",\"v\":true},{\"t\":\"lit\",\"v\":null},"
                                + "{\"t\":\"lit\",\"v\":\"s\"}],\"t\":\"list\"}");
    }

    @Test
    void sortsMapLiteralEntries() throws ExpressionException {
        String compiled = tree("{{ {'b': 2, 'a': 1, 'c': 3} }}");

        assertThat(compiled)
                .isEqualTo(
                        "{\"e\":[[{\"t\":\"lit\",\"v\":\"a\"},{\"t\":\"lit\",\"v\":1}],"
                                + "[{\"t\":\"lit\",\"v\":\"b\"},{\"t\":\"lit\",\"v\":2}],"
                                + "[{\"t\":\"lit\",\"v\":\"c\"},{\"t\":\"lit\",\"v\":3}]],"
                                + "\"t\":\"map\"}");
    }

    @Test
    void compilesSubscriptAccess() throws ExpressionException {
        assertThat(tree("{{ outputs['my-task'].values[0] }}"))
                .contains("{\"t\":\"lit\",\"v\":0}")
                .contains("{\"t\":\"lit\",\"v\":\"my-task\"}");
    }

    @Test
    void compilesSameTextToSameTree() throws ExpressionException {
        String text = "{{ {'x': inputs.a, 'y': [1, {'z': 2}]} }} and {{ inputs.b ?? 'c' }}";

        assertThat(tree(text)).isEqualTo(new ExpressionCompiler().compile(text).tree().toString());
    }

    @Test
    void rejectsControlTagWithOffset() {
        ExpressionException error = rejection("Hi {% if inputs.a %}x{% endif %}");

        assertThat(error.getMessage()).contains("{% if %}");
        assertThat(error.offset()).isEqualTo(3);
        assertThat(error.hint()).contains("filters abs");
    }

    @Test
    void rejectsUnknownFilterListingSupportedOnes() {
        ExpressionException error = rejection("Total: {{ inputs.x | sha256 }}");

        assertThat(error.getMessage()).isEqualTo("filter 'sha256' is not supported");
        assertThat(error.offset()).isEqualTo(21);
        assertThat(error.hint()).contains("upper, urlencode");
    }

    @Test
    void rejectsFunctionCall() {
        ExpressionException error = rejection("{{ json(outputs.a.body).labels[0] }}");

        assertThat(error.getMessage()).contains("function 'json()'");
        assertThat(error.offset()).isEqualTo(3);
    }

    @Test
    void rejectsCallOnCallThatBreaksPebbleParser() {
        ExpressionException error = rejection("{{ constructor.constructor('alert(1)')() }}");

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).startsWith("invalid expression");
    }

    @Test
    void rejectsSecretFunction() {
        assertThat(rejection("{{ secret('HF_API_TOKEN') }}").getMessage())
                .contains("function 'secret()'");
    }

    @Test
    void rejectsUnknownRootVariable() {
        ExpressionException error = rejection("{{ trigger.date }}");

        assertThat(error.getMessage()).contains("variable 'trigger'");
        assertThat(error.hint()).contains("app, execution, flow, inputs, labels, outputs, vars");
    }

    @Test
    void rejectsUnsupportedTest() {
        assertThat(rejection("{{ inputs.n is divisibleby(3) }}").getMessage())
                .contains("test 'is divisibleby'");
    }

    @Test
    void rejectsMethodCall() {
        assertThat(rejection("{{ inputs.name.toUpperCase() }}").getMessage())
                .contains("method calls");
    }

    @Test
    void rejectsRangeOperator() {
        assertThat(rejection("{{ 1..3 }}").getMessage()).contains("'..'");
    }

    @Test
    void rejectsUndefinedCoalescingOperator() {
        assertThat(rejection("{{ inputs.a ??? 'b' }}").getMessage()).contains("'???'");
    }

    @Test
    void rejectsUnclosedPrintWithOffset() {
        ExpressionException error = rejection("line one\nsee {{ inputs.a ");

        assertThat(error.getMessage()).startsWith("invalid expression: ");
        assertThat(error.offset()).isEqualTo(13);
    }

    @Test
    void rejectsSyntaxErrorInSecondPrint() {
        ExpressionException error = rejection("{{ inputs.a }} and {{ inputs.b == }}");

        assertThat(error.getMessage()).startsWith("invalid expression: ");
        assertThat(error.offset()).isEqualTo(19);
    }

    @Test
    void compilesStringInterpolationAsConcatenation() throws ExpressionException {
        assertThat(tree("{{ \"Hi #{inputs.name}!\" }}"))
                .isEqualTo(
                        "{\"l\":{\"t\":\"lit\",\"v\":\"Hi \"},\"op\":\"~\","
                                + "\"r\":{\"l\":{\"k\":{\"t\":\"lit\",\"v\":\"name\"},"
                                + "\"o\":{\"n\":\"inputs\",\"t\":\"var\"},\"t\":\"get\"},"
                                + "\"op\":\"~\",\"r\":{\"t\":\"lit\",\"v\":\"!\"},\"t\":\"bin\"},"
                                + "\"t\":\"bin\"}");
    }

    @Test
    void rejectsNamedFilterArguments() {
        ExpressionException error = rejection("{{ inputs.d | date(format='yyyy') }}");

        assertThat(error.getMessage()).contains("named arguments");
        assertThat(error.offset()).isEqualTo(14);
    }

    @Test
    void rejectsTemplateFunctions() {
        assertThat(rejection("{{ parent() }}").getMessage()).contains("parent()");
    }

    @Test
    void rejectsEmptyPrint() {
        assertThat(rejection("a {{ }} b").getMessage()).startsWith("invalid expression: ");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void rejectsLongOperatorChain() {
        String chain = "{{ 1" + " + 1".repeat(20_000) + " }}";

        ExpressionException error = rejection(chain);

        assertThat(error.getMessage()).contains("nested more than 64 levels");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void rejectsDeepParenthesesWithoutCrashing() {
        String nested = "{{ " + "(".repeat(50_000) + "1" + ")".repeat(50_000) + " }}";

        ExpressionException error = rejection(nested);

        assertThat(error.getMessage()).contains("nested");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void rejectsDeepUnaryChainWithoutCrashing() {
        ExpressionException error = rejection("{{ " + "not ".repeat(50_000) + "true }}");

        assertThat(error.getMessage()).contains("nested");
    }

    @Test
    void acceptsNestingAtTheLimit() throws ExpressionException {
        String nested = "{{ " + "-".repeat(SupportedSyntax.MAX_DEPTH - 1) + "1 }}";

        assertThat(compiler.compile(nested).isLiteral()).isFalse();
    }

    @Test
    void repeatedTextGivesSameTreeAndSameError() throws ExpressionException {
        String valid = "{{ inputs.name | upper }}";
        String invalid = "{{ inputs.name | }}";

        JsonNode first = compiler.compile(valid).tree();
        JsonNode second = compiler.compile(valid).tree();
        ExpressionException firstError = rejection(invalid);
        ExpressionException secondError = rejection(invalid);

        assertThat(second).isEqualTo(first);
        assertThat(second.toString())
                .isEqualTo(new ExpressionCompiler().compile(valid).tree().toString());
        assertThat(secondError).isNotSameAs(firstError);
        assertThat(secondError.getMessage()).isEqualTo(firstError.getMessage());
        assertThat(secondError.offset()).isEqualTo(firstError.offset());
        assertThat(secondError.hint()).isEqualTo(firstError.hint());
    }
}
