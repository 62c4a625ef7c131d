package dev.flowfront.generator.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Weighs app pages of a built site in gzip bytes (level 6, zlib's default and what servers use on
 * the fly), each file compressed on its own as a server sends it.
 *
 * <p><em>OPEN critical</em> is what showing the form and checking it needs: the HTML without the
 * sections of the other stages, plus every stylesheet and script the page links. The deferred
 * script, which the page script loads after the first render and which sends the form, is not part
 * of it. <em>Whole</em> is the full HTML plus every stylesheet, script and image it references, the
 * deferred script included.
 */
final class PageWeigher {

    /**
     * The weight of one page.
     *
     * @param page the page path relative to the site root
     * @param htmlGzip the gzip size of the HTML alone
     * @param scriptGzip the gzip size of the scripts the page links
     * @param deferredScriptGzip the gzip size of the deferred script ({@code data-ff-deferred-src})
     * @param openCriticalGzip the gzip bytes needed to show and check the OPEN form
     * @param wholeGzip the gzip bytes of the page with everything it references
     */
    record PageWeight(
            String page,
            long htmlGzip,
            long scriptGzip,
            long deferredScriptGzip,
            long openCriticalGzip,
            long wholeGzip) {}

    private PageWeigher() {}

    /** Weighs every {@code apps/**}{@code /index.html} page below {@code site}. */
    static List<PageWeight> weighAll(Path site) throws IOException {
        try (Stream<Path> walk = Files.walk(site.resolve("apps"))) {
            List<Path> pages =
                    walk.filter(path -> path.getFileName().toString().equals("index.html"))
                            .sorted()
                            .toList();
            return pages.stream().map(page -> weigh(site, page)).toList();
        }
    }

    static PageWeight weigh(Path site, Path page) {
        try {
            byte[] html = Files.readAllBytes(page);
            Document document = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
            document.outputSettings().prettyPrint(false);
            Set<Path> code = new LinkedHashSet<>();
            Set<Path> scripts = new LinkedHashSet<>();
            for (Element link : document.select("link[rel=stylesheet][href], script[src]")) {
                Path file =
                        resolve(page, link.hasAttr("src") ? link.attr("src") : link.attr("href"));
                code.add(file);
                if (link.hasAttr("src")) {
                    scripts.add(file);
                }
            }
            Set<Path> deferredScripts = new LinkedHashSet<>();
            for (Element script : document.select("script[data-ff-deferred-src]")) {
                deferredScripts.add(resolve(page, script.attr("data-ff-deferred-src")));
            }
            Set<Path> images = new LinkedHashSet<>();
            for (Element image : document.select("img[src], link[rel~=icon][href]")) {
                String source = image.hasAttr("src") ? image.attr("src") : image.attr("href");
                if (source.startsWith("data:")) {
                    // Inline images are already part of the HTML's bytes.
                    continue;
                }
                images.add(
                        resolve(
                                page,
                                image.hasAttr("src") ? image.attr("src") : image.attr("href")));
            }
            for (Element section : document.select("section[data-ff-stage]")) {
                if (!section.attr("data-ff-stage").equals("OPEN")) {
                    section.remove();
                }
            }
            long codeGzip = gzipBytes(code);
            long deferredGzip = gzipBytes(deferredScripts);
            long imageGzip = gzipBytes(images);
            long htmlGzip = gzipBytes(html);
            long openHtmlGzip = gzipBytes(document.outerHtml().getBytes(StandardCharsets.UTF_8));
            return new PageWeight(
                    site.relativize(page).toString().replace('\\', '/'),
                    htmlGzip,
                    gzipBytes(scripts),
                    deferredGzip,
                    openHtmlGzip + codeGzip,
                    htmlGzip + codeGzip + deferredGzip + imageGzip);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot weigh " + page, e);
        }
    }

    /** Returns the sum of the files' gzip sizes, each file compressed on its own. */
    private static long gzipBytes(Set<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += gzipBytes(Files.readAllBytes(file));
        }
        return total;
    }

    static long gzipBytes(byte[] content) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.size();
    }

    private static Path resolve(Path page, String url) {
        return page.getParent().resolve(url.replaceFirst("[?#].*$", "")).normalize();
    }
}
