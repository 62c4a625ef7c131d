package dev.flowfront.generator.render;

/**
 * Text shown on a page: either plain text, or the id of an expression the runtime evaluates and
 * inserts as {@code textContent}.
 *
 * @param text the text when it holds no expression, else null
 * @param expression the expression id such as {@code e3}, else null
 */
public record TextValue(String text, String expression) {

    static TextValue literal(String text) {
        return new TextValue(text, null);
    }

    static TextValue ofExpression(String id) {
        return new TextValue(null, id);
    }

    public boolean isLiteral() {
        return expression == null;
    }
}
