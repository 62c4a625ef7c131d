package dev.flowfront.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Weighs a built site: every asset, and for every app page the bytes a browser downloads, raw, gzip
 * and Brotli.
 *
 * <p>Two figures per page. <em>Whole</em> is the HTML plus every stylesheet, script and image it
 * references, including the deferred script that the page script names in {@code
 * data-ff-deferred-src}. <em>OPEN critical</em> is what showing the form and checking it needs: the
 * HTML without the sections of the other stages (which stay hidden until an execution exists), plus
 * the stylesheets and the scripts the page links, which leaves out the deferred script. Each file
 * is compressed on its own, as a server sends it.
 */
public final class PageWeightBenchmark {

    private final Path site;

    public PageWeightBenchmark(Path site) {
        this.site = site.toAbsolutePath().normalize();
    }

    /** Weighs the site; {@code listPages} adds one row per page to the result. */
    public Map<String, Object> run(boolean listPages) throws IOException, InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<Path, Weight> assets = new LinkedHashMap<>();
        List<Path> assetFiles = files(site.resolve("assets"), "");
        for (Path asset : assetFiles) {
            assets.put(asset, Weight.of(Files.readAllBytes(asset)));
        }
        List<Object> assetRows = new ArrayList<>();
        assets.forEach(
                (path, weight) -> {
                    Map<String, Object> row = weight.toMap();
                    row.put("asset", site.relativize(path).toString());
                    assetRows.add(row);
                });
        result.put("assets", assetRows);

        List<Path> pages = files(site.resolve("apps"), "index.html");
        List<Object> pageRows = new ArrayList<>();
        List<Double> wholeGzip = new ArrayList<>();
        List<Double> criticalGzip = new ArrayList<>();
        List<Double> htmlGzip = new ArrayList<>();
        List<Double> wholeBrotli = new ArrayList<>();
        List<Double> criticalBrotli = new ArrayList<>();
        for (Path page : pages) {
            PageWeight weight = weigh(page, assets);
            wholeGzip.add((double) weight.whole().gzip());
            criticalGzip.add((double) weight.critical().gzip());
            htmlGzip.add((double) weight.html().gzip());
            wholeBrotli.add((double) weight.whole().brotli());
            criticalBrotli.add((double) weight.critical().brotli());
            if (listPages) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("page", site.relativize(page).toString());
                row.put("html", weight.html().toMap());
                row.put("openCritical", weight.critical().toMap());
                row.put("whole", weight.whole().toMap());
                pageRows.add(row);
            }
        }
        result.put("pageCount", pages.size());
        if (!pages.isEmpty()) {
            result.put("htmlGzipBytes", Stats.summary(htmlGzip));
            result.put("openCriticalGzipBytes", Stats.summary(criticalGzip));
            result.put("openCriticalBrotliBytes", Stats.summary(criticalBrotli));
            result.put("wholeGzipBytes", Stats.summary(wholeGzip));
            result.put("wholeBrotliBytes", Stats.summary(wholeBrotli));
        }
        if (listPages) {
            result.put("pages", pageRows);
        } else {
            // Samples are only useful for small sites; drop them to keep the file readable.
            for (String key :
                    List.of(
                            "htmlGzipBytes",
                            "openCriticalGzipBytes",
                            "openCriticalBrotliBytes",
                            "wholeGzipBytes",
                            "wholeBrotliBytes")) {
                Object summary = result.get(key);
                if (summary instanceof Map<?, ?> map) {
                    map.remove("samples");
                }
            }
        }
        return result;
    }

    /** The three weights of one page. */
    record PageWeight(Weight html, Weight critical, Weight whole) {}

    private PageWeight weigh(Path page, Map<Path, Weight> assets)
            throws IOException, InterruptedException {
        byte[] html = Files.readAllBytes(page);
        Document document = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        document.outputSettings().prettyPrint(false);
        Set<Path> code = new LinkedHashSet<>();
        for (Element link :
                document.select(
                        "link[rel=stylesheet][href], script[src], link[rel=modulepreload][href]")) {
            code.add(resolve(page, link.hasAttr("src") ? link.attr("src") : link.attr("href")));
        }
        // The page script loads the deferred script after the first render, so only the whole
        // page counts it.
        Set<Path> deferred = new LinkedHashSet<>();
        for (Element script : document.select("script[data-ff-deferred-src]")) {
            deferred.add(resolve(page, script.attr("data-ff-deferred-src")));
        }
        Set<Path> images = new LinkedHashSet<>();
        for (Element image : document.select("img[src], link[rel~=icon][href]")) {
            String url = image.hasAttr("src") ? image.attr("src") : image.attr("href");
            // An inline image, such as the empty icon of app pages, is already part of the HTML.
            if (!url.startsWith("data:")) {
                images.add(resolve(page, url));
            }
        }
        for (Element section : document.select("section[data-ff-stage]")) {
            if (!section.attr("data-ff-stage").equals("OPEN")) {
                section.remove();
            }
        }
        Weight htmlWeight = Weight.of(html);
        Weight openHtml = Weight.of(document.outerHtml().getBytes(StandardCharsets.UTF_8));
        Weight critical = openHtml;
        Weight whole = htmlWeight;
        for (Path file : code) {
            Weight asset = assetWeight(file, assets);
            critical = critical.plus(asset);
            whole = whole.plus(asset);
        }
        for (Path file : deferred) {
            whole = whole.plus(assetWeight(file, assets));
        }
        for (Path file : images) {
            whole = whole.plus(assetWeight(file, assets));
        }
        return new PageWeight(htmlWeight, critical, whole);
    }

    private static Weight assetWeight(Path file, Map<Path, Weight> assets)
            throws IOException, InterruptedException {
        Weight known = assets.get(file);
        if (known != null) {
            return known;
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("A page references " + file + ", which the site lacks");
        }
        Weight weight = Weight.of(Files.readAllBytes(file));
        assets.put(file, weight);
        return weight;
    }

    private Path resolve(Path page, String url) {
        String path = url.replaceFirst("[?#].*$", "");
        return page.getParent().resolve(path).normalize();
    }

    private static List<Path> files(Path root, String name) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> name.isEmpty() || path.getFileName().toString().equals(name))
                    .map(Path::normalize)
                    .sorted()
                    .toList();
        }
    }

    /** Sizes of one file or a sum of files, each file compressed on its own. */
    record Weight(long raw, long gzip, long brotli) {

        static Weight of(byte[] content) throws IOException, InterruptedException {
            return new Weight(
                    content.length,
                    Compression.gzipBytes(content),
                    Compression.brotliBytes(content));
        }

        Weight plus(Weight other) {
            return new Weight(raw + other.raw, gzip + other.gzip, brotli + other.brotli);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("raw", raw);
            map.put("gzip", gzip);
            map.put("brotli", brotli);
            return map;
        }
    }
}
