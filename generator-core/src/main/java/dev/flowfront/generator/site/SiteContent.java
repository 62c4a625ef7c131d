package dev.flowfront.generator.site;

import dev.flowfront.generator.api.GeneratorException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The files of one site build, held in memory until {@link SiteWriter} writes them all at once.
 * Paths are relative to the site root and use {@code /}. Assets are named after a hash of their
 * content, so the same bytes are stored once. Not thread-safe.
 */
public final class SiteContent implements SiteOutput {

    /** Hex digits of SHA-256 kept in asset names: 64 bits, enough to avoid collisions in a site. */
    private static final int NAME_HASH_LENGTH = 16;

    private static final Pattern SAFE_SEGMENT = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final SortedMap<String, byte[]> files = new TreeMap<>();

    /**
     * Adds a file at a fixed path, such as a page or the catalog.
     *
     * @throws IllegalStateException when another file already has the path
     */
    @Override
    public void put(String path, byte[] content) {
        checkPath(path);
        byte[] previous = files.putIfAbsent(path, content.clone());
        if (previous != null) {
            throw new IllegalStateException("two files of the site have the path " + path);
        }
    }

    public void put(String path, String content) {
        put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String put(String folder, String extension, byte[] content) {
        String path = assetPath(folder, extension, content);
        if (!files.containsKey(path)) {
            files.put(path, content.clone());
        }
        return path;
    }

    /** Rejects a path that is absolute, leaves the site root or uses backslashes. */
    static void checkPath(String path) {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException(
                    "site path must be relative and normalized: " + path);
        }
    }

    /**
     * Returns the path of an asset below {@code assets/}, named after a hash of its content, such
     * as {@code assets/img/3f2a9c41d07e5b18.svg}.
     */
    static String assetPath(String folder, String extension, byte[] content) {
        String name = contentHash(content) + "." + checkedSegment(extension, "extension");
        return "assets/"
                + (folder.isEmpty() ? name : checkedSegment(folder, "folder") + "/" + name);
    }

    /**
     * Adds an asset named {@code <prefix>-<hash>.<extension>} below {@code assets/}, such as the
     * runtime script {@code assets/flowfront-3f2a9c.js}.
     *
     * @return the asset's path relative to the site root
     */
    public String putNamed(String prefix, String extension, byte[] content) {
        String name =
                checkedSegment(prefix, "prefix")
                        + "-"
                        + contentHash(content)
                        + "."
                        + checkedSegment(extension, "extension");
        return putAsset(name, content);
    }

    private String putAsset(String relativeName, byte[] content) {
        String path = "assets/" + relativeName;
        byte[] previous = files.get(path);
        if (previous == null) {
            files.put(path, content.clone());
        }
        return path;
    }

    /** Returns the content of a file added before, or null. */
    public byte[] get(String path) {
        byte[] content = files.get(path);
        return content == null ? null : content.clone();
    }

    /** The files by path, sorted by path. */
    public Map<String, byte[]> files() {
        return Collections.unmodifiableSortedMap(files);
    }

    /** Returns the Subresource Integrity value of the content: {@code sha384-<base64>}. */
    public static String integrity(byte[] content) {
        return "sha384-" + Base64.getEncoder().encodeToString(digest("SHA-384", content));
    }

    static String contentHash(byte[] content) {
        return HexFormat.of().formatHex(digest("SHA-256", content)).substring(0, NAME_HASH_LENGTH);
    }

    private static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new GeneratorException("the JVM lacks the " + algorithm + " digest", e);
        }
    }

    private static String checkedSegment(String segment, String what) {
        String lower = segment.toLowerCase(Locale.ROOT);
        if (!SAFE_SEGMENT.matcher(lower).matches()) {
            throw new IllegalArgumentException(
                    "asset " + what + " '" + segment + "' is not a safe name");
        }
        return lower;
    }
}
