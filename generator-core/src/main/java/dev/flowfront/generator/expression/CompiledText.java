package dev.flowfront.generator.expression;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The result of compiling a text that may hold Kestra expressions: either a literal, or an
 * expression tree for the browser runtime to evaluate.
 *
 * <p>A text that is exactly one {@code {{ ... }}} compiles to that expression's node, so that the
 * runtime keeps the value's type (a boolean condition, a map of task outputs). A text that mixes
 * plain text and expressions compiles to a {@code tpl} node whose parts are joined as strings.
 *
 * @param literal the text when it contains no expression (Pebble comments removed), else null
 * @param tree the expression tree when the text contains an expression, else null
 * @throws IllegalArgumentException unless exactly one of the two is set
 */
public record CompiledText(String literal, JsonNode tree) {

    public CompiledText {
        if ((literal == null) == (tree == null)) {
            throw new IllegalArgumentException("exactly one of literal and tree must be set");
        }
    }

    static CompiledText ofLiteral(String literal) {
        return new CompiledText(literal, null);
    }

    static CompiledText ofTree(JsonNode tree) {
        return new CompiledText(null, tree);
    }

    /** Whether the text contains no expression, so {@link #tree()} is null. */
    public boolean isLiteral() {
        return tree == null;
    }
}
