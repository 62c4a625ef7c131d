package dev.flowfront.generator.site;

import dev.flowfront.generator.api.AssetSink;

/**
 * The destination of a build's files: pages and manifests at fixed paths, and assets named after
 * their content.
 */
public interface SiteOutput extends AssetSink {

    /**
     * Adds a file at a fixed path relative to the site root, such as a page or the catalog.
     *
     * @throws IllegalArgumentException when the path is not relative and normalized
     * @throws IllegalStateException when another file already has the path
     */
    void put(String path, byte[] content);

    /**
     * Returns an output that names assets like a written site but stores nothing, for builds that
     * only check the input. Thread-safe.
     */
    static SiteOutput discarding() {
        return new SiteOutput() {
            @Override
            public void put(String path, byte[] content) {
                SiteContent.checkPath(path);
            }

            @Override
            public String put(String folder, String extension, byte[] content) {
                return SiteContent.assetPath(folder, extension, content);
            }
        };
    }
}
