package dev.flowfront.generator.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.ExtensionRegistry;
import io.pebbletemplates.pebble.lexer.LexerImpl;
import io.pebbletemplates.pebble.lexer.Syntax;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.RootNode;
import io.pebbletemplates.pebble.node.TextNode;
import io.pebbletemplates.pebble.parser.ParserImpl;
import io.pebbletemplates.pebble.parser.ParserOptions;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles text that may contain Kestra expressions ({@code {{ ... }}}) into the JSON expression
 * trees the browser runtime evaluates, so no string is ever evaluated as code in the page.
 *
 * <p>The text is parsed by Pebble's own lexer and parser, set up as Kestra sets up its engine
 * (newline trimming and autoescaping off, Kestra's {@code ??} and {@code ???} operators added), so
 * operator precedence and literal syntax match Kestra's. The node tree is then converted node by
 * node, and anything outside {@link SupportedSyntax} is rejected with an {@link
 * ExpressionException} whose hint lists what is supported.
 *
 * <pre>{@code
 * CompiledText text = new ExpressionCompiler().compile("Hello {{ inputs.name | upper }}");
 * // text.tree(): {"parts":["Hello ",{"a":[],"e":{...},"n":"upper","t":"filter"}],"t":"tpl"}
 * }</pre>
 *
 * <p>Thread-safe and reusable: each call builds its own lexer and parser over a shared, read-only
 * extension registry. Output is deterministic: object keys are inserted in sorted order.
 *
 * <p>Results of short texts are cached because apps repeat the same expressions ({@code {{ inputs.x
 * }}}, button labels) in many blocks and pages, and the validator and the page renderer compile the
 * same texts. Callers must not modify a returned tree, since later calls may return it again.
 */
public final class ExpressionCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String TEMPLATE_NAME = "expression";

    /**
     * Maximum length of a text whose result is cached. Longer texts, whole Markdown blocks, rarely
     * repeat.
     */
    private static final int MAX_CACHED_LENGTH = 256;

    /** Maximum number of cached results. The cache is emptied when it reaches this size. */
    private static final int MAX_CACHED_TEXTS = 8192;

    private final Syntax syntax;
    private final ExtensionRegistry registry;
    private final ParserOptions parserOptions = new ParserOptions();
    private final Map<String, Outcome> cache = new ConcurrentHashMap<>();

    public ExpressionCompiler() {
        PebbleEngine engine =
                new PebbleEngine.Builder()
                        .loader(new StringLoader())
                        .newLineTrimming(false)
                        .autoEscaping(false)
                        .strictVariables(true)
                        .cacheActive(false)
                        .extension(new KestraOperators())
                        .build();
        this.syntax = engine.getSyntax();
        this.registry = engine.getExtensionRegistry();
    }

    /**
     * Compiles a text. A text without Pebble delimiters compiles to a literal, and a text that is
     * one {@code {{ ... }}} to that expression's tree. A mixed text compiles to a {@code tpl} node.
     *
     * @throws ExpressionException when Pebble cannot parse the text or it uses unsupported syntax
     */
    public CompiledText compile(String text) throws ExpressionException {
        if (!text.contains("{{") && !text.contains("{%") && !text.contains("{#")) {
            return CompiledText.ofLiteral(text);
        }
        if (text.length() > MAX_CACHED_LENGTH) {
            return compileTemplate(text);
        }
        Outcome outcome = cache.get(text);
        if (outcome == null) {
            outcome = Outcome.of(text, this);
            if (cache.size() >= MAX_CACHED_TEXTS) {
                cache.clear();
            }
            cache.put(text, outcome);
        }
        return outcome.result();
    }

    private CompiledText compileTemplate(String text) throws ExpressionException {
        TemplateSegments segments = new TemplateSegments(text);
        List<RenderableNode> nodes = parse(text, segments);

        List<JsonNode> parts = new ArrayList<>();
        StringBuilder pendingText = new StringBuilder();
        int printIndex = 0;
        for (RenderableNode node : nodes) {
            if (node instanceof TextNode textNode) {
                pendingText.append(textNode.getData());
            } else if (node instanceof PrintNode print) {
                flush(pendingText, parts);
                TemplateSegments.Segment segment = segments.print(printIndex++);
                TreeConverter converter =
                        new TreeConverter(segments.textOf(segment), segment.start());
                parts.add(converter.convert(print.getExpression()));
            } else {
                throw new ExpressionException(
                        "tags such as {% if %} or {% set %} are not supported in app expressions",
                        segments.firstTagOffset(),
                        "Use an expression in {{ ... }}, e.g. {{ x ? 'a' : 'b' }} in place of"
                                + " {% if %}. "
                                + SupportedSyntax.SUMMARY);
            }
        }
        flush(pendingText, parts);
        return result(parts);
    }

    private List<RenderableNode> parse(String text, TemplateSegments segments)
            throws ExpressionException {
        try {
            LexerImpl lexer =
                    new LexerImpl(
                            syntax,
                            registry.getUnaryOperators().values(),
                            registry.getBinaryOperators().values());
            TokenStream tokens = lexer.tokenize(new StringReader(text), TEMPLATE_NAME);
            ParserImpl parser =
                    new ParserImpl(
                            registry.getUnaryOperators(),
                            registry.getBinaryOperators(),
                            registry.getTokenParsers(),
                            parserOptions);
            RootNode root = parser.parse(tokens);
            return root.getBody().getChildren();
        } catch (StackOverflowError e) {
            // Pebble's parser recurses once per nesting level. The stack unwinds to here and
            // leaves nothing behind but this call's own objects.
            throw new ExpressionException(
                    "expression is nested too deeply to parse",
                    0,
                    "Split it into simpler expressions");
        } catch (PebbleException e) {
            int line = e.getLineNumber() == null ? 1 : e.getLineNumber();
            throw new ExpressionException(
                    "invalid expression: " + pebbleMessage(e),
                    segments.offsetOfLine(line),
                    "Check the braces, quotes and operators. " + SupportedSyntax.SUMMARY);
        } catch (ClassCastException e) {
            // Pebble 3.2.4's parser casts instead of reporting a call on a call's result, such as
            // {{ a.b('x')() }}; without this the whole build would stop with a stack trace.
            throw new ExpressionException(
                    "invalid expression: a call on the result of another call",
                    0,
                    "Call only functions by name. " + SupportedSyntax.SUMMARY);
        }
    }

    private static String pebbleMessage(PebbleException e) {
        String message = e.getPebbleMessage();
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        return message == null ? "Pebble could not parse it" : message.strip();
    }

    private static void flush(StringBuilder pendingText, List<JsonNode> parts) {
        if (pendingText.length() > 0) {
            parts.add(JSON.textNode(pendingText.toString()));
            pendingText.setLength(0);
        }
    }

    private static CompiledText result(List<JsonNode> parts) {
        boolean onlyText = parts.stream().allMatch(JsonNode::isTextual);
        if (onlyText) {
            StringBuilder literal = new StringBuilder();
            parts.forEach(part -> literal.append(part.textValue()));
            return CompiledText.ofLiteral(literal.toString());
        }
        if (parts.size() == 1) {
            return CompiledText.ofTree(parts.get(0));
        }
        ArrayNode array = JSON.arrayNode();
        parts.forEach(array::add);
        ObjectNode tpl = JSON.objectNode();
        tpl.set("parts", array);
        tpl.put("t", "tpl");
        return CompiledText.ofTree(tpl);
    }

    /**
     * A cached result: the compiled text, or the message, offset and hint of the {@link
     * ExpressionException}. Unchecked exceptions from Pebble are not cached, so each call throws
     * its own.
     */
    private record Outcome(CompiledText compiled, String message, int offset, String hint) {

        static Outcome of(String text, ExpressionCompiler compiler) {
            try {
                return new Outcome(compiler.compileTemplate(text), null, 0, null);
            } catch (ExpressionException e) {
                return new Outcome(null, e.getMessage(), e.offset(), e.hint());
            }
        }

        CompiledText result() throws ExpressionException {
            if (compiled == null) {
                throw new ExpressionException(message, offset, hint);
            }
            return compiled;
        }
    }
}
