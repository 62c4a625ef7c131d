package dev.flowfront.preview.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** The cross-site scripting vectors of {@code hostile/xss-vectors.txt}, one per line. */
final class XssVectors {

    /** Markup a Markdown sanitizer has to remove or escape: a tag, comment or declaration. */
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z!/]");

    private XssVectors() {}

    static List<String> all() {
        try (InputStream in = XssVectors.class.getResourceAsStream("/hostile/xss-vectors.txt")) {
            if (in == null) {
                throw new IllegalStateException("hostile/xss-vectors.txt is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasMarkup(String vector) {
        return MARKUP.matcher(vector).find();
    }
}
