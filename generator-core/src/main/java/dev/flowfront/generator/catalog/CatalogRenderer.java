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
 * problems at once. Not thread-safe: use one instance per build.
 */
public final class CatalogRenderer {

    /** The Content Security Policy of the catalog page, the same as the app pages'. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " base-uri 'none'; form-action 'none'";

    /** Title of a catalog whose branding sets none. */
    public static final String DEFAULT_TITLE = "Apps";

    private static final String RESOURCES = "dev/flowfront/templates/";

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
        Instant now = clock.instant();
        List<CatalogApp> sorted = new ArrayList<>(apps);
        sorted.sort(
                Comparator.comparing((CatalogApp entry) -> entry.app().namespace())
                        .thenComparing(entry -> entry.app().id()));

        byte[] brandingCss =
                BrandingStylesheet.render(branding, problems).getBytes(StandardCharsets.UTF_8);
        LinkedAsset brandingStylesheet =
                LinkedAsset.of(assets.put("", "css", brandingCss), brandingCss);
        Optional<String> banner = banner(branding.banner(), assets, problems);

        ThumbnailResolver thumbnails = new ThumbnailResolver(namespaceFilesDirectory, sanitizer);
        List<CatalogPage.Tile> tiles = new ArrayList<>();
        for (CatalogApp entry : sorted) {
            // Thumbnails of unlisted apps are checked too, so a bad path shows before they are
            // listed.
            Optional<ImageFile> thumbnail = thumbnails.resolve(entry.app(), problems);
            if (isListed(entry.app(), now)) {
                ImageFile image = thumbnail.orElseGet(() -> PlaceholderThumbnail.draw(entry.app()));
                String path = assets.put("img", image.type().extension(), image.content());
                tiles.add(new CatalogPage.Tile(entry, path, tiles.size() + 1));
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
        files.put("apps.json", AppsManifest.write(sorted));
        return new CatalogOutput(files, brandingStylesheet);
    }

    private static String title(Branding branding) {
        return branding.title() == null || branding.title().isBlank()
                ? DEFAULT_TITLE
                : branding.title().strip();
    }

    /** Checks, sanitizes and stores the banner; empty when there is none or it is unusable. */
    private Optional<String> banner(Path file, AssetSink assets, ProblemCollector problems) {
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
