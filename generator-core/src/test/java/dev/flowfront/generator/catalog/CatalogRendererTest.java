package dev.flowfront.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowfront.generator.api.Branding;
import dev.flowfront.generator.api.ProblemCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogRendererTest {

    @TempDir Path output;

    private final ProblemCollector problems = new ProblemCollector();

    private CatalogOutput render(Path site, List<CatalogApp> apps, Branding branding) {
        return new CatalogRenderer(CatalogFixtures.BUILD_CLOCK)
                .render(
                        apps,
                        branding,
                        CatalogFixtures.namespaceFiles(),
                        new HashingAssetSink(site),
                        problems);
    }

    private Document renderFixtureIndex() {
        CatalogOutput result = render(output, CatalogFixtures.fixtureApps(), Branding.DEFAULT);
        return Jsoup.parse(new String(result.files().get("index.html"), StandardCharsets.UTF_8));
    }

    private JsonNode renderFixtureManifest() throws IOException {
        CatalogOutput result = render(output, CatalogFixtures.fixtureApps(), Branding.DEFAULT);
        return JsonMapper.builder().build().readTree(result.files().get("apps.json"));
    }

    @Test
    void listsOnlyCatalogEnabledActiveApps() {
        Document index = renderFixtureIndex();

        assertThat(index.select("li.ff-tile"))
                .extracting(tile -> tile.attr("data-ff-app"))
                .containsExactly("forecast", "report", "resources", "hello", "vacation");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void manifestHoldsEveryAppInNamespaceOrder() throws IOException {
        JsonNode manifest = renderFixtureManifest();

        List<String> ids = new ArrayList<>();
        manifest.get("apps")
                .forEach(
                        app ->
                                ids.add(
                                        app.get("namespace").asText()
                                                + "/"
                                                + app.get("id").asText()));
        assertThat(ids)
                .containsExactly(
                        "company.data/forecast",
                        "company.data/report",
                        "company.ops/admin",
                        "company.ops/resources",
                        "company.ops/retired",
                        "company.team/hello",
                        "company.team/survey",
                        "company.team/vacation");
    }

    @Test
    void manifestDescribesAccessFlowAndExpiration() throws IOException {
        JsonNode manifest = renderFixtureManifest();

        JsonNode admin = manifest.get("apps").get(2);
        assertThat(admin.get("access").get("catalog").asBoolean()).isFalse();
        assertThat(admin.get("access").get("type").asText()).isEqualTo("PRIVATE");
        assertThat(admin.get("access").get("groups").get(0).asText()).isEqualTo("Operators");
        assertThat(admin.get("flow").get("id").asText()).isEqualTo("maintenance");
        assertThat(admin.get("url").asText()).isEqualTo("apps/company.ops/admin/");
        JsonNode resources = manifest.get("apps").get(3);
        assertThat(resources.get("expiration").get("endDate").asText())
                .isEqualTo("2027-06-30T00:00:00Z");
        JsonNode retired = manifest.get("apps").get(4);
        assertThat(retired.get("disabled").asBoolean()).isTrue();
    }

    @Test
    void manifestKeysAreSorted() throws IOException {
        JsonNode app = renderFixtureManifest().get("apps").get(0);

        List<String> keys = new ArrayList<>();
        app.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted();
        assertThat(keys)
                .containsExactly(
                        "access",
                        "description",
                        "disabled",
                        "displayName",
                        "expiration",
                        "flow",
                        "id",
                        "namespace",
                        "tags",
                        "url");
    }

    @Test
    void buildsAreByteIdentical(@TempDir Path otherOutput) {
        HashingAssetSink firstAssets = new HashingAssetSink(output);
        CatalogOutput first =
                new CatalogRenderer(CatalogFixtures.BUILD_CLOCK)
                        .render(
                                CatalogFixtures.fixtureApps(),
                                Branding.DEFAULT,
                                CatalogFixtures.namespaceFiles(),
                                firstAssets,
                                new ProblemCollector());
        List<CatalogApp> reversed = new ArrayList<>(CatalogFixtures.fixtureApps());
        Collections.reverse(reversed);
        HashingAssetSink secondAssets = new HashingAssetSink(otherOutput);
        CatalogOutput second =
                new CatalogRenderer(CatalogFixtures.BUILD_CLOCK)
                        .render(
                                reversed,
                                Branding.DEFAULT,
                                CatalogFixtures.namespaceFiles(),
                                secondAssets,
                                new ProblemCollector());

        assertThat(second.files().keySet()).containsExactly("apps.json", "index.html");
        assertThat(second.files().get("index.html")).isEqualTo(first.files().get("index.html"));
        assertThat(second.files().get("apps.json")).isEqualTo(first.files().get("apps.json"));
        assertThat(secondAssets.stored().keySet()).isEqualTo(firstAssets.stored().keySet());
    }

    @Test
    void publishesBannerWithoutScriptOrOnload(@TempDir Path brand) throws IOException {
        Path banner = brand.resolve("banner.svg");
        Files.writeString(
                banner,
                """
                <svg xmlns="http://www.w3.org/2000/svg" onload="steal()" viewBox="0 0 100 20">
                  <script>steal()</script>
                  <text x="0" y="15">ACME</text>
                </svg>
                """);

        CatalogOutput result =
                render(
                        output,
                        CatalogFixtures.fixtureApps(),
                        new Branding(null, null, null, null, null, null, banner));

        Document index =
                Jsoup.parse(new String(result.files().get("index.html"), StandardCharsets.UTF_8));
        String published =
                readString(output.resolve(index.selectFirst("img.ff-catalog-banner").attr("src")));
        assertThat(published)
                .doesNotContain("script")
                .doesNotContain("onload")
                .doesNotContain("steal");
        assertThat(published).contains(">ACME</text>");
        assertThat(problems.sorted()).hasSize(2);
        assertThat(problems.sorted())
                .allSatisfy(
                        problem -> {
                            assertThat(problem.isError()).isFalse();
                            assertThat(problem.message()).contains("banner").contains("banner.svg");
                        });
        assertThat(problems.sorted())
                .extracting(problem -> problem.location().line())
                .containsExactly(1, 2);
    }

    @Test
    void reportsBannerThatIsNotSvg(@TempDir Path brand) throws IOException {
        Path banner = brand.resolve("banner.png");
        Files.write(banner, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});

        CatalogOutput result =
                render(
                        output,
                        CatalogFixtures.fixtureApps(),
                        new Branding(null, null, null, null, null, null, banner));

        assertThat(problems.sorted())
                .singleElement()
                .satisfies(
                        problem -> {
                            assertThat(problem.isError()).isTrue();
                            assertThat(problem.message())
                                    .contains("banner")
                                    .contains("is not an SVG file");
                        });
        Document index =
                Jsoup.parse(new String(result.files().get("index.html"), StandardCharsets.UTF_8));
        assertThat(index.select("img.ff-catalog-banner")).isEmpty();
    }

    @Test
    void reportsEscapingThumbnailAndDrawsPlaceholder(@TempDir Path appsFolder) throws IOException {
        Files.writeString(
                appsFolder.resolve("escape.yaml"),
                """
                id: escape
                type: io.kestra.plugin.ee.apps.Execution
                namespace: company.team
                flowId: f
                thumbnail: nsfiles:///../../secret.svg
                """);

        CatalogOutput result = render(output, CatalogFixtures.load(appsFolder), Branding.DEFAULT);

        assertThat(problems.sorted())
                .singleElement()
                .satisfies(
                        problem -> {
                            assertThat(problem.isError()).isTrue();
                            assertThat(problem.location().toString()).endsWith("escape.yaml:5:12");
                            assertThat(problem.message())
                                    .contains("points outside the namespace files folder");
                        });
        Document index =
                Jsoup.parse(new String(result.files().get("index.html"), StandardCharsets.UTF_8));
        String src = index.selectFirst("img.ff-tile-thumbnail").attr("src");
        assertThat(readString(output.resolve(src))).contains(">E</text>");
    }

    @Test
    void tileShowsNamespaceAccessTagsAndRelativeLink() {
        Element tile = renderFixtureIndex().selectFirst("li.ff-tile[data-ff-app=vacation]");

        assertThat(tile.selectFirst(".ff-tile-title a").attr("href"))
                .isEqualTo("apps/company.team/vacation/");
        assertThat(tile.selectFirst(".ff-tile-title").text()).isEqualTo("Vacation request");
        assertThat(tile.selectFirst(".ff-tile-namespace").ownText()).isEqualTo("company.team");
        assertThat(tile.selectFirst(".ff-badge").ownText()).isEqualTo("PRIVATE");
        assertThat(tile.select(".ff-tag"))
                .extracting(Element::text)
                .containsExactly("HR", "Approval");
        assertThat(tile.attr("data-ff-tags")).isEqualTo("[\"HR\",\"Approval\"]");
    }

    @Test
    void rendersDescriptionMarkdown() {
        Element tile = renderFixtureIndex().selectFirst("li.ff-tile[data-ff-app=hello]");

        assertThat(tile.selectFirst(".ff-tile-description strong").text()).isEqualTo("logs");
        assertThat(tile.selectFirst("details")).isNull();
    }

    @Test
    void shortensLongDescriptionBehindDetails() {
        Element tile = renderFixtureIndex().selectFirst("li.ff-tile[data-ff-app=vacation]");

        String preview = tile.selectFirst(".ff-tile-preview").text();
        assertThat(preview)
                .endsWith("\u2026")
                .hasSizeLessThanOrEqualTo(TileDescription.PREVIEW_LENGTH + 1);
        assertThat(tile.selectFirst("details > summary").text())
                .isEqualTo("More about Vacation request");
        assertThat(tile.selectFirst("details .ff-tile-full").text())
                .endsWith("can take up to a week.");
    }

    @Test
    void removesScriptFromDescription(@TempDir Path appsFolder) throws IOException {
        Files.writeString(
                appsFolder.resolve("x.yaml"),
                """
                id: x
                type: io.kestra.plugin.ee.apps.Execution
                namespace: company.team
                flowId: f
                description: "Hi <script>alert(1)</script><img src=x onerror=alert(2)> [link](javascript:alert(3))"
                """);

        CatalogOutput result = render(output, CatalogFixtures.load(appsFolder), Branding.DEFAULT);

        Element description =
                Jsoup.parse(new String(result.files().get("index.html"), StandardCharsets.UTF_8))
                        .selectFirst(".ff-tile-description");
        assertThat(description.select("script, img, [onerror]")).isEmpty();
        assertThat(description.select("a[href^=javascript]")).isEmpty();
    }

    @Test
    void drawsDeterministicPlaceholderWithoutThumbnail() {
        Element tile = renderFixtureIndex().selectFirst("li.ff-tile[data-ff-app=report]");
        String src = tile.selectFirst("img.ff-tile-thumbnail").attr("src");

        assertThat(src).startsWith("assets/img/").endsWith(".svg");
        String svg = readString(output.resolve(src));
        assertThat(svg).contains(">MR</text>");
        assertThat(svg).contains(PlaceholderThumbnail.background("company.data/report").toHex());
    }

    @Test
    void publishesThumbnailThroughAssets() throws IOException {
        Element tile = renderFixtureIndex().selectFirst("li.ff-tile[data-ff-app=vacation]");
        String src = tile.selectFirst("img.ff-tile-thumbnail").attr("src");

        assertThat(src).startsWith("assets/img/").endsWith(".png");
        assertThat(Files.readAllBytes(output.resolve(src)))
                .isEqualTo(
                        Files.readAllBytes(
                                CatalogFixtures.namespaceFiles()
                                        .resolve("company.team/thumbnails/vacation.png")));
    }

    @Test
    void filtersOfferListedNamespacesAndTags() {
        Document index = renderFixtureIndex();

        assertThat(index.select("#ff-filter-namespace option"))
                .extracting(option -> option.attr("value"))
                .containsExactly("", "company.data", "company.ops", "company.team");
        assertThat(index.select("input[name=tag]"))
                .extracting(box -> box.attr("value"))
                .containsExactly(
                        "AI",
                        "Analytics",
                        "Approval",
                        "Getting Started",
                        "HR",
                        "Infrastructure",
                        "Platform Team",
                        "Reporting");
        assertThat(index.select("input[name=tag]"))
                .allSatisfy(box -> assertThat(box.parent().tagName()).isEqualTo("label"));
    }

    @Test
    void linksAssetsWithIntegrity() {
        Document index = renderFixtureIndex();

        Element script = index.selectFirst("script[src]");
        assertThat(script.attr("integrity"))
                .isEqualTo(sha384(readBytes(output.resolve(script.attr("src")))));
        assertThat(index.select("link[rel=stylesheet]")).hasSize(2);
        assertThat(index.select("link[rel=stylesheet]"))
                .allSatisfy(
                        link ->
                                assertThat(link.attr("integrity"))
                                        .isEqualTo(
                                                sha384(
                                                        readBytes(
                                                                output.resolve(
                                                                        link.attr("href"))))));
        assertThat(index.select("script:not([src]), [style], style")).isEmpty();
    }

    @Test
    void brandingStylesheetIsLinkedAndReturned() {
        CatalogOutput result =
                render(
                        output,
                        CatalogFixtures.fixtureApps(),
                        new Branding("Team apps", null, "#004488", null, null, null, null));

        String css = readString(output.resolve(result.brandingStylesheet().path()));
        assertThat(css).contains("--ff-primary-color: #004488;");
        Document index =
                Jsoup.parse(new String(result.files().get("index.html"), StandardCharsets.UTF_8));
        assertThat(index.select("link[rel=stylesheet]"))
                .extracting(link -> link.attr("href"))
                .contains(result.brandingStylesheet().path());
        assertThat(index.selectFirst("h1").text()).isEqualTo("Team apps");
        assertThat(index.title()).isEqualTo("Team apps");
    }

    @Test
    void footerStatesAccessIsKestraRbac() {
        Document index = renderFixtureIndex();

        assertThat(index.selectFirst("footer").text())
                .contains("static, public page")
                .contains("Kestra's role-based access control (RBAC)");
    }

    @Test
    void tileCarriesExpirationForVisitorClock() {
        Element tile = renderFixtureIndex().selectFirst("li.ff-tile[data-ff-app=resources]");

        assertThat(tile.attr("data-ff-start")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(tile.attr("data-ff-end")).isEqualTo("2027-06-30T00:00:00Z");
    }

    @Test
    void formHiddenUntilScriptRuns() {
        Document index = renderFixtureIndex();

        assertThat(index.select("li.ff-tile[hidden]")).isEmpty();
        assertThat(index.selectFirst("form.ff-catalog-filters").hasAttr("hidden")).isTrue();
        assertThat(index.selectFirst("[data-ff-catalog-count]").text()).isEqualTo("5 apps");
    }

    @Test
    void emptyCatalogSaysNoAppsAndHasNoFilters() {
        CatalogOutput result = render(output, List.of(), Branding.DEFAULT);

        Document index =
                Jsoup.parse(new String(result.files().get("index.html"), StandardCharsets.UTF_8));
        assertThat(index.select("li.ff-tile")).isEmpty();
        assertThat(index.select("form")).isEmpty();
        assertThat(index.selectFirst(".ff-catalog-empty").text())
                .isEqualTo("No apps are published yet.");
        assertThat(index.selectFirst("[data-ff-catalog-count]").text()).isEqualTo("0 apps");
    }

    /** Computes the integrity value independently of the code under test. */
    private static String sha384(byte[] content) {
        try {
            return "sha384-"
                    + Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-384").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readString(Path file) {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
