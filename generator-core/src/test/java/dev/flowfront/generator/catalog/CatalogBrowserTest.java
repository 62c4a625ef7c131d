package dev.flowfront.generator.catalog;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.flowfront.generator.api.Branding;
import dev.flowfront.generator.api.ProblemCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drives the fixture catalog in Debian's Chromium, served with the app pages' CSP. */
@Timeout(120)
class CatalogBrowserTest {

    /** The visitor's clock, on the day the fixture site is built. */
    private static final String VISIT_TIME = "2026-06-01T12:00:00Z";

    private static final String CSP =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:";

    @TempDir static Path site;

    private static StaticFileServer server;
    private static Playwright playwright;
    private static Browser browser;

    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void buildAndServe() throws IOException {
        ProblemCollector problems = new ProblemCollector();
        CatalogOutput output =
                new CatalogRenderer(CatalogFixtures.BUILD_CLOCK)
                        .render(
                                CatalogFixtures.fixtureApps(),
                                new Branding(
                                        "ACME apps",
                                        "#14171c",
                                        "#004488",
                                        "#f4f5f7",
                                        "#ffffff",
                                        "#ffffff",
                                        CatalogFixtures.site().resolve("branding/banner.svg")),
                                CatalogFixtures.namespaceFiles(),
                                new HashingAssetSink(site),
                                problems);
        CatalogFixtures.write(output, site);
        assertThat(problems.sorted()).isEmpty();
        server = new StaticFileServer(site, CSP);
        playwright =
                Playwright.create(
                        new Playwright.CreateOptions()
                                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser =
                playwright
                        .chromium()
                        .launch(
                                new BrowserType.LaunchOptions()
                                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                                        .setHeadless(true)
                                        .setArgs(
                                                List.of(
                                                        "--no-sandbox",
                                                        "--disable-gpu",
                                                        "--disable-background-networking",
                                                        "--disable-component-update",
                                                        "--disable-sync")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openContext() {
        context = browser.newContext();
        page = context.newPage();
        page.clock().setFixedTime(VISIT_TIME);
        // Logs CSP violations to the console, so that the error listener below records them.
        page.addInitScript(
                "document.addEventListener('securitypolicyviolation', e =>"
                        + " console.error('CSP violation: ' + e.violatedDirective + ' '"
                        + " + e.blockedURI));");
        page.onConsoleMessage(
                message -> {
                    if (message.type().equals("error")) {
                        consoleErrors.add(message.text());
                    }
                });
        page.onPageError(error -> consoleErrors.add("page error: " + error));
        page.onResponse(
                response -> {
                    if (response.status() >= 400) {
                        consoleErrors.add("HTTP " + response.status() + " for " + response.url());
                    }
                });
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private void open(String query) {
        page.navigate(server.baseUrl() + query);
        assertThat(page.locator("form.ff-catalog-filters")).isVisible();
    }

    private Locator visibleTiles() {
        return page.locator("li.ff-tile:visible");
    }

    private List<String> visibleIds() {
        return visibleTiles().all().stream().map(tile -> tile.getAttribute("data-ff-app")).toList();
    }

    private void checkTag(String tag) {
        page.getByLabel(tag, new Page.GetByLabelOptions().setExact(true)).check();
    }

    @Test
    void searchLeavesOnlyMatchingTiles() {
        open("");

        page.getByLabel("Search").fill("revenue");

        assertThat(visibleTiles()).hasCount(1);
        assertThat(visibleIds()).containsExactly("report");
        assertThat(page.locator("[data-ff-catalog-count]")).hasText("1 of 5 apps");
    }

    @Test
    void twoTagsShowAppsHavingEither() {
        open("");

        checkTag("HR");
        checkTag("Reporting");

        assertThat(visibleTiles()).hasCount(2);
        assertThat(visibleIds()).containsExactly("report", "vacation");
    }

    @Test
    void urlReflectsFiltersAndReloadKeepsThem() {
        open("");

        checkTag("HR");
        checkTag("Reporting");
        page.getByLabel("Type").selectOption("PUBLIC");
        page.getByLabel("Search").fill("monthly");

        assertThat(page).hasURL(Pattern.compile("\\?q=monthly&type=PUBLIC&tag=HR&tag=Reporting$"));
        page.reload();
        assertThat(page.getByLabel("HR", new Page.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(page.getByLabel("Reporting", new Page.GetByLabelOptions().setExact(true)))
                .isChecked();
        assertThat(page.getByLabel("Type")).hasValue("PUBLIC");
        assertThat(page.getByLabel("Search")).hasValue("monthly");
        assertThat(visibleTiles()).hasCount(1);
        assertThat(visibleIds()).containsExactly("report");
    }

    @Test
    void sharedUrlAppliesNamespaceAndType() {
        open("?namespace=company.data&type=PRIVATE");

        assertThat(visibleTiles()).hasCount(1);
        assertThat(visibleIds()).containsExactly("forecast");
        assertThat(page.getByLabel("Namespace")).hasValue("company.data");
    }

    @Test
    void clearButtonShowsEveryTileAgain() {
        open("?q=stock");
        assertThat(visibleTiles()).hasCount(1);

        page.getByText("Clear filters").click();

        assertThat(visibleTiles()).hasCount(5);
        assertThat(page).hasURL(server.baseUrl());
    }

    @Test
    void noMatchShowsEmptyMessage() {
        open("");

        page.getByLabel("Search").fill("nothing-matches-this");

        assertThat(visibleTiles()).hasCount(0);
        assertThat(page.getByText("No app matches these filters.")).isVisible();
    }

    @Test
    void filtersByKeyboardAlone() {
        open("");

        page.keyboard().press("Tab");
        page.keyboard().type("stock");
        assertThat(visibleTiles()).hasCount(1);
        page.keyboard().press("Control+A");
        page.keyboard().press("Backspace");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().press("Space");

        assertThat(page.getByLabel("AI", new Page.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(visibleTiles()).hasCount(1);
        assertThat(visibleIds()).containsExactly("forecast");
    }

    @Test
    void hidesTileWhoseWindowEndedByVisitorClock() {
        page.clock().setFixedTime("2027-07-01T00:00:00Z");

        open("");

        assertThat(visibleTiles()).hasCount(4);
        assertThat(visibleIds()).doesNotContain("resources");
        assertThat(page.locator("[data-ff-catalog-count]")).hasText("4 apps");
    }

    @Test
    void listsEveryTileWithoutJavaScript() {
        BrowserContext noScript =
                browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        Page plain = noScript.newPage();

        plain.navigate(server.baseUrl());

        assertThat(plain.locator("li.ff-tile:visible")).hasCount(5);
        assertThat(plain.locator("form.ff-catalog-filters")).isHidden();
        noScript.close();
    }

    @Test
    void hasNoAxeViolationsWithoutFilters() {
        open("");

        AxeResults results = new AxeBuilder(page).analyze();

        assertThat(describe(results.getViolations())).isEmpty();
    }

    @Test
    void hasNoAxeViolationsWithFilters() {
        open("");
        checkTag("HR");
        checkTag("Analytics");
        page.getByLabel("Search").fill("request");
        page.locator("li.ff-tile[data-ff-app=vacation] summary").click();
        assertThat(visibleTiles()).hasCount(1);
        assertThat(page.locator("li.ff-tile[data-ff-app=vacation] details"))
                .hasAttribute("open", "");

        AxeResults results = new AxeBuilder(page).analyze();

        assertThat(describe(results.getViolations())).isEmpty();
    }

    @Test
    void hasNoCspViolationOrConsoleError() {
        open("?tag=HR");
        page.getByLabel("Search").fill("vacation");
        page.locator("li.ff-tile[data-ff-app=vacation] summary").click();
        page.reload();
        assertThat(visibleTiles()).hasCount(1);
        assertThat(visibleTiles().locator("img.ff-tile-thumbnail")).isVisible();
        Object loadedImages =
                page.evaluate(
                        "() => Array.from(document.images).every(img => img.complete && img.naturalWidth > 0)");

        assertThat(loadedImages).isEqualTo(true);
        assertThat(page.locator("img.ff-catalog-banner")).isVisible();
        assertThat(consoleErrors).isEmpty();
    }

    private static List<String> describe(List<Rule> violations) {
        return violations.stream()
                .map(
                        rule ->
                                rule.getId()
                                        + ": "
                                        + rule.getHelp()
                                        + " "
                                        + rule.getNodes().stream()
                                                .map(node -> String.valueOf(node.getTarget()))
                                                .toList())
                .toList();
    }
}
