package dev.flowfront.generator.render;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Turns Markdown (CommonMark with GFM tables, strikethrough and autolinks) into HTML that is safe
 * to put in a page: no script, no event attribute, no remote content such as images. Raw HTML in
 * the Markdown passes through jsoup's cleaner, and every removal is reported as a WARNING so that
 * authors learn why their content changed.
 *
 * <p>Kestra expressions ({@code {{ ... }}}) are swapped for plain-letter tokens before the Markdown
 * is parsed, so that Markdown syntax inside them (underscores, asterisks) is left alone, and the
 * tokens become {@code <span data-ff-expr>} elements after sanitizing. Thread-safe.
 */
final class MarkdownRenderer {

    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);
    private static final String REL = "noopener noreferrer";

    /** Characters besides ASCII letters and digits that {@link #isPlainSentence} accepts. */
    private static final String PLAIN_PUNCTUATION = " ,.;:'?!()-";

    /**
     * Parsed once, because jsoup parses a selector string again on every {@code select(String)}.
     */
    private static final Evaluator LINKS = QueryParser.parse("a[href]");

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Safelist safelist;

    MarkdownRenderer() {
        List<Extension> extensions =
                List.of(
                        TablesExtension.create(),
                        StrikethroughExtension.create(),
                        AutolinkExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).build();
        this.safelist = pageSafelist();
    }

    /**
     * Relaxed formatting without images, which would load remote content, and with anchors ({@code
     * #id}) allowed next to http, https and mailto links.
     */
    private static Safelist pageSafelist() {
        return Safelist.relaxed()
                .removeTags("img")
                .removeProtocols("a", "href", "ftp")
                .addProtocols("a", "href", "#")
                .addTags("del", "s", "hr")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .addAttributes("code", "class");
    }

    /**
     * Renders Markdown to sanitized HTML.
     *
     * @param at where the Markdown is, for problems
     * @param where the place in the app, for messages
     */
    String render(
            String markdown,
            ExpressionTable expressions,
            ProblemCollector problems,
            SourceLocation at,
            String where) {
        if (isPlainSentence(markdown)) {
            return "<p>" + markdown + "</p>\n";
        }
        return renderSanitized(markdown, expressions, problems, at, where);
    }

    /**
     * Returns whether the text is one line of letters, digits, spaces and the punctuation {@code
     * ,.;:'?!()-}, starting with a letter and ending without a space, and free of {@code www.}.
     * Such text, typical of input descriptions, is one paragraph that Markdown, the autolink
     * extension and the sanitizer all leave as written, so {@link #render} wraps it in {@code <p>}
     * without parsing it.
     */
    static boolean isPlainSentence(String text) {
        int length = text.length();
        if (length == 0 || !isAsciiLetter(text.charAt(0)) || text.charAt(length - 1) == ' ') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && PLAIN_PUNCTUATION.indexOf(c) < 0) {
                return false;
            }
        }
        return !text.toLowerCase(Locale.ROOT).contains("www.");
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Renders any Markdown through commonmark and the sanitizer. */
    String renderSanitized(
            String markdown,
            ExpressionTable expressions,
            ProblemCollector problems,
            SourceLocation at,
            String where) {
        if (markdown.contains("{%")) {
            problems.error(
                    at,
                    "Markdown holds a '{% ... %}' tag (" + where + ")",
                    "Pages evaluate only '{{ ... }}' expressions; use the '??' operator or a"
                            + " conditional expression such as '{{ a ? b : c }}' instead of tags");
        }
        Tokens tokens = new Tokens(markdown);
        String protectedMarkdown = tokens.protect(markdown);
        String html;
        try {
            html = renderer.render(parser.parse(protectedMarkdown));
        } catch (StackOverflowError e) {
            // commonmark walks its syntax tree recursively, so thousands of nested quotes, lists
            // or emphasis exhaust the stack. The error leaves no shared state behind.
            problems.error(
                    at,
                    "Markdown nests quotes, lists or emphasis too deeply to render (" + where + ")",
                    "Flatten the nesting; a few levels are enough for any page");
            return "";
        }

        Document raw = Jsoup.parseBodyFragment(html);
        moveExpressionsOutOfAttributes(raw, tokens, expressions, at, where);
        Document clean = new Cleaner(safelist).clean(raw);
        raw.outputSettings().prettyPrint(false);
        clean.outputSettings().prettyPrint(false);
        if (!sameTree(raw.body(), clean.body()) && !raw.body().html().equals(clean.body().html())) {
            reportRemovals(raw, problems, at, where);
        }
        String expressionHref = "#" + tokens.prefix;
        for (Element link : clean.select(LINKS)) {
            link.attr("rel", REL);
            String href = link.attr("href");
            // Compared ignoring case, as a CSS attribute selector such as [href^=#x] compares.
            if (href.regionMatches(true, 0, expressionHref, 0, expressionHref.length())) {
                link.attr("href", "#")
                        .attr("data-ff-href-expr", href.substring(expressionHref.length()));
            }
        }
        insertExpressionSpans(clean, tokens, expressions, at, where);
        return clean.body().html();
    }

    /**
     * Replaces tokens in attributes before cleaning: in a link's href with an anchor that carries
     * the expression id (the cleaner keeps anchors), in any other attribute with the expression as
     * written, since attributes such as {@code title} are never evaluated.
     */
    private static void moveExpressionsOutOfAttributes(
            Document document,
            Tokens tokens,
            ExpressionTable expressions,
            SourceLocation at,
            String where) {
        for (Element element : document.body().getAllElements()) {
            for (Attribute attribute : element.attributes().asList()) {
                String value = attribute.getValue();
                if (!value.contains(tokens.prefix)) {
                    continue;
                }
                String restored = tokens.restore(value);
                if (element.normalName().equals("a") && attribute.getKey().equals("href")) {
                    TextValue href = expressions.text(restored, at, where);
                    element.attr(
                            "href",
                            href.isLiteral()
                                    ? href.text()
                                    : "#" + tokens.prefix + href.expression());
                } else {
                    element.attr(attribute.getKey(), restored);
                }
            }
        }
    }

    /**
     * Returns whether two trees have the same nodes, names, attributes and text, which means they
     * serialize to the same HTML. Comparing trees is cheaper than serializing both, and a false
     * result only makes the caller compare the HTML. The walk is iterative because hostile Markdown
     * nests thousands of levels deep.
     */
    static boolean sameTree(Node first, Node second) {
        Node a = first;
        Node b = second;
        int depth = 0;
        while (true) {
            if (!sameNode(a, b)) {
                return false;
            }
            if (a.childNodeSize() > 0) {
                a = a.childNode(0);
                b = b.childNode(0);
                depth++;
                continue;
            }
            // sameNode checked the child counts, so both walks climb and move in step.
            while (depth > 0 && a.nextSibling() == null) {
                a = a.parent();
                b = b.parent();
                depth--;
            }
            if (depth == 0) {
                return true;
            }
            a = a.nextSibling();
            b = b.nextSibling();
        }
    }

    private static boolean sameNode(Node a, Node b) {
        if (a.getClass() != b.getClass() || a.childNodeSize() != b.childNodeSize()) {
            return false;
        }
        if (a instanceof Element first) {
            Element second = (Element) b;
            return first.tag().equals(second.tag())
                    && first.attributes().asList().equals(second.attributes().asList());
        }
        if (a instanceof TextNode first) {
            return first.getWholeText().equals(((TextNode) b).getWholeText());
        }
        if (a instanceof DataNode first) {
            return first.getWholeData().equals(((DataNode) b).getWholeData());
        }
        return false;
    }

    private void reportRemovals(
            Document raw, ProblemCollector problems, SourceLocation at, String where) {
        Set<String> removed = new LinkedHashSet<>();
        NodeTraversor.traverse(
                (node, depth) -> describeRemoval(node).ifPresent(removed::add), raw.body());
        String removals = removed.isEmpty() ? "content" : String.join(", ", removed);
        problems.warning(
                at,
                "the sanitizer removed " + removals + " from Markdown (" + where + ")",
                "Pages keep only basic formatting and http, https or mailto links; use an Image"
                        + " block for images and remove scripts, event attributes and styles");
    }

    private java.util.Optional<String> describeRemoval(Node node) {
        if (node instanceof Comment) {
            return java.util.Optional.of("an HTML comment");
        }
        if (!(node instanceof Element element) || element == element.ownerDocument().body()) {
            return java.util.Optional.empty();
        }
        String tag = element.normalName();
        if (!safelist.isSafeTag(tag)) {
            return java.util.Optional.of("<" + tag + ">");
        }
        for (Attribute attribute : element.attributes()) {
            if (!safelist.isSafeAttribute(tag, element, attribute)) {
                return java.util.Optional.of(
                        "'"
                                + attribute.getKey()
                                + "=\""
                                + attribute.getValue()
                                + "\"' on <"
                                + tag
                                + ">");
            }
        }
        return java.util.Optional.empty();
    }

    private static void insertExpressionSpans(
            Document document,
            Tokens tokens,
            ExpressionTable expressions,
            SourceLocation at,
            String where) {
        List<TextNode> textNodes = new ArrayList<>();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof TextNode text
                            && text.getWholeText().contains(tokens.prefix)) {
                        textNodes.add(text);
                    }
                },
                document.body());
        for (TextNode textNode : textNodes) {
            String text = textNode.getWholeText();
            Matcher matcher = tokens.pattern.matcher(text);
            List<Node> replacement = new ArrayList<>();
            int last = 0;
            while (matcher.find()) {
                if (matcher.start() > last) {
                    replacement.add(new TextNode(text.substring(last, matcher.start())));
                }
                String source = tokens.expression(Integer.parseInt(matcher.group(1)));
                TextValue value = expressions.text(source, at, where);
                if (value.isLiteral()) {
                    replacement.add(new TextNode(value.text()));
                } else {
                    replacement.add(new Element("span").attr("data-ff-expr", value.expression()));
                }
                last = matcher.end();
            }
            if (last < text.length()) {
                replacement.add(new TextNode(text.substring(last)));
            }
            for (Node node : replacement) {
                textNode.before(node);
            }
            textNode.remove();
        }
    }

    /**
     * Stand-ins for expressions: {@code <prefix><n>x}, letters and digits only so Markdown leaves
     * them alone. The prefix is lengthened until the source does not contain it.
     */
    private static final class Tokens {
        final String prefix;
        final Pattern pattern;
        private final List<String> expressions = new ArrayList<>();

        Tokens(String source) {
            String candidate = "ffexpr";
            while (source.contains(candidate)) {
                candidate = candidate + "q";
            }
            this.prefix = candidate;
            this.pattern = Pattern.compile(Pattern.quote(candidate) + "(\\d+)x");
        }

        String protect(String markdown) {
            Matcher matcher = EXPRESSION.matcher(markdown);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                expressions.add(matcher.group());
                matcher.appendReplacement(result, prefix + (expressions.size() - 1) + "x");
            }
            matcher.appendTail(result);
            return result.toString();
        }

        String expression(int index) {
            return expressions.get(index);
        }

        String restore(String text) {
            Matcher matcher = pattern.matcher(text);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(
                        result,
                        Matcher.quoteReplacement(expression(Integer.parseInt(matcher.group(1)))));
            }
            matcher.appendTail(result);
            return result.toString();
        }
    }
}
