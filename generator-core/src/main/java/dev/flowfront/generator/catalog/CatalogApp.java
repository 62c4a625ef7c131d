package dev.flowfront.generator.catalog;

import dev.flowfront.generator.definition.AppDefinition;
import java.util.Objects;

/**
 * An app given to the catalog: its definition and the URL its page is published at.
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
