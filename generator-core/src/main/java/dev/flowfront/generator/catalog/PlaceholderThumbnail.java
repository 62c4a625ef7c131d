package dev.flowfront.generator.catalog;

import dev.flowfront.generator.definition.AppDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Draws the thumbnail of an app that has none: its initials in white on a color derived from its
 * namespace and id, so the same app always gets the same picture. The color is darkened until white
 * text on it reaches the WCAG AA contrast ratio.
 */
final class PlaceholderThumbnail {

    static final int WIDTH = 320;
    static final int HEIGHT = 180;

    private static final CssColor WHITE = CssColor.parse("#ffffff").orElseThrow();

    /** Backgrounds by hue, filled on first use, because finding a shade parses up to 19 colors. */
    private static final AtomicReferenceArray<Shade> BACKGROUNDS = new AtomicReferenceArray<>(360);

    private PlaceholderThumbnail() {}

    static ImageFile draw(AppDefinition app) {
        String color = backgroundHex(app.namespace() + "/" + app.id());
        String svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
                        + WIDTH
                        + " "
                        + HEIGHT
                        + "\" width=\""
                        + WIDTH
                        + "\" height=\""
                        + HEIGHT
                        + "\"><rect width=\"100%\" height=\"100%\" fill=\""
                        + color
                        + "\"/><text x=\"50%\" y=\"50%\" dy=\"0.35em\" text-anchor=\"middle\""
                        + " font-family=\"system-ui, sans-serif\" font-size=\"72\""
                        + " font-weight=\"600\" fill=\"#ffffff\">"
                        + initials(app.title())
                        + "</text></svg>\n";
        return new ImageFile(ImageType.SVG, svg.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the first letter or digit of the first two words, upper case. Only letters and digits
     * are kept, so the result needs no XML escaping.
     */
    static String initials(String title) {
        StringBuilder initials = new StringBuilder();
        boolean atWordStart = true;
        for (int i = 0; i < title.length() && initials.codePointCount(0, initials.length()) < 2; ) {
            int codePoint = title.codePointAt(i);
            boolean wordCharacter = Character.isLetterOrDigit(codePoint);
            if (wordCharacter && atWordStart) {
                initials.appendCodePoint(codePoint);
            }
            atWordStart = !wordCharacter;
            i += Character.charCount(codePoint);
        }
        return initials.length() == 0 ? "?" : initials.toString().toUpperCase(Locale.ROOT);
    }

    /** Picks a hue from a hash of the key, then the lightest shade that keeps white readable. */
    static CssColor background(String key) {
        return shade(Math.floorMod(hash(key), 360)).color();
    }

    private static String backgroundHex(String key) {
        return shade(Math.floorMod(hash(key), 360)).hex();
    }

    private static Shade shade(int hue) {
        Shade shade = BACKGROUNDS.get(hue);
        if (shade == null) {
            CssColor color = shadeFor(hue);
            shade = new Shade(color, color.toHex());
            BACKGROUNDS.set(hue, shade);
        }
        return shade;
    }

    private static CssColor shadeFor(int hue) {
        for (int lightness = 45; ; lightness -= 2) {
            String hsl = String.format(Locale.ROOT, "hsl(%d, 55%%, %d%%)", hue, lightness);
            CssColor color = CssColor.parse(hsl).orElseThrow();
            if (color.contrastWith(WHITE) >= CssColor.AA_TEXT_CONTRAST || lightness <= 10) {
                return color;
            }
        }
    }

    private static int hash(String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xff) << 8) | (digest[1] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** A background color and its {@code #rrggbb} form. */
    private record Shade(CssColor color, String hex) {}
}
