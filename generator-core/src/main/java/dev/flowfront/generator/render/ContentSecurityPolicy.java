package dev.flowfront.generator.render;

import java.util.Set;
import java.util.TreeSet;

/**
 * The Content Security Policy of an app page: scripts and styles only from the site itself, so no
 * inline script or style runs; images from the site, data and blob URLs and the origins of the
 * page's Image blocks; network calls only to Kestra; no base URL change and no form submission (the
 * runtime sends forms with {@code fetch}).
 */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {}

    /**
     * @param kestraUrl the Kestra URL pages call; empty for the page's own origin
     * @param imageOrigins origins of remote images, such as {@code https://example.com}
     */
    static String forPage(String kestraUrl, Set<String> imageOrigins) {
        String connect =
                kestraUrl.isEmpty()
                        ? "'self'"
                        : BlockRenderer.httpOrigin(kestraUrl).orElse("'self'");
        StringBuilder images = new StringBuilder("'self' data: blob:");
        for (String origin : new TreeSet<>(imageOrigins)) {
            images.append(' ').append(origin);
        }
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src "
                + images
                + "; connect-src "
                + connect
                + "; base-uri 'none'; form-action 'none'";
    }
}
