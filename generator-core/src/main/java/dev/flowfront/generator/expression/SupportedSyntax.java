package dev.flowfront.generator.expression;

import java.util.List;

/** The subset of Kestra's expression language that the browser runtime evaluates. */
public final class SupportedSyntax {

    /** Root variables a page can resolve. */
    public static final List<String> ROOT_VARIABLES =
            List.of("app", "execution", "flow", "inputs", "labels", "outputs", "vars");

    /** Filters the runtime implements, in alphabetical order. */
    public static final List<String> FILTERS =
            List.of(
                    "abs",
                    "capitalize",
                    "date",
                    "default",
                    "first",
                    "join",
                    "json",
                    "keys",
                    "last",
                    "length",
                    "lower",
                    "replace",
                    "slice",
                    "split",
                    "title",
                    "toJson",
                    "trim",
                    "upper",
                    "urlencode");

    /** Tests the runtime implements, used as {@code x is name} or {@code x is not name}. */
    public static final List<String> TESTS = List.of("null", "empty", "defined", "even", "odd");

    /**
     * Deepest nesting of operators, filters and literals accepted in one expression. Real
     * expressions nest a few levels. The limit keeps the recursive conversion, and the runtime that
     * walks the tree, far from a stack overflow.
     */
    public static final int MAX_DEPTH = 64;

    /** One sentence listing the supported syntax, for hints. */
    public static final String SUMMARY =
            "Apps support {{ ... }} with the variables "
                    + String.join(", ", ROOT_VARIABLES)
                    + " (read with .name or [key]), literals (strings, numbers, true, false,"
                    + " null, [lists], {maps}), the operators == != < <= > >= equals and or not"
                    + " + - * / % ~ ?? contains and c ? a : b, the tests is [not] "
                    + String.join(", ", TESTS)
                    + ", and the filters "
                    + String.join(", ", FILTERS)
                    + ". Tags such as {% if %} and functions are not supported";

    private SupportedSyntax() {}
}
