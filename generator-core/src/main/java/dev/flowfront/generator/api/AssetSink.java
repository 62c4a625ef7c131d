package dev.flowfront.generator.api;

/**
 * Where renderers put files that pages link to (images, scripts, stylesheets). The sink names each
 * file after a hash of its content, so the same content is stored once and can be cached forever.
 */
public interface AssetSink {

    /**
     * Stores an asset.
     *
     * @param folder the folder below {@code assets/}, such as {@code img}; empty for the top
     * @param extension the file extension without a dot, such as {@code svg}
     * @param content the bytes to write
     * @return the asset's path relative to the site root, such as {@code assets/img/3f2a9c.svg}
     */
    String put(String folder, String extension, byte[] content);
}
