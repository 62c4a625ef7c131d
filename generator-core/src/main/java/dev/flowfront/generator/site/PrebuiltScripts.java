package dev.flowfront.generator.site;

import dev.flowfront.generator.api.GeneratorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runtime scripts minified while generator-core is built, so that a build of a site does not load
 * the Closure Compiler, which takes seconds. The Maven build runs {@link #main} after compiling the
 * classes. It writes each minified script next to the SHA-256 of the source it came from, and
 * {@link #find} returns a script only when that hash equals the source's hash, so a changed or
 * replaced runtime is minified again at run time.
 *
 * <p>This class refers to no Closure Compiler type outside {@link #main}, so looking a script up
 * loads none of them.
 */
public final class PrebuiltScripts {

    private static final Logger LOG = LoggerFactory.getLogger(PrebuiltScripts.class);

    /** Classpath folder of the prebuilt scripts. */
    static final String FOLDER = "dev/flowfront/generator/site/prebuilt/";

    private static final String HASH_SUFFIX = ".source-sha256";

    private PrebuiltScripts() {}

    /**
     * Minifies the runtime of the templates module into the classes folder given as the only
     * argument. It minifies on every build, so that a change of the minifier's options never leaves
     * an outdated script behind.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException(
                    "Expected one argument, the classes folder to write the scripts into; got "
                            + args.length);
        }
        Path folder = Path.of(args[0]).resolve(FOLDER);
        Files.createDirectories(folder);
        StaticAssets assets = new StaticAssets();
        for (String part : new String[] {StaticAssets.CRITICAL, StaticAssets.DEFERRED}) {
            String name = StaticAssets.scriptName(part);
            String source = assets.runtimeScript(part);
            Files.writeString(
                    folder.resolve(name),
                    ScriptMinifier.minify(name, source),
                    StandardCharsets.UTF_8);
            Files.writeString(
                    folder.resolve(name + HASH_SUFFIX), sourceHash(source), StandardCharsets.UTF_8);
            LOG.info("Minified runtime script {} into {}", name, folder);
        }
    }

    /**
     * Returns the prebuilt minified form of {@code source}, or empty when the classpath has none
     * for exactly this source.
     *
     * @param name the script's file name, such as {@code flowfront.js}
     */
    static Optional<String> find(String name, String source) {
        Optional<String> hash = read(FOLDER + name + HASH_SUFFIX);
        if (hash.isEmpty() || !hash.get().equals(sourceHash(source))) {
            return Optional.empty();
        }
        return read(FOLDER + name);
    }

    static String sourceHash(String source) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new GeneratorException("the JVM lacks the SHA-256 digest", e);
        }
    }

    private static Optional<String> read(String path) {
        try (InputStream in = PrebuiltScripts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GeneratorException("Cannot read " + path + " from the classpath", e);
        }
    }
}
