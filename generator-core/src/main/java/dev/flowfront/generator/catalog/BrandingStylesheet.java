package dev.flowfront.generator.catalog;

import dev.flowfront.generator.api.Branding;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns {@link Branding} colors into a stylesheet of CSS custom properties that the catalog and the
 * app pages link, so that no page needs an inline style (pages run under a CSP without {@code
 * 'unsafe-inline'}).
 *
 * <p>Each color is validated: an invalid one is an ERROR naming the option and its value. Text
 * colors are checked against their backgrounds (title on background, button text on primary, text
 * on tile and on background) and a ratio below the WCAG AA 4.5:1 for text is a WARNING with both
 * colors and the ratio. Translucent colors are composited over what lies beneath them (the
 * background over white) before the ratio is computed.
 */
public final class BrandingStylesheet {

    /** Location of branding problems, which come from the build configuration, not from a file. */
    public static final SourceLocation LOCATION = SourceLocation.ofFile("branding configuration");

    /** Custom property names, as pages' stylesheets use them. */
    public static final String TITLE_COLOR = "--ff-title-color";

    public static final String PRIMARY_COLOR = "--ff-primary-color";
    public static final String BACKGROUND_COLOR = "--ff-background-color";
    public static final String TILE_COLOR = "--ff-tile-color";
    public static final String BUTTON_TEXT_COLOR = "--ff-button-text-color";
    public static final String TEXT_COLOR = "--ff-text-color";

    static final String DEFAULT_TITLE_COLOR = "#14171c";
    static final String DEFAULT_PRIMARY_COLOR = "#2f4bb8";
    static final String DEFAULT_BACKGROUND_COLOR = "#f4f5f7";
    static final String DEFAULT_TILE_COLOR = "#ffffff";
    static final String DEFAULT_BUTTON_TEXT_COLOR = "#ffffff";

    /** Body text is not a branding option; the tile and background colors must suit it. */
    static final String TEXT = "#1f2430";

    private static final CssColor WHITE = CssColor.parse("#ffffff").orElseThrow();

    private BrandingStylesheet() {}

    /** Validates the branding colors and returns the stylesheet text. */
    public static String render(Branding branding, ProblemCollector problems) {
        CssColor title = color("titleColor", branding.titleColor(), DEFAULT_TITLE_COLOR, problems);
        CssColor primary =
                color("primaryColor", branding.primaryColor(), DEFAULT_PRIMARY_COLOR, problems);
        CssColor background =
                color(
                        "backgroundColor",
                        branding.backgroundColor(),
                        DEFAULT_BACKGROUND_COLOR,
                        problems);
        CssColor tile = color("tileColor", branding.tileColor(), DEFAULT_TILE_COLOR, problems);
        CssColor buttonText =
                color(
                        "buttonTextColor",
                        branding.buttonTextColor(),
                        DEFAULT_BUTTON_TEXT_COLOR,
                        problems);
        CssColor text = CssColor.parse(TEXT).orElseThrow();

        CssColor pageBackground = background.over(WHITE);
        CssColor tileBackground = tile.over(pageBackground);
        CssColor buttonBackground = primary.over(pageBackground);
        checkContrast("titleColor", title, "backgroundColor", pageBackground, problems);
        checkContrast("buttonTextColor", buttonText, "primaryColor", buttonBackground, problems);
        checkContrast("the text color", text, "tileColor", tileBackground, problems);
        checkContrast("the text color", text, "backgroundColor", pageBackground, problems);

        Map<String, String> properties = new TreeMap<>();
        properties.put(TITLE_COLOR, title.text());
        properties.put(PRIMARY_COLOR, primary.text());
        properties.put(BACKGROUND_COLOR, background.text());
        properties.put(TILE_COLOR, tile.text());
        properties.put(BUTTON_TEXT_COLOR, buttonText.text());
        properties.put(TEXT_COLOR, text.text());
        StringBuilder css =
                new StringBuilder(
                        "/* Flowfront branding, shared by the catalog and the app pages. */\n");
        css.append(":root {\n");
        properties.forEach(
                (name, value) ->
                        css.append("  ").append(name).append(": ").append(value).append(";\n"));
        return css.append("}\n").toString();
    }

    private static CssColor color(
            String option, String value, String defaultValue, ProblemCollector problems) {
        if (value == null || value.isBlank()) {
            return CssColor.parse(defaultValue).orElseThrow();
        }
        return CssColor.parse(value)
                .orElseGet(
                        () -> {
                            problems.error(
                                    LOCATION,
                                    "branding option "
                                            + option
                                            + " '"
                                            + value
                                            + "' is not a CSS color",
                                    "Use a hex color such as #1a73e8, rgb(26, 115, 232),"
                                            + " hsl(217, 82%, 51%) or a color name such as navy");
                            return CssColor.parse(defaultValue).orElseThrow();
                        });
    }

    private static void checkContrast(
            String foregroundName,
            CssColor foreground,
            String backgroundName,
            CssColor background,
            ProblemCollector problems) {
        CssColor seen = foreground.over(background);
        double ratio = seen.contrastWith(background);
        if (ratio >= CssColor.AA_TEXT_CONTRAST) {
            return;
        }
        problems.warning(
                LOCATION,
                String.format(
                        Locale.ROOT,
                        "%s %s on %s %s has a contrast ratio of %.2f:1, below the 4.5:1 that"
                                + " WCAG AA requires for text",
                        foregroundName,
                        describe(foreground),
                        backgroundName,
                        describe(background),
                        ratio),
                "Make one of the two colors darker or lighter");
    }

    private static String describe(CssColor color) {
        String hex = color.toHex();
        return color.text().equalsIgnoreCase(hex)
                ? "'" + hex + "'"
                : "'" + color.text() + "' (" + hex + ")";
    }
}
