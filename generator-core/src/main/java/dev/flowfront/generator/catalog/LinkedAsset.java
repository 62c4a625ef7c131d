package dev.flowfront.generator.catalog;

import dev.flowfront.generator.site.SiteContent;

/**
 * A file a page links to, with its Subresource Integrity value.
 *
 * @param path the path relative to the site root, as {@link
 *     dev.flowfront.generator.api.AssetSink#put} returned it
 * @param integrity the {@code integrity} attribute value, {@code sha384-<base64>}
 */
public record LinkedAsset(String path, String integrity) {

    /** Creates the asset record for content stored at {@code path}. */
    public static LinkedAsset of(String path, byte[] content) {
        return new LinkedAsset(path, SiteContent.integrity(content));
    }
}
