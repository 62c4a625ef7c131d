package dev.flowfront.generator.render;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

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
        if (!raw.body().html().equals(clean.body().html())) {
            reportRemovals(raw, problems, at, where);
        }
        for (Element link : clean.select("a[href]")) {
            link.attr("rel", REL);
        }
        for (Element link : clean.select("a[href^=#" + tokens.prefix + "]")) {
            String id = link.attr("href").substring(1 + tokens.prefix.length());
            link.attr("href", "#").attr("data-ff-href-expr", id);
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
