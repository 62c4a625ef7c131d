package dev.flowfront.generator.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.expression.CompiledText;
import dev.flowfront.generator.expression.ExpressionCompiler;
import dev.flowfront.generator.expression.ExpressionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The expressions of one page. Each distinct expression tree gets an id ({@code e1}, {@code e2}, in
 * the order the page first uses them) that markup and the page configuration refer to.
 */
final class ExpressionTable {

    private final ExpressionCompiler compiler;
    private final ProblemCollector problems;
    private final Map<JsonNode, String> idsByTree = new LinkedHashMap<>();

    ExpressionTable(ExpressionCompiler compiler, ProblemCollector problems) {
        this.compiler = compiler;
        this.problems = problems;
    }

    /** Returns whether text contains Kestra template syntax and so needs the compiler. */
    static boolean hasTemplate(String text) {
        return text != null && (text.contains("{{") || text.contains("{%") || text.contains("{#"));
    }

    /**
     * Compiles text that may contain expressions. A compile failure is an ERROR at {@code at}, and
     * the text is then shown as written so the rest of the page can still be checked.
     *
     * @param where the place in the app, for the message, such as {@code stage 'OPEN', block 2 of
     *     app 'x'}
     */
    TextValue text(String text, SourceLocation at, String where) {
        if (!hasTemplate(text)) {
            return TextValue.literal(text);
        }
        return compile(text, at, where)
                .map(
                        compiled ->
                                compiled.isLiteral()
                                        ? TextValue.literal(compiled.literal())
                                        : TextValue.ofExpression(idOf(compiled.tree())))
                .orElse(TextValue.literal(text));
    }

    /** Compiles a condition, returning empty without a problem when the runtime cannot use it. */
    Optional<String> condition(String source) {
        try {
            CompiledText compiled = compiler.compile(source);
            return compiled.isLiteral() ? Optional.empty() : Optional.of(idOf(compiled.tree()));
        } catch (ExpressionException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<CompiledText> compile(String text, SourceLocation at, String where) {
        String message;
        String hint;
        try {
            return Optional.of(compiler.compile(text));
        } catch (ExpressionException e) {
            message = e.getMessage();
            hint = e.hint();
        } catch (RuntimeException e) {
            // Pebble's parser throws unchecked exceptions, such as ClassCastException for
            // "{{ a.b('x')() }}", on some malformed input.
            message = "Pebble cannot parse it (" + e.getClass().getSimpleName() + ")";
            hint = "Write a plain expression such as '{{ inputs.name }}'";
        }
        problems.error(
                at,
                "expression in '"
                        + abbreviate(text)
                        + "' cannot be compiled ("
                        + where
                        + "): "
                        + message,
                hint);
        return Optional.empty();
    }

    private String idOf(JsonNode tree) {
        return idsByTree.computeIfAbsent(tree, unused -> "e" + (idsByTree.size() + 1));
    }

    /** Returns the trees by id, for the page configuration. */
    Map<String, JsonNode> entries() {
        Map<String, JsonNode> entries = new TreeMap<>();
        idsByTree.forEach((tree, id) -> entries.put(id, tree));
        return entries;
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
