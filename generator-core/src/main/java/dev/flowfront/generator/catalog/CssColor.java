package dev.flowfront.generator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSS color value in sRGB, parsed from the forms a branding option accepts: hex ({@code #rgb},
 * {@code #rgba}, {@code #rrggbb}, {@code #rrggbbaa}), {@code rgb()}/{@code rgba()}, {@code
 * hsl()}/{@code hsla()} in comma or space syntax, and the named colors, {@code transparent}
 * included. Out-of-range components are clamped, as browsers do.
 *
 * <p>Parsing accepts only letters, digits, spaces and {@code #(),.%/+-}, so {@link #text()} can be
 * written into a stylesheet without escaping.
 *
 * @param text the value as written, trimmed
 * @param red red in 0..1
 * @param green green in 0..1
 * @param blue blue in 0..1
 * @param alpha opacity in 0..1
 */
public record CssColor(String text, double red, double green, double blue, double alpha) {

    /** WCAG 2 level AA minimum contrast ratio for normal-size text. */
    public static final double AA_TEXT_CONTRAST = 4.5;

    private static final Pattern HEX =
            Pattern.compile("#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");
    private static final Pattern FUNCTION =
            Pattern.compile("(rgba?|hsla?)\\(([-+0-9a-zA-Z.%,/ ]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER =
            Pattern.compile(
                    "([-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)(%|deg|grad|rad|turn)?");

    /** Parses a CSS color; empty when the text is not one of the accepted forms. */
    public static Optional<CssColor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (HEX.matcher(trimmed).matches()) {
            return Optional.of(fromHex(trimmed));
        }
        if (lower.equals("transparent")) {
            return Optional.of(new CssColor(trimmed, 0, 0, 0, 0));
        }
        Integer named = CssColorNames.RGB.get(lower);
        if (named != null) {
            return Optional.of(fromRgb(trimmed, named));
        }
        Matcher function = FUNCTION.matcher(trimmed);
        if (function.matches()) {
            return parseFunction(
                    trimmed, function.group(1).toLowerCase(Locale.ROOT), function.group(2));
        }
        return Optional.empty();
    }

    private static CssColor fromRgb(String text, int rgb) {
        return new CssColor(
                text,
                ((rgb >> 16) & 0xff) / 255.0,
                ((rgb >> 8) & 0xff) / 255.0,
                (rgb & 0xff) / 255.0,
                1);
    }

    private static CssColor fromHex(String text) {
        String digits = text.substring(1);
        if (digits.length() <= 4) {
            StringBuilder doubled = new StringBuilder();
            for (char digit : digits.toCharArray()) {
                doubled.append(digit).append(digit);
            }
            digits = doubled.toString();
        }
        double alpha = digits.length() == 8 ? Integer.parseInt(digits.substring(6), 16) / 255.0 : 1;
        int rgb = Integer.parseInt(digits.substring(0, 6), 16);
        CssColor opaque = fromRgb(text, rgb);
        return new CssColor(text, opaque.red, opaque.green, opaque.blue, alpha);
    }

    /**
     * Reads the arguments of {@code rgb()} or {@code hsl()}: three comma-separated values with an
     * optional fourth (alpha), or three space-separated values with an optional {@code / alpha}.
     */
    private static Optional<CssColor> parseFunction(String text, String name, String arguments) {
        List<String> parts = splitArguments(arguments.trim());
        if (parts == null) {
            return Optional.empty();
        }

        List<Matcher> numbers = new ArrayList<>();
        for (String part : parts) {
            Matcher number = NUMBER.matcher(part);
            if (!number.matches()) {
                return Optional.empty();
            }
            numbers.add(number);
        }
        double alpha = parts.size() == 4 ? alpha(numbers.get(3)) : 1;
        if (Double.isNaN(alpha)) {
            return Optional.empty();
        }

        if (name.startsWith("rgb")) {
            double[] rgb = new double[3];
            for (int i = 0; i < 3; i++) {
                Matcher number = numbers.get(i);
                if (number.group(2) != null && !number.group(2).equals("%")) {
                    return Optional.empty();
                }
                double value = Double.parseDouble(number.group(1));
                rgb[i] = clamp(number.group(2) == null ? value / 255 : value / 100);
            }
            return Optional.of(new CssColor(text, rgb[0], rgb[1], rgb[2], alpha));
        }

        double hue = hueDegrees(numbers.get(0));
        double saturation = percentage(numbers.get(1));
        double lightness = percentage(numbers.get(2));
        if (Double.isNaN(hue) || Double.isNaN(saturation) || Double.isNaN(lightness)) {
            return Optional.empty();
        }
        double[] rgb = hslToRgb(hue, saturation, lightness);
        return Optional.of(new CssColor(text, rgb[0], rgb[1], rgb[2], alpha));
    }

    /** Splits into 3 or 4 values; null when the separators mix or the count is wrong. */
    private static List<String> splitArguments(String arguments) {
        List<String> parts = new ArrayList<>();
        if (arguments.contains(",")) {
            if (arguments.contains("/")) {
                return null;
            }
            for (String part : arguments.split(",", -1)) {
                parts.add(part.trim());
            }
        } else {
            String[] slash = arguments.split("/", -1);
            if (slash.length > 2) {
                return null;
            }
            for (String part : slash[0].trim().split(" +")) {
                parts.add(part);
            }
            if (parts.size() != 3) {
                return null;
            }
            if (slash.length == 2) {
                parts.add(slash[1].trim());
            }
        }
        return parts.size() == 3 || parts.size() == 4 ? parts : null;
    }

    private static double alpha(Matcher number) {
        String unit = number.group(2);
        double value = Double.parseDouble(number.group(1));
        if (unit == null) {
            return clamp(value);
        }
        return unit.equals("%") ? clamp(value / 100) : Double.NaN;
    }

    private static double percentage(Matcher number) {
        String unit = number.group(2);
        if (unit != null && !unit.equals("%")) {
            return Double.NaN;
        }
        return clamp(Double.parseDouble(number.group(1)) / 100);
    }

    private static double hueDegrees(Matcher number) {
        double value = Double.parseDouble(number.group(1));
        String unit = number.group(2) == null ? "deg" : number.group(2);
        double degrees =
                switch (unit) {
                    case "deg" -> value;
                    case "grad" -> value * 0.9;
                    case "rad" -> Math.toDegrees(value);
                    case "turn" -> value * 360;
                    default -> Double.NaN;
                };
        return ((degrees % 360) + 360) % 360;
    }

    private static double[] hslToRgb(double hue, double saturation, double lightness) {
        double chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double sector = hue / 60;
        double second = chroma * (1 - Math.abs(sector % 2 - 1));
        double[] rgb =
                switch ((int) sector) {
                    case 0 -> new double[] {chroma, second, 0};
                    case 1 -> new double[] {second, chroma, 0};
                    case 2 -> new double[] {0, chroma, second};
                    case 3 -> new double[] {0, second, chroma};
                    case 4 -> new double[] {second, 0, chroma};
                    default -> new double[] {chroma, 0, second};
                };
        double match = lightness - chroma / 2;
        return new double[] {rgb[0] + match, rgb[1] + match, rgb[2] + match};
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    /** Returns the opaque color that results from painting this color over a background. */
    public CssColor over(CssColor background) {
        return new CssColor(
                text,
                red * alpha + background.red * (1 - alpha),
                green * alpha + background.green * (1 - alpha),
                blue * alpha + background.blue * (1 - alpha),
                1);
    }

    /** WCAG 2 relative luminance of the color, ignoring alpha. */
    public double relativeLuminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** WCAG 2 contrast ratio between two opaque colors, from 1 to 21. */
    public double contrastWith(CssColor other) {
        double mine = relativeLuminance();
        double theirs = other.relativeLuminance();
        return (Math.max(mine, theirs) + 0.05) / (Math.min(mine, theirs) + 0.05);
    }

    /** Formats the color as {@code #rrggbb}, ignoring alpha. */
    public String toHex() {
        return String.format(
                Locale.ROOT,
                "#%02x%02x%02x",
                Math.round(red * 255),
                Math.round(green * 255),
                Math.round(blue * 255));
    }
}
