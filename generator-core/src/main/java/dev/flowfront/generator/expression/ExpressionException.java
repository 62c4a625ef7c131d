package dev.flowfront.generator.expression;

/**
 * A text that Pebble cannot parse, or that uses syntax outside the subset the browser runtime
 * evaluates. The validator turns it into a Problem. The message names what is wrong and {@link
 * #hint()} says how to fix it.
 */
public class ExpressionException extends Exception {

    private final int offset;
    private final String hint;

    public ExpressionException(String message, int offset, String hint) {
        super(message);
        this.offset = Math.max(0, offset);
        this.hint = hint == null ? "" : hint;
    }

    /** The 0-based char offset in the compiled text where the problem is; 0 when unknown. */
    public int offset() {
        return offset;
    }

    /** How to fix the problem, listing the supported syntax where useful, or empty. */
    public String hint() {
        return hint;
    }
}
