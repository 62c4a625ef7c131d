package dev.flowfront.generator.catalog;

import dev.flowfront.generator.api.AssetSink;
import dev.flowfront.generator.api.Branding;
import dev.flowfront.generator.api.GeneratorException;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.load.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the catalog: {@code index.html} listing the apps a visitor may open, {@code apps.json}
 * describing every app, and the branding stylesheet that the app pages link as well.
 *
 * <p>An app is listed when {@code access.catalog} is not false, it is not {@code disabled}, and the
 * build time lies inside its {@code expiration} window. Because a published page outlives its
 * build, the page's script also hides a tile whose window has ended, or not begun, by the visitor's
 * clock.
 *
 * <p>Call {@link #render} before rendering the app pages, because they link {@link
 * CatalogOutput#brandingStylesheet()} too. Problems such as invalid colors and unsafe or missing
 * images go to the collector. The output is still produced, so that a build reports all of its
 * problems at once. {@link #entry} is thread-safe, so a build can prepare tiles in parallel; the
 * other methods are meant for one thread.
 */
public final class CatalogRenderer {

    /** The Content Security Policy of the catalog page, the same as the app pages'. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " base-uri 'none'; form-action 'none'";

    /** Title of a catalog whose branding sets none. */
    public static final String DEFAULT_TITLE = "Apps";

    private static final String RESOURCES = "dev/flowfront/templates/";

    private static final Comparator<CatalogApp> APP_ORDER =
            Comparator.comparing((CatalogApp entry) -> entry.app().namespace())
                    .thenComparing(entry -> entry.app().id());

    private static final Comparator<CatalogEntry> ENTRY_ORDER =
            Comparator.comparing(CatalogEntry::app, APP_ORDER);

    private final Clock clock;
    private final SvgSanitizer sanitizer = new SvgSanitizer();
    private final CatalogPage page = new CatalogPage();

    /** Creates a renderer that decides expiration by the system clock. */
    public CatalogRenderer() {
        this(Clock.systemUTC());
    }

    /** Creates a renderer that decides expiration by the given clock, for tests. */
    public CatalogRenderer(Clock clock) {
        this.clock = clock;
    }

    /** Returns whether the catalog lists the app at the given instant. */
    public static boolean isListed(AppDefinition app, Instant now) {
        boolean inWindow = app.expiration() == null || app.expiration().contains(now);
        return app.access().catalog() && !app.disabled() && inWindow;
    }

    /**
     * Renders the catalog.
     *
     * @param apps every app of the site with its page URL, in any order
     * @param branding the site's look
     * @param namespaceFilesDirectory the folder thumbnails resolve in; may be null
     * @param assets where thumbnails, the banner, the stylesheets and the script are stored
     * @param problems where invalid branding and thumbnails are reported
     * @return {@code index.html}, {@code apps.json} and the branding stylesheet's link
     * @throws GeneratorException when a file cannot be read
     */
    public CatalogOutput render(
            List<CatalogApp> apps,
            Branding branding,
            Path namespaceFilesDirectory,
            AssetSink assets,
            ProblemCollector problems) {
        LinkedAsset brandingStylesheet = brandingStylesheet(branding, assets, problems);
        Optional<String> banner = banner(branding.banner(), assets, problems);
        ThumbnailResolver thumbnails = thumbnails(namespaceFilesDirectory);
        List<CatalogEntry> entries = new ArrayList<>();
        for (CatalogApp app : sorted(apps)) {
            entries.add(entry(app, thumbnails, problems));
        }
        return assemble(entries, branding, brandingStylesheet, banner, assets);
    }

    /**
     * Stores the stylesheet of branding colors, which the catalog and every app page link. Invalid
     * colors are reported as problems.
     */
    public LinkedAsset brandingStylesheet(
            Branding branding, AssetSink assets, ProblemCollector problems) {
        byte[] css = BrandingStylesheet.render(branding, problems).getBytes(StandardCharsets.UTF_8);
        return LinkedAsset.of(assets.put("", "css", css), css);
    }

    /** Returns a resolver of thumbnails in the namespace files folder, which may be null. */
    public ThumbnailResolver thumbnails(Path namespaceFilesDirectory) {
        return new ThumbnailResolver(namespaceFilesDirectory, sanitizer);
    }

    /**
     * Prepares the tile of one app: reads and checks its thumbnail, reporting problems, and renders
     * its description. Thread-safe, so apps can be prepared in parallel.
     */
    public CatalogEntry entry(
            CatalogApp app, ThumbnailResolver thumbnails, ProblemCollector problems) {
        // Thumbnails of unlisted apps are checked too, so a bad path shows before they are listed.
        Optional<ImageFile> thumbnail = thumbnails.resolve(app.app(), problems);
        return new CatalogEntry(
                app, thumbnail.orElse(null), TileDescription.of(app.app().description()));
    }

    /**
     * Builds {@code index.html} and {@code apps.json} from prepared tiles, storing the thumbnails
     * of the listed apps and the catalog's own stylesheet and script.
     *
     * @param entries every app of the site, in any order
     * @param brandingStylesheet what {@link #brandingStylesheet} returned
     * @param banner the banner's path, as {@link #banner} returned it
     */
    public CatalogOutput assemble(
            List<CatalogEntry> entries,
            Branding branding,
            LinkedAsset brandingStylesheet,
            Optional<String> banner,
            AssetSink assets) {
        Instant now = clock.instant();
        List<CatalogEntry> sorted = new ArrayList<>(entries);
        sorted.sort(ENTRY_ORDER);
        List<CatalogPage.Tile> tiles = new ArrayList<>();
        for (CatalogEntry entry : sorted) {
            AppDefinition app = entry.app().app();
            if (isListed(app, now)) {
                ImageFile image =
                        entry.thumbnail() != null
                                ? entry.thumbnail()
                                : PlaceholderThumbnail.draw(app);
                String path = assets.put("img", image.type().extension(), image.content());
                tiles.add(
                        new CatalogPage.Tile(
                                entry.app(), entry.description(), path, tiles.size() + 1));
            }
        }

        byte[] catalogCss = resource("catalog/catalog.css");
        byte[] catalogJs = resource("catalog/catalog.js");
        CatalogPage.Model model =
                new CatalogPage.Model(
                        title(branding),
                        banner.orElse(null),
                        List.of(
                                LinkedAsset.of(assets.put("", "css", catalogCss), catalogCss),
                                brandingStylesheet),
                        LinkedAsset.of(assets.put("", "js", catalogJs), catalogJs),
                        tiles);

        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("index.html", page.render(model).getBytes(StandardCharsets.UTF_8));
        files.put("apps.json", AppsManifest.write(sorted.stream().map(CatalogEntry::app).toList()));
        return new CatalogOutput(files, brandingStylesheet);
    }

    private static List<CatalogApp> sorted(List<CatalogApp> apps) {
        List<CatalogApp> sorted = new ArrayList<>(apps);
        sorted.sort(APP_ORDER);
        return sorted;
    }

    private static String title(Branding branding) {
        return branding.title() == null || branding.title().isBlank()
                ? DEFAULT_TITLE
                : branding.title().strip();
    }

    /**
     * Checks, sanitizes and stores the banner, reporting problems. Returns empty when there is none
     * or it is unusable.
     */
    public Optional<String> banner(Path file, AssetSink assets, ProblemCollector problems) {
        if (file == null) {
            return Optional.empty();
        }
        String display = SourceFile.of(file).displayPath();
        if (!Files.isRegularFile(file)) {
            problems.error(
                    BrandingStylesheet.LOCATION,
                    "branding option banner '" + display + "' is not an existing file",
                    "Point banner at an SVG file, or remove the option");
            return Optional.empty();
        }
        byte[] content;
        try {
            if (Files.size(file) > ThumbnailResolver.MAX_BYTES) {
                problems.error(
                        BrandingStylesheet.LOCATION,
                        "branding option banner '" + display + "' is larger than 5 MiB",
                        "Simplify the SVG or export it with fewer points");
                return Optional.empty();
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GeneratorException("Cannot read the banner " + display, e);
        }
        boolean svgName =
                ImageType.fromFileName(display).filter(type -> type == ImageType.SVG).isPresent();
        if (!svgName || !ImageType.SVG.matches(content)) {
            problems.error(
                    BrandingStylesheet.LOCATION,
                    "branding option banner '" + display + "' is not an SVG file",
                    "Export the banner as SVG with the .svg extension");
            return Optional.empty();
        }
        return sanitizer
                .sanitize(content, display, "banner", problems)
                .map(clean -> assets.put("img", "svg", clean));
    }

    private static byte[] resource(String name) {
        try (InputStream in =
                CatalogRenderer.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new GeneratorException(
                        "Resource " + RESOURCES + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new GeneratorException("Cannot read resource " + RESOURCES + name, e);
        }
    }
}
