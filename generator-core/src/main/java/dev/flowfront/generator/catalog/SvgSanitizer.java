package dev.flowfront.generator.catalog;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;

/**
 * Removes active and external content from SVG images (banners, thumbnails) before they are
 * published: script-like elements ({@code script}, {@code foreignObject}, {@code iframe}, {@code
 * embed}, {@code object}, {@code handler}, {@code listener}), event attributes ({@code on*}),
 * references that are not in-document fragments ({@code javascript:}, {@code http:}, other files)
 * in {@code href}, {@code src} and {@code url(...)}, {@code style} elements that load or reference
 * anything outside the file, animations that rewrite links or event attributes, and processing
 * instructions such as {@code xml-stylesheet}. Each removal is a WARNING at its line and column in
 * the file. A DOCTYPE is dropped without a warning, because browsers ignore DTDs in images and it
 * carries no content.
 *
 * <p>Browsers already run no script inside an SVG loaded by {@code <img>}; sanitizing also keeps
 * the file safe when a visitor opens it directly. Data URIs are kept only for raster images.
 * Thread-safe.
 */
public final class SvgSanitizer {

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private static final Set<String> ACTIVE_ELEMENTS =
            Set.of("script", "foreignobject", "iframe", "embed", "object", "handler", "listener");

    private static final Set<String> ANIMATION_ELEMENTS =
            Set.of("animate", "set", "animatemotion", "animatetransform");

    private static final Pattern CSS_URL =
            Pattern.compile("url\\(\\s*['\"]?([^'\")]*)", Pattern.CASE_INSENSITIVE);

    private static final Pattern SAFE_DATA_URI =
            Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*");

    /**
     * Parses and cleans an SVG document.
     *
     * @param content the file's bytes, UTF-8
     * @param displayPath the file as problems show it
     * @param role what the file is, for messages: {@code banner}, {@code thumbnail of app 'x'}
     * @return the cleaned document, or empty when the content is not an SVG document (an ERROR is
     *     reported)
     */
    public Optional<byte[]> sanitize(
            byte[] content, String displayPath, String role, ProblemCollector problems) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Parser parser = Parser.xmlParser().setTrackPosition(true);
        Document document = parser.parseInput(text, "");
        Element root = document.children().first();
        if (root == null || !localName(root).equals("svg")) {
            problems.error(
                    SourceLocation.ofFile(displayPath),
                    role
                            + " "
                            + displayPath
                            + " is not an SVG image: its root element is "
                            + (root == null ? "missing" : "<" + root.tagName() + ">"),
                    "Export the image as SVG, with <svg> as its root element");
            return Optional.empty();
        }
        Cleaning cleaning = new Cleaning(displayPath, role, problems);
        cleaning.removeProcessingInstructions(document);
        cleaning.clean(root);
        if (!root.hasAttr("xmlns")) {
            // Without the namespace a browser renders the file as plain XML, not as an image.
            root.attr("xmlns", SVG_NAMESPACE);
        }
        Document.OutputSettings output = document.outputSettings();
        output.syntax(Document.OutputSettings.Syntax.xml);
        output.escapeMode(Entities.EscapeMode.xhtml);
        output.prettyPrint(false);
        output.charset(StandardCharsets.UTF_8);
        return Optional.of(root.outerHtml().getBytes(StandardCharsets.UTF_8));
    }

    private static String localName(Element element) {
        String name = element.tagName();
        int colon = name.indexOf(':');
        return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
    }

    private static String localName(String attributeName) {
        int colon = attributeName.indexOf(':');
        return (colon >= 0 ? attributeName.substring(colon + 1) : attributeName)
                .toLowerCase(Locale.ROOT);
    }

    /** Returns whether a reference stays inside the document or is an inline raster image. */
    private static boolean isSafeReference(String value) {
        String trimmed = value.trim();
        return trimmed.startsWith("#") || SAFE_DATA_URI.matcher(trimmed).matches();
    }

    /** Returns the first {@code url(...)} target in CSS text that is not a safe reference. */
    private static Optional<String> unsafeCssUrl(String css) {
        Matcher url = CSS_URL.matcher(css);
        while (url.find()) {
            if (!isSafeReference(url.group(1))) {
                return Optional.of(url.group(1).trim());
            }
        }
        return Optional.empty();
    }

    /** One sanitizing pass over one file, reporting removals as it goes. */
    private static final class Cleaning {
        private final String displayPath;
        private final String role;
        private final ProblemCollector problems;

        Cleaning(String displayPath, String role, ProblemCollector problems) {
            this.displayPath = displayPath;
            this.role = role;
            this.problems = problems;
        }

        void removeProcessingInstructions(Node parent) {
            for (Node node : List.copyOf(parent.childNodes())) {
                if (node instanceof DocumentType) {
                    node.remove();
                } else if (node instanceof XmlDeclaration declaration
                        && !declaration.name().equalsIgnoreCase("xml")) {
                    warn(
                            node.sourceRange(),
                            "processing instruction <?" + declaration.name() + "?>",
                            "it can load a stylesheet from another file");
                    node.remove();
                }
            }
        }

        /** Walks the tree with an explicit stack, so deeply nested input cannot overflow it. */
        void clean(Element root) {
            Deque<Element> pending = new ArrayDeque<>();
            pending.push(root);
            while (!pending.isEmpty()) {
                Element element = pending.pop();
                if (removeIfUnsafe(element)) {
                    continue;
                }
                cleanAttributes(element);
                removeProcessingInstructions(element);
                List<Element> children = element.children();
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i));
                }
            }
        }

        /** Removes the element with a warning when it is active content; returns whether it did. */
        private boolean removeIfUnsafe(Element element) {
            String name = localName(element);
            String reason = null;
            if (ACTIVE_ELEMENTS.contains(name)) {
                reason = "scripts and embedded documents are not allowed in published images";
            } else if (ANIMATION_ELEMENTS.contains(name) && animatesUnsafeAttribute(element)) {
                reason =
                        "it animates attribute '"
                                + element.attr("attributeName")
                                + "', which can turn into a script link";
            } else if (name.equals("style")) {
                reason =
                        unsafeStyleSheet(element.wholeText())
                                .map(unsafe -> "it refers to " + unsafe + " outside the file")
                                .orElse(null);
            }
            if (reason == null) {
                return false;
            }
            warn(element.sourceRange(), "<" + element.tagName() + "> element", reason);
            element.remove();
            return true;
        }

        private static boolean animatesUnsafeAttribute(Element element) {
            String target = localName(element.attr("attributeName").trim());
            return target.equals("href") || target.equals("src") || target.startsWith("on");
        }

        private static Optional<String> unsafeStyleSheet(String css) {
            if (css.toLowerCase(Locale.ROOT).contains("@import")) {
                return Optional.of("an @import");
            }
            return unsafeCssUrl(css).map(url -> "'" + url + "'");
        }

        private void cleanAttributes(Element element) {
            List<Attribute> attributes = new ArrayList<>();
            element.attributes().forEach(attributes::add);
            for (Attribute attribute : attributes) {
                String reason = unsafeAttributeReason(attribute);
                if (reason != null) {
                    warn(
                            attribute.sourceRange().nameRange(),
                            "attribute " + attribute.getKey() + " of <" + element.tagName() + ">",
                            reason);
                    element.removeAttr(attribute.getKey());
                }
            }
        }

        /** Returns why the attribute must go, or null to keep it. */
        private static String unsafeAttributeReason(Attribute attribute) {
            String name = localName(attribute.getKey());
            String value = attribute.getValue();
            if (name.startsWith("on")) {
                return "event handler attributes run scripts";
            }
            if ((name.equals("href") || name.equals("src")) && !isSafeReference(value)) {
                String lower = value.trim().toLowerCase(Locale.ROOT);
                return lower.startsWith("javascript:")
                        ? "javascript: links run scripts"
                        : "it refers to '" + value.trim() + "' outside the file";
            }
            if (value.toLowerCase(Locale.ROOT).contains("javascript:")) {
                return "javascript: links run scripts";
            }
            Optional<String> unsafeUrl = unsafeCssUrl(value);
            if (unsafeUrl.isPresent()) {
                return "it refers to '" + unsafeUrl.get() + "' outside the file";
            }
            return null;
        }

        private void warn(Range range, String removed, String reason) {
            Range.Position start = range.start();
            SourceLocation location =
                    start.isTracked()
                            ? new SourceLocation(
                                    displayPath, start.lineNumber(), start.columnNumber())
                            : SourceLocation.ofFile(displayPath);
            problems.warning(
                    location,
                    "removed "
                            + removed
                            + " from "
                            + role
                            + " "
                            + displayPath
                            + " because "
                            + reason,
                    "Delete it from the file to silence this warning");
        }
    }
}
