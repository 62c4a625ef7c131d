package dev.flowfront.generator.catalog;

import dev.flowfront.generator.api.AssetSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Test sink that names assets after their SHA-256 and writes them below a site folder. */
final class HashingAssetSink implements AssetSink {

    private final Path site;
    private final Map<String, byte[]> stored = new TreeMap<>();

    HashingAssetSink(Path site) {
        this.site = site;
    }

    @Override
    public String put(String folder, String extension, byte[] content) {
        String name = sha256(content).substring(0, 16) + "." + extension;
        String path = folder.isEmpty() ? "assets/" + name : "assets/" + folder + "/" + name;
        try {
            Path file = site.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stored.put(path, content);
        return path;
    }

    /** Stored assets by path. */
    Map<String, byte[]> stored() {
        return stored;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
