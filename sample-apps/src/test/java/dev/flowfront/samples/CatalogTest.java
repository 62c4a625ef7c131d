package dev.flowfront.samples;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog page: one tile per sample app, each leading to the app's form. */
class CatalogTest extends AppJourney {

    /** Display name and tags of each sample app, as the app YAML files set them. */
    private static final Map<String, List<String>> APPS =
            Map.of(
                    "Say hello", List.of("Getting Started"),
                    "Request a virtual machine", List.of("Infrastructure", "Approvals"),
                    "Download a sales report", List.of("Reporting", "Analytics"),
                    "IT helpdesk", List.of("Support"),
                    "Tell us what you think", List.of("Public", "Forms"),
                    "Data entry, every input type", List.of("Forms"));

    private static SampleSite site;

    @BeforeAll
    static void start() {
        site = SampleSite.start(10);
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Override
    SampleSite site() {
        return site;
    }

    private Locator tile(String displayName) {
        return page.locator("li.ff-tile")
                .filter(
                        new Locator.FilterOptions()
                                .setHas(
                                        page.getByRole(
                                                AriaRole.LINK,
                                                new com.microsoft.playwright.Page.GetByRoleOptions()
                                                        .setName(displayName)
                                                        .setExact(true))));
    }

    @Test
    void listsEveryAppWithThumbnailAndTags() {
        page.navigate(site.catalogUrl());

        assertThat(page.locator("li.ff-tile")).hasCount(APPS.size());
        for (Map.Entry<String, List<String>> app : APPS.entrySet()) {
            Locator tile = tile(app.getKey());
            assertThat(tile).hasCount(1);
            assertThat(tile.locator(".ff-tag")).hasText(app.getValue().toArray(String[]::new));
            Locator thumbnail = tile.locator("img.ff-tile-thumbnail");
            assertThat(thumbnail).isVisible();
            assertThat(thumbnail.evaluate("image => image.complete && image.naturalWidth > 0"))
                    .as("thumbnail of %s loaded", app.getKey())
                    .isEqualTo(true);
        }
        checked.assertAccessible("catalog");
    }

    @Test
    void everyTileOpensItsForm() {
        page.navigate(site.catalogUrl());
        assertThat(page.locator("li.ff-tile")).hasCount(APPS.size());

        for (String displayName : APPS.keySet()) {
            page.navigate(site.catalogUrl());
            tile(displayName).getByRole(AriaRole.LINK).click();

            assertThat(stage("OPEN")).isVisible();
            assertThat(page.locator("h1")).hasText(displayName);
        }
    }
}
