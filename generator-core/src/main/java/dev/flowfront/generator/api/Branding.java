package dev.flowfront.generator.api;

import java.nio.file.Path;

/**
 * The look of a site: the catalog's title and banner, and colors that app pages share through CSS
 * custom properties. Every field may be null to keep the default.
 *
 * @param title the catalog's title
 * @param titleColor CSS color of the title
 * @param primaryColor CSS color of buttons
 * @param backgroundColor CSS color of the page background
 * @param tileColor CSS color of catalog tiles
 * @param buttonTextColor CSS color of text on buttons
 * @param banner an SVG file shown at the top of the catalog; it is sanitized
 */
public record Branding(
        String title,
        String titleColor,
        String primaryColor,
        String backgroundColor,
        String tileColor,
        String buttonTextColor,
        Path banner) {

    /** No branding: the default title, colors and no banner. */
    public static final Branding DEFAULT = new Branding(null, null, null, null, null, null, null);
}
