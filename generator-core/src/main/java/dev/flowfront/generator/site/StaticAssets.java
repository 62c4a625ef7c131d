package dev.flowfront.generator.site;

import dev.flowfront.generator.api.GeneratorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the assets every app page links to: the two runtime scripts and the shared stylesheet.
 * Each script is concatenated from the files that its {@code manifest.txt} lists: the page script
 * from {@code runtime/critical/}, which shows and checks the OPEN form, and the deferred script
 * from {@code runtime/deferred/}, which the page script loads after the first render. Branding
 * colors come in a separate stylesheet that the catalog builds.
 */
public final class StaticAssets {

    /** Classpath folder of the templates module's resources. */
    public static final String TEMPLATES_ROOT = "dev/flowfront/templates/";

    /** Subfolder of the runtime folder with the page script, which the OPEN stage needs. */
    static final String CRITICAL = "critical/";

    /** Subfolder of the runtime folder with the deferred script, for the calls and later stages. */
    static final String DEFERRED = "deferred/";

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
     * @param runtimeFolder a classpath folder ending in {@code /} with the subfolders {@code
     *     critical/} and {@code deferred/}, each holding a {@code manifest.txt} and the files it
     *     lists
     */
    public StaticAssets(ClassLoader classLoader, String runtimeFolder) {
        this.classLoader = classLoader;
        this.runtimeFolder = runtimeFolder;
    }

    /**
     * Links to the runtime scripts and the stylesheet, with their integrity values. Paths are
     * relative to the site root.
     *
     * @param script the page script, which pages link
     * @param deferredScript the deferred script, which the page script loads
     */
    public record Links(
            String script,
            String scriptIntegrity,
            String deferredScript,
            String deferredScriptIntegrity,
            String stylesheet,
            String stylesheetIntegrity) {}

    /**
     * Adds the runtime scripts and the stylesheet to the site.
     *
     * @throws GeneratorException when a manifest is missing, empty or names a missing file
     */
    public Links addTo(SiteContent site) {
        byte[] script = minified(CRITICAL);
        byte[] deferredScript = minified(DEFERRED);
        byte[] stylesheet = stylesheet().getBytes(StandardCharsets.UTF_8);
        return new Links(
                site.putNamed("flowfront", "js", script),
                SiteContent.integrity(script),
                site.putNamed("flowfront-deferred", "js", deferredScript),
                SiteContent.integrity(deferredScript),
                site.putNamed("flowfront", "css", stylesheet),
                SiteContent.integrity(stylesheet));
    }

    /** Returns the file name a runtime script is minified under, such as {@code flowfront.js}. */
    static String scriptName(String part) {
        return part.equals(CRITICAL) ? "flowfront.js" : "flowfront-deferred.js";
    }

    /**
     * Returns the minified script, prebuilt when generator-core's build minified this very source,
     * else minified now.
     */
    private byte[] minified(String part) {
        String name = scriptName(part);
        String source = runtimeScript(part);
        String script =
                PrebuiltScripts.find(name, source)
                        .orElseGet(() -> ScriptMinifier.minify(name, source));
        return script.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Concatenates the files of one runtime script in manifest order inside one strict-mode
     * function.
     *
     * @param part {@link #CRITICAL} or {@link #DEFERRED}
     */
    String runtimeScript(String part) {
        String folder = runtimeFolder + part;
        String manifestPath = folder + "manifest.txt";
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
                        "The runtime manifest names '" + name + "', which is outside " + folder);
            }
            String source = readRequired(folder + name, "a runtime file listed in the manifest");
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
