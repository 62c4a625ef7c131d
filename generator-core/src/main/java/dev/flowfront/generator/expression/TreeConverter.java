package dev.flowfront.generator.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.PositionalArgumentNode;
import io.pebbletemplates.pebble.node.TestInvocationExpression;
import io.pebbletemplates.pebble.node.expression.AddExpression;
import io.pebbletemplates.pebble.node.expression.AndExpression;
import io.pebbletemplates.pebble.node.expression.ArrayExpression;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.BlockFunctionExpression;
import io.pebbletemplates.pebble.node.expression.ConcatenateExpression;
import io.pebbletemplates.pebble.node.expression.ContainsExpression;
import io.pebbletemplates.pebble.node.expression.ContextVariableExpression;
import io.pebbletemplates.pebble.node.expression.DivideExpression;
import io.pebbletemplates.pebble.node.expression.EqualsExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterExpression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.FunctionOrMacroInvocationExpression;
import io.pebbletemplates.pebble.node.expression.GetAttributeExpression;
import io.pebbletemplates.pebble.node.expression.GreaterThanEqualsExpression;
import io.pebbletemplates.pebble.node.expression.GreaterThanExpression;
import io.pebbletemplates.pebble.node.expression.LessThanEqualsExpression;
import io.pebbletemplates.pebble.node.expression.LessThanExpression;
import io.pebbletemplates.pebble.node.expression.LiteralBigDecimalExpression;
import io.pebbletemplates.pebble.node.expression.LiteralBooleanExpression;
import io.pebbletemplates.pebble.node.expression.LiteralDoubleExpression;
import io.pebbletemplates.pebble.node.expression.LiteralIntegerExpression;
import io.pebbletemplates.pebble.node.expression.LiteralLongExpression;
import io.pebbletemplates.pebble.node.expression.LiteralNullExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.node.expression.MapExpression;
import io.pebbletemplates.pebble.node.expression.ModulusExpression;
import io.pebbletemplates.pebble.node.expression.MultiplyExpression;
import io.pebbletemplates.pebble.node.expression.NegativeTestExpression;
import io.pebbletemplates.pebble.node.expression.NotEqualsExpression;
import io.pebbletemplates.pebble.node.expression.OrExpression;
import io.pebbletemplates.pebble.node.expression.ParentFunctionExpression;
import io.pebbletemplates.pebble.node.expression.PositiveTestExpression;
import io.pebbletemplates.pebble.node.expression.RangeExpression;
import io.pebbletemplates.pebble.node.expression.SubtractExpression;
import io.pebbletemplates.pebble.node.expression.TernaryExpression;
import io.pebbletemplates.pebble.node.expression.UnaryMinusExpression;
import io.pebbletemplates.pebble.node.expression.UnaryNotExpression;
import io.pebbletemplates.pebble.node.expression.UnaryPlusExpression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one Pebble expression into the JSON tree the browser runtime evaluates, rejecting every
 * node outside {@link SupportedSyntax}. Object keys are inserted in sorted order, so a tree
 * serializes the same way whatever the ObjectMapper's settings.
 */
final class TreeConverter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Operator names by Pebble node class. Subclasses match too. */
    private static final Map<Class<?>, String> BINARY_OPERATORS = binaryOperators();

    private final String segmentText;
    private final int segmentOffset;
    private int depth;

    /**
     * @param segmentText the {@code {{ ... }}} being converted, to locate names in errors
     * @param segmentOffset the segment's offset in the whole text
     */
    TreeConverter(String segmentText, int segmentOffset) {
        this.segmentText = segmentText;
        this.segmentOffset = segmentOffset;
    }

    JsonNode convert(Expression<?> expression) throws ExpressionException {
        if (depth >= SupportedSyntax.MAX_DEPTH) {
            throw new ExpressionException(
                    "expression is nested more than " + SupportedSyntax.MAX_DEPTH + " levels deep",
                    segmentOffset,
                    "Split it into simpler expressions");
        }
        depth++;
        try {
            return convertNode(expression);
        } finally {
            depth--;
        }
    }

    private JsonNode convertNode(Expression<?> expression) throws ExpressionException {
        if (expression instanceof ContextVariableExpression variable) {
            return variable(variable.getName());
        }
        if (expression instanceof GetAttributeExpression get) {
            return attribute(get);
        }
        if (expression instanceof FilterExpression filter) {
            return filter(filter);
        }
        if (expression instanceof PositiveTestExpression test) {
            return test(test);
        }
        if (expression instanceof BinaryExpression<?> binary) {
            return binary(binary);
        }
        return convertOther(expression);
    }

    /** Converts unary operators, the ternary, collection literals and scalar literals. */
    private JsonNode convertOther(Expression<?> expression) throws ExpressionException {
        if (expression instanceof UnaryNotExpression not) {
            return unary("not", convert(not.getChildExpression()));
        }
        if (expression instanceof UnaryMinusExpression minus) {
            return unary("neg", convert(minus.getChildExpression()));
        }
        if (expression instanceof UnaryPlusExpression plus) {
            // Unary plus leaves a number unchanged, so the tree has no node for it.
            return convert(plus.getChildExpression());
        }
        if (expression instanceof TernaryExpression ternary) {
            return ternary(ternary);
        }
        if (expression instanceof ArrayExpression array) {
            return list(array);
        }
        if (expression instanceof MapExpression map) {
            return map(map);
        }
        if (expression instanceof ParentFunctionExpression
                || expression instanceof BlockFunctionExpression) {
            throw unsupported(
                    "template functions such as parent() and block() are not supported", "");
        }
        if (expression instanceof FunctionOrMacroInvocationExpression function) {
            throw unsupported(
                    "function '"
                            + function.getFunctionName()
                            + "()' is not supported in app"
                            + " expressions",
                    function.getFunctionName());
        }
        return literal(expression);
    }

    private JsonNode variable(String name) throws ExpressionException {
        if (!SupportedSyntax.ROOT_VARIABLES.contains(name)) {
            throw unsupported("variable '" + name + "' is not available to apps", name);
        }
        ObjectNode node = JSON.objectNode();
        node.put("n", name);
        node.put("t", "var");
        return node;
    }

    private JsonNode attribute(GetAttributeExpression get) throws ExpressionException {
        if (get.getArgumentsNode() != null) {
            throw unsupported("method calls such as 'a.b()' are not supported", "(");
        }
        ObjectNode node = JSON.objectNode();
        node.set("k", convert(get.getAttributeNameExpression()));
        node.set("o", convert(get.getNode()));
        node.put("t", "get");
        return node;
    }

    private JsonNode filter(FilterExpression filter) throws ExpressionException {
        FilterInvocationExpression invocation =
                (FilterInvocationExpression) filter.getRightExpression();
        String name = invocation.getFilterName();
        if (!SupportedSyntax.FILTERS.contains(name)) {
            throw unsupported("filter '" + name + "' is not supported", name);
        }
        ObjectNode node = JSON.objectNode();
        node.set("a", arguments(invocation.getArgs(), name));
        node.set("e", convert(filter.getLeftExpression()));
        node.put("n", name);
        node.put("t", "filter");
        return node;
    }

    private JsonNode test(PositiveTestExpression test) throws ExpressionException {
        TestInvocationExpression invocation = (TestInvocationExpression) test.getRightExpression();
        String name = invocation.getTestName();
        if (!SupportedSyntax.TESTS.contains(name)) {
            throw unsupported("test 'is " + name + "' is not supported", name);
        }
        ArgumentsNode args = invocation.getArgs();
        if (!positional(args).isEmpty()) {
            throw unsupported("test 'is " + name + "' takes no arguments", name);
        }
        ObjectNode node = JSON.objectNode();
        node.set("e", convert(test.getLeftExpression()));
        node.put("n", name);
        node.put("neg", test instanceof NegativeTestExpression);
        node.put("t", "test");
        return node;
    }

    private JsonNode binary(BinaryExpression<?> binary) throws ExpressionException {
        String operator = binaryOperator(binary);
        ObjectNode node = JSON.objectNode();
        node.set("l", convert(binary.getLeftExpression()));
        node.put("op", operator);
        node.set("r", convert(binary.getRightExpression()));
        node.put("t", "bin");
        return node;
    }

    private String binaryOperator(BinaryExpression<?> binary) throws ExpressionException {
        for (Map.Entry<Class<?>, String> entry : BINARY_OPERATORS.entrySet()) {
            if (entry.getKey().isInstance(binary)) {
                return entry.getValue();
            }
        }
        if (binary instanceof RangeExpression) {
            throw unsupported("the range operator '..' is not supported", "..");
        }
        if (binary instanceof KestraOperators.UndefinedCoalescingExpression) {
            throw unsupported(
                    "the operator '???' is not supported, use '??', which also covers null",
                    KestraOperators.UNDEFINED_COALESCING);
        }
        throw unsupported(
                "the operator of " + binary.getClass().getSimpleName() + " is not supported", "");
    }

    private static JsonNode unary(String type, JsonNode operand) {
        ObjectNode node = JSON.objectNode();
        node.set("e", operand);
        node.put("t", type);
        return node;
    }

    private JsonNode ternary(TernaryExpression ternary) throws ExpressionException {
        ObjectNode node = JSON.objectNode();
        node.set("a", convert(ternary.getExpression2()));
        node.set("b", convert(ternary.getExpression3()));
        node.set("c", convert(ternary.getExpression1()));
        node.put("t", "cond");
        return node;
    }

    private JsonNode list(ArrayExpression array) throws ExpressionException {
        ArrayNode items = JSON.arrayNode();
        for (Expression<?> item : array.getValues()) {
            items.add(convert(item));
        }
        ObjectNode node = JSON.objectNode();
        node.set("i", items);
        node.put("t", "list");
        return node;
    }

    private JsonNode map(MapExpression map) throws ExpressionException {
        // Pebble keeps map literals in a HashMap keyed by node identity, so its order changes
        // from run to run. Sorting by the converted key keeps the output deterministic.
        List<ArrayNode> entries = new ArrayList<>();
        for (Map.Entry<Expression<?>, Expression<?>> entry : map.getEntries().entrySet()) {
            ArrayNode pair = JSON.arrayNode();
            pair.add(convert(entry.getKey()));
            pair.add(convert(entry.getValue()));
            entries.add(pair);
        }
        entries.sort(Comparator.comparing(ArrayNode::toString));
        ArrayNode sorted = JSON.arrayNode();
        entries.forEach(sorted::add);
        ObjectNode node = JSON.objectNode();
        node.set("e", sorted);
        node.put("t", "map");
        return node;
    }

    private ArrayNode arguments(ArgumentsNode args, String filterName) throws ExpressionException {
        ArrayNode values = JSON.arrayNode();
        if (args == null) {
            return values;
        }
        if (args.getNamedArgs() != null && !args.getNamedArgs().isEmpty()) {
            throw unsupported(
                    "filter '"
                            + filterName
                            + "' has named arguments, which are not supported;"
                            + " pass them by position",
                    filterName);
        }
        for (PositionalArgumentNode argument : positional(args)) {
            values.add(convert(argument.getValueExpression()));
        }
        return values;
    }

    /** Pebble leaves the list null when a call has no positional arguments. */
    private static List<PositionalArgumentNode> positional(ArgumentsNode args) {
        if (args == null || args.getPositionalArgs() == null) {
            return List.of();
        }
        return args.getPositionalArgs();
    }

    private JsonNode literal(Expression<?> expression) throws ExpressionException {
        JsonNode value;
        if (expression instanceof LiteralStringExpression string) {
            value = JSON.textNode(string.getValue());
        } else if (expression instanceof LiteralIntegerExpression integer) {
            value = JSON.numberNode(integer.getValue());
        } else if (expression instanceof LiteralLongExpression number) {
            value = JSON.numberNode(number.getValue());
        } else if (expression instanceof LiteralDoubleExpression number) {
            value = JSON.numberNode(number.getValue());
        } else if (expression instanceof LiteralBigDecimalExpression number) {
            value = JSON.numberNode(number.getValue());
        } else if (expression instanceof LiteralBooleanExpression bool) {
            value = JSON.booleanNode(bool.getValue());
        } else if (expression instanceof LiteralNullExpression) {
            value = JSON.nullNode();
        } else {
            throw unsupported(
                    "this kind of expression ("
                            + expression.getClass().getSimpleName()
                            + ") is not supported",
                    "");
        }
        ObjectNode node = JSON.objectNode();
        node.put("t", "lit");
        node.set("v", value);
        return node;
    }

    /** Creates an error located at the first occurrence of {@code name} in the segment. */
    private ExpressionException unsupported(String message, String name) {
        int inSegment = name.isEmpty() ? -1 : segmentText.indexOf(name, 2);
        int offset = segmentOffset + Math.max(0, inSegment);
        return new ExpressionException(message, offset, SupportedSyntax.SUMMARY);
    }

    private static Map<Class<?>, String> binaryOperators() {
        Map<Class<?>, String> operators = new LinkedHashMap<>();
        operators.put(EqualsExpression.class, "==");
        operators.put(NotEqualsExpression.class, "!=");
        operators.put(LessThanExpression.class, "<");
        operators.put(LessThanEqualsExpression.class, "<=");
        operators.put(GreaterThanExpression.class, ">");
        operators.put(GreaterThanEqualsExpression.class, ">=");
        operators.put(AndExpression.class, "and");
        operators.put(OrExpression.class, "or");
        operators.put(AddExpression.class, "+");
        operators.put(SubtractExpression.class, "-");
        operators.put(MultiplyExpression.class, "*");
        operators.put(DivideExpression.class, "/");
        operators.put(ModulusExpression.class, "%");
        operators.put(ConcatenateExpression.class, "~");
        operators.put(ContainsExpression.class, "contains");
        operators.put(KestraOperators.NullCoalescingExpression.class, "??");
        return operators;
    }
}
