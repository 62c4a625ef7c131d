package dev.flowfront.samples;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog page: one tile per sample app, each leading to the app's form. */
class CatalogTest extends AppJourney {

    /**
     * Display name and tags of each app the catalog lists, read from the site's manifest so that
     * adding a sample app needs no change here.
     */
    private static Map<String, List<String>> apps;

    private static SampleSite site;

    @BeforeAll
    static void start() throws IOException {
        site = SampleSite.start(10);
        apps = listedApps(SampleSite.MODULE.resolve("target/flowfront/site/apps.json"));
    }

    private static Map<String, List<String>> listedApps(Path manifest) throws IOException {
        Map<String, List<String>> listed = new LinkedHashMap<>();
        for (JsonNode app : new ObjectMapper().readTree(manifest.toFile()).path("apps")) {
            boolean inCatalog =
                    app.path("access").path("catalog").asBoolean(true)
                            && !app.path("disabled").asBoolean(false)
                            && app.path("expiration").isNull();
            if (inCatalog) {
                List<String> tags = new ArrayList<>();
                app.path("tags").forEach(tag -> tags.add(tag.asText()));
                listed.put(app.path("displayName").asText(), tags);
            }
        }
        return listed;
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

        assertThat(apps).hasSizeGreaterThanOrEqualTo(6);
        assertThat(page.locator("li.ff-tile")).hasCount(apps.size());
        for (Map.Entry<String, List<String>> app : apps.entrySet()) {
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
        assertThat(page.locator("li.ff-tile")).hasCount(apps.size());

        for (String displayName : apps.keySet()) {
            page.navigate(site.catalogUrl());
            tile(displayName).getByRole(AriaRole.LINK).click();

            assertThat(stage("OPEN")).isVisible();
            assertThat(page.locator("h1")).hasText(displayName);
        }
    }
}
