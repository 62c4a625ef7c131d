package dev.flowfront.generator.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A SHA-256 digest of everything a build reads: the input files, the options and the generator
 * itself. Two builds with the same fingerprint write the same site, so a build tool can skip the
 * second one.
 *
 * <p>The fingerprint is stored next to the output folder, in {@code <output>.fingerprint}, so that
 * deleting the site also forces a rebuild.
 */
public final class BuildFingerprint {

    /** A resource of the templates module, used to find the jar or folder the templates are in. */
    private static final String TEMPLATE_MARKER = "dev/flowfront/templates/page.peb";

    private BuildFingerprint() {}

    /**
     * Computes the fingerprint of a build.
     *
     * @throws GeneratorException when an input file cannot be read
     */
    public static String compute(CompileOptions options) {
        MessageDigest digest = sha256();
        update(digest, "options", options.kestraUrl(), options.tenant(), options.siteUrl());
        update(digest, "auth", options.auth().name());

        Branding branding = options.branding();
        update(
                digest,
                "branding",
                String.valueOf(branding.title()),
                String.valueOf(branding.titleColor()),
                String.valueOf(branding.primaryColor()),
                String.valueOf(branding.backgroundColor()),
                String.valueOf(branding.tileColor()),
                String.valueOf(branding.buttonTextColor()));

        List<Path> roots = new ArrayList<>(options.appsDirectories());
        roots.addAll(options.flowsDirectories());
        if (options.namespaceFilesDirectory() != null) {
            roots.add(options.namespaceFilesDirectory());
        }
        if (branding.banner() != null) {
            roots.add(branding.banner());
        }
        for (Path root : roots) {
            hashTree(digest, root);
        }

        // A new generator or template version changes the output as much as a new input does.
        codeLocation(BuildFingerprint.class).ifPresent(path -> hashTree(digest, path));
        Optional.ofNullable(BuildFingerprint.class.getClassLoader().getResource(TEMPLATE_MARKER))
                .flatMap(BuildFingerprint::pathOf)
                .ifPresent(path -> hashTree(digest, path));

        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether the output exists and was written by a build with this fingerprint. */
    public static boolean isUpToDate(CompileOptions options, String fingerprint) {
        Path output = options.outputDirectory();
        Path stored = fingerprintFile(output);
        try {
            return Files.isDirectory(output)
                    && Files.isRegularFile(stored)
                    && Files.readString(stored, StandardCharsets.UTF_8).strip().equals(fingerprint);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Records the fingerprint of the build that wrote the output.
     *
     * @throws GeneratorException when the file cannot be written
     */
    public static void store(CompileOptions options, String fingerprint) {
        Path stored = fingerprintFile(options.outputDirectory());
        try {
            Files.writeString(stored, fingerprint + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GeneratorException("Cannot write " + stored, e);
        }
    }

    /** Removes the record, so that the next build runs even when no input changed. */
    public static void clear(CompileOptions options) {
        try {
            Files.deleteIfExists(fingerprintFile(options.outputDirectory()));
        } catch (IOException e) {
            throw new GeneratorException(
                    "Cannot delete " + fingerprintFile(options.outputDirectory()), e);
        }
    }

    static Path fingerprintFile(Path output) {
        Path absolute = output.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".fingerprint");
    }

    private static void hashTree(MessageDigest digest, Path root) {
        if (!Files.exists(root)) {
            update(digest, "missing", root.toString());
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                update(digest, "file", root.relativize(file).toString().replace('\\', '/'));
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new GeneratorException("Cannot read " + root + " to check whether it changed", e);
        }
    }

    private static Optional<Path> codeLocation(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? Optional.empty() : pathOf(source.getLocation());
    }

    /** The jar or classes folder a resource URL points into, when it is a local file. */
    private static Optional<Path> pathOf(URL url) {
        try {
            String text = url.toString();
            if (text.startsWith("jar:file:")) {
                text = text.substring("jar:".length(), text.indexOf("!/"));
            } else if (text.startsWith("file:") && text.endsWith(TEMPLATE_MARKER)) {
                return Optional.of(Path.of(url.toURI()).getParent());
            }
            return text.startsWith("file:")
                    ? Optional.of(Path.of(new java.net.URI(text)))
                    : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void update(MessageDigest digest, String... parts) {
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
