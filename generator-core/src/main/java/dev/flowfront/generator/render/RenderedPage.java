package dev.flowfront.generator.render;

/**
 * An app page ready to write.
 *
 * @param path the page's path relative to the site root, such as {@code
 *     apps/company.team/hello/index.html}
 * @param html the page
 */
public record RenderedPage(String appId, String namespace, String path, String html) {

    /** The URL of the page's folder relative to the site root, such as {@code apps/ns/id/}. */
    public String url() {
        return path.substring(0, path.length() - "index.html".length());
    }
}
