package dev.flowfront.maven;

import dev.flowfront.generator.api.Branding;
import java.io.File;

/**
 * The nested {@code <branding>} element of the plugin configuration. Every child is optional; an
 * absent one keeps the default look. Colors are CSS colors such as {@code #3b3486} or {@code rgb(59
 * 52 134)}.
 *
 * <pre>{@code
 * <branding>
 *   <title>Company apps</title>
 *   <primaryColor>#3b3486</primaryColor>
 *   <banner>src/main/branding/banner.svg</banner>
 * </branding>
 * }</pre>
 */
public class BrandingParameters {

    /** The catalog's title. */
    private String title;

    /** CSS color of the title. */
    private String titleColor;

    /** CSS color of buttons. */
    private String primaryColor;

    /** CSS color of the page background. */
    private String backgroundColor;

    /** CSS color of catalog tiles. */
    private String tileColor;

    /** CSS color of text on buttons. */
    private String buttonTextColor;

    /** An SVG file shown at the top of the catalog; scripts and external references are removed. */
    private File banner;

    Branding toBranding() {
        return new Branding(
                title,
                titleColor,
                primaryColor,
                backgroundColor,
                tileColor,
                buttonTextColor,
                banner == null ? null : banner.toPath());
    }
}
