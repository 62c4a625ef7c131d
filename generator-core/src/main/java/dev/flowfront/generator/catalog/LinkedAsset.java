package dev.flowfront.generator.catalog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

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
        return new LinkedAsset(path, integrity(content));
    }

    /** Computes the Subresource Integrity value of the content with SHA-384. */
    public static String integrity(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-384").digest(content);
            return "sha384-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-384 is missing from the JDK", e);
        }
    }
}
