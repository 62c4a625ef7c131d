package dev.flowfront.generator.catalog;

import dev.flowfront.generator.definition.AppDefinition;
import java.util.Objects;

/**
 * An app as the catalog sees it: its definition and where its page is published.
 *
 * @param app the loaded app
 * @param url the app page's URL relative to the site root, such as {@code
 *     apps/company.team/hello/}; the catalog links to it and writes it to {@code apps.json}
 */
public record CatalogApp(AppDefinition app, String url) {

    public CatalogApp {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(url, "url");
    }
}
