package dev.flowfront.generator.catalog;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Files and links that {@link CatalogRenderer#render} produced, besides the assets it stored.
 *
 * @param files files to write, by path relative to the site root: {@code index.html} and {@code
 *     apps.json}
 * @param brandingStylesheet the stylesheet of branding custom properties that the catalog and the
 *     app pages link, already stored through the asset sink
 */
public record CatalogOutput(SortedMap<String, byte[]> files, LinkedAsset brandingStylesheet) {

    public CatalogOutput {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
