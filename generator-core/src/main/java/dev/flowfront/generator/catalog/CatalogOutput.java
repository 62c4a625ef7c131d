package dev.flowfront.generator.catalog;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link CatalogRenderer#render} produced besides the assets it stored.
 *
 * @param files files to write, by path relative to the site root: {@code index.html} and {@code
 *     apps.json}
 * @param brandingStylesheet the stylesheet of branding custom properties, already stored through
 *     the asset sink; app pages link it too
 */
public record CatalogOutput(SortedMap<String, byte[]> files, LinkedAsset brandingStylesheet) {

    public CatalogOutput {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
