package dev.flowfront.generator.site;

import dev.flowfront.generator.api.GeneratorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the two assets every app page links to: the runtime script, concatenated from the files
 * that {@code runtime/manifest.txt} lists, and the shared stylesheet. Branding colors come in a
 * separate stylesheet that the catalog builds.
 */
public final class StaticAssets {

    /** Classpath folder of the templates module's resources. */
    public static final String TEMPLATES_ROOT = "dev/flowfront/templates/";

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
     * @param runtimeFolder a classpath folder ending in {@code /} that contains {@code
     *     manifest.txt} and the files it lists
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
     * @throws GeneratorException when the manifest is missing, empty or names a missing file
     */
    public Links addTo(SiteContent site) {
        byte[] script =
                ScriptMinifier.minify("flowfront.js", runtimeScript())
                        .getBytes(StandardCharsets.UTF_8);
        byte[] stylesheet = stylesheet().getBytes(StandardCharsets.UTF_8);
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

    String stylesheet() {
        return readRequired(TEMPLATES_ROOT + "css/flowfront.css", "the stylesheet");
    }

    private String readRequired(String path, String description) {
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new GeneratorException(
                        "Cannot find "
                                + description
                                + " "
                                + path
                                + " on the classpath; the templates jar is"
                                + " missing or incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new GeneratorException("Cannot read " + description + " " + path, e);
        }
    }
}
