package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.BlockType;
import dev.flowfront.generator.expression.ExpressionTrees;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects Button and RedirectTo URLs whose scheme is not http or https, such as {@code javascript:}
 * or {@code data:}, which can run script when clicked. Relative URLs are fine. A URL that starts
 * with an expression, such as {@code {{ app.url }}}, is not checked here because its value is only
 * known at run time. A URL that starts with literal text is checked on that text.
 */
final class UrlSchemeRule {

    private static final List<String> ALLOWED_SCHEMES = List.of("http", "https");

    /** A scheme as RFC 3986 defines it, followed by the colon that ends it. */
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    /** Browsers drop ASCII tabs and newlines anywhere in a URL, and trim spaces and controls. */
    private static final Pattern IGNORED_BY_BROWSERS = Pattern.compile("[\\t\\n\\r]");

    private final SourceText sourceText;

    UrlSchemeRule(SourceText sourceText) {
        this.sourceText = sourceText;
    }

    void check(List<CompiledField> fields, ProblemCollector problems) {
        for (CompiledField field : fields) {
            BlockType type = field.block().block().type();
            boolean urlBlock = type == BlockType.BUTTON || type == BlockType.REDIRECT_TO;
            if (!urlBlock || !field.key().equals("url")) {
                continue;
            }
            leadingText(field)
                    .flatMap(UrlSchemeRule::scheme)
                    .filter(scheme -> !ALLOWED_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT)))
                    .ifPresent(scheme -> report(field, scheme, problems));
        }
    }

    /** Returns the literal text the URL starts with, or empty when it starts with an expression. */
    private static Optional<String> leadingText(CompiledField field) {
        if (field.compiled().isLiteral()) {
            return Optional.of(field.compiled().literal());
        }
        var tree = field.compiled().tree();
        if (ExpressionTrees.isType(tree, "tpl") && tree.get("parts").get(0).isTextual()) {
            return Optional.of(tree.get("parts").get(0).textValue());
        }
        return Optional.empty();
    }

    private static Optional<String> scheme(String url) {
        String cleaned = IGNORED_BY_BROWSERS.matcher(url).replaceAll("");
        cleaned = cleaned.replaceFirst("^[\\x00-\\x20]+", "");
        Matcher matcher = SCHEME.matcher(cleaned);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private void report(CompiledField field, String scheme, ProblemCollector problems) {
        problems.error(
                sourceText.locate(field.scalar(), 0),
                "URL scheme '"
                        + scheme
                        + ":' is not allowed in a "
                        + field.block().typeName()
                        + " url ("
                        + field.block().where()
                        + ")",
                "Use an http:// or https:// URL, a relative URL such as '/help', or an"
                        + " expression such as '{{ app.url }}'");
    }
}
