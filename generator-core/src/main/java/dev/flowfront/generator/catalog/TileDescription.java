package dev.flowfront.generator.catalog;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * An app description for a catalog tile: Markdown compiled to HTML, then cleaned with jsoup's basic
 * safelist (text formatting, lists and http/https/mailto links, no images, headings or scripts),
 * plus its plain text for search and for the shortened preview.
 *
 * @param html the cleaned HTML; empty when the app has no description
 * @param text the plain text of {@code html}
 * @param preview the text cut at a word boundary when it is longer than {@link #PREVIEW_LENGTH}
 *     characters, or null when the whole description fits
 */
record TileDescription(String html, String text, String preview) {

    /** Characters of description a tile shows before the rest moves behind a toggle. */
    static final int PREVIEW_LENGTH = 140;

    private static final List<org.commonmark.Extension> EXTENSIONS =
            List.of(AutolinkExtension.create(), StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();
    private static final Safelist SAFELIST = Safelist.basic();

    static TileDescription of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return new TileDescription("", "", null);
        }
        String rendered = RENDERER.render(PARSER.parse(markdown));
        String html =
                Jsoup.clean(
                                rendered,
                                "",
                                SAFELIST,
                                new Document.OutputSettings().prettyPrint(false))
                        .strip();
        String text = Jsoup.parseBodyFragment(html).text();
        return new TileDescription(html, text, preview(text));
    }

    private static String preview(String text) {
        if (text.length() <= PREVIEW_LENGTH) {
            return null;
        }
        int cut = text.lastIndexOf(' ', PREVIEW_LENGTH);
        if (cut < PREVIEW_LENGTH / 2) {
            cut = PREVIEW_LENGTH;
        }
        return text.substring(0, cut).stripTrailing() + "\u2026";
    }
}
