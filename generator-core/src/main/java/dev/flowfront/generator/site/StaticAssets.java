package dev.flowfront.generator.site;

import dev.flowfront.generator.api.Branding;
import dev.flowfront.generator.api.GeneratorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the two assets every page links to: the runtime script, concatenated from the files that
 * {@code runtime/manifest.txt} lists, and the stylesheet with the branding colors appended as CSS
 * custom properties (pages may not carry inline styles under their Content Security Policy).
 */
public final class StaticAssets {

    /** Classpath folder of the templates module's resources. */
    public static final String TEMPLATES_ROOT = "dev/flowfront/templates/";

    /**
     * Colors accepted in branding: hex, named colors and functional notations. Anything with {@code
     * ;}, braces, quotes or {@code url(} could break out of the declaration.
     */
    private static final Pattern CSS_COLOR =
            Pattern.compile("#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|rgba|hsl|hsla)\\([0-9.,%\\s/]+\\)");

    private final ClassLoader classLoader;
    private final String runtimeFolder;

    /** Reads the runtime and the stylesheet of the templates module. */
    public StaticAssets() {
        this(StaticAssets.class.getClassLoader(), TEMPLATES_ROOT + "runtime/");
    }

    /**
     * Reads the runtime from another classpath folder, and the stylesheet from the templates
     * module.
     *
     * @param runtimeFolder a classpath folder ending in {@code /} that holds {@code manifest.txt}
     *     and the files it lists
     */
    public StaticAssets(ClassLoader classLoader, String runtimeFolder) {
        this.classLoader = classLoader;
        this.runtimeFolder = runtimeFolder;
    }

    /** Links to the runtime script and the stylesheet, with their integrity values. */
    public record Links(
            String script, String scriptIntegrity, String stylesheet, String stylesheetIntegrity) {}

    /**
     * Adds the runtime script and the stylesheet to the site.
     *
     * @throws GeneratorException when the manifest is missing, empty or names a missing file, or a
     *     branding color is not a plain CSS color
     */
    public Links addTo(SiteContent site, Branding branding) {
        byte[] script = runtimeScript().getBytes(StandardCharsets.UTF_8);
        byte[] stylesheet = stylesheet(branding).getBytes(StandardCharsets.UTF_8);
        return new Links(
                site.putNamed("flowfront", "js", script),
                SiteContent.integrity(script),
                site.putNamed("flowfront", "css", stylesheet),
                SiteContent.integrity(stylesheet));
    }

    /** Concatenates the runtime files in manifest order inside one strict-mode function. */
    String runtimeScript() {
        String manifestPath = runtimeFolder + "manifest.txt";
        String manifest = readRequired(manifestPath, "the runtime manifest");
        List<String> names = new ArrayList<>();
        for (String line : manifest.split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new GeneratorException(
                    "The runtime manifest "
                            + manifestPath
                            + " lists no files, so pages would have no"
                            + " runtime; the templates jar is incomplete");
        }
        StringBuilder script = new StringBuilder("(function () {\n'use strict';\n");
        for (String name : names) {
            if (name.contains("..") || name.startsWith("/")) {
                throw new GeneratorException(
                        "The runtime manifest names '"
                                + name
                                + "', which is outside "
                                + runtimeFolder);
            }
            String source =
                    readRequired(runtimeFolder + name, "a runtime file listed in the manifest");
            script.append("\n// ").append(name).append('\n').append(source);
            if (!source.endsWith("\n")) {
                script.append('\n');
            }
        }
        return script.append("})();\n").toString();
    }

    String stylesheet(Branding branding) {
        String base = readRequired(TEMPLATES_ROOT + "css/flowfront.css", "the stylesheet");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("--ff-title-color", branding.titleColor());
        properties.put("--ff-primary-color", branding.primaryColor());
        properties.put("--ff-background-color", branding.backgroundColor());
        properties.put("--ff-tile-color", branding.tileColor());
        properties.put("--ff-button-text-color", branding.buttonTextColor());
        StringBuilder overrides = new StringBuilder();
        properties.forEach(
                (property, color) -> {
                    if (color == null || color.isBlank()) {
                        return;
                    }
                    String value = color.strip();
                    if (!CSS_COLOR.matcher(value).matches()) {
                        throw new GeneratorException(
                                "Branding color '"
                                        + color
                                        + "' for "
                                        + property
                                        + " is not a CSS color;"
                                        + " use a hex value such as #1f6feb, a color name or rgb(...)");
                    }
                    overrides
                            .append("  ")
                            .append(property)
                            .append(": ")
                            .append(value)
                            .append(";\n");
                });
        if (overrides.isEmpty()) {
            return base;
        }
        return base
                + (base.endsWith("\n") ? "" : "\n")
                + "\n/* Branding */\n:root {\n"
                + overrides
                + "}\n";
    }

    private String readRequired(String path, String what) {
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new GeneratorException(
                        "Cannot find "
                                + what
                                + " "
                                + path
                                + " on the classpath; the templates jar is"
                                + " missing or incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new GeneratorException("Cannot read " + what + " " + path, e);
        }
    }
}
