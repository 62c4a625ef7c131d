package dev.flowfront.generator.catalog;

import dev.flowfront.generator.api.GeneratorException;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.load.SourceFile;
import dev.flowfront.generator.site.NamespaceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads an app's {@code thumbnail: nsfiles:///<path>} from the namespace files folder of the app's
 * namespace ({@code <namespaceFilesDirectory>/<namespace>/<path>}).
 *
 * <p>Security: the file must stay inside that folder ({@link NamespaceFiles} decides); one that
 * leaves it is an ERROR at the app's {@code thumbnail} value. The content must match the
 * extension's format by its signature bytes, and SVG files are sanitized. Thread-safe.
 */
public final class ThumbnailResolver {

    /** Largest thumbnail read, in bytes. A catalog tile shows a few hundred pixels. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private final NamespaceFiles namespaceFiles;
    private final SvgSanitizer sanitizer;

    /**
     * @param namespaceFilesDirectory the folder with one subfolder per namespace; null when the
     *     build has none, which makes every thumbnail an error
     */
    public ThumbnailResolver(Path namespaceFilesDirectory, SvgSanitizer sanitizer) {
        this.namespaceFiles = new NamespaceFiles(namespaceFilesDirectory);
        this.sanitizer = sanitizer;
    }

    /**
     * Reads and checks the app's thumbnail.
     *
     * @return the image, or empty when the app has no thumbnail or it is unusable (the reason is
     *     reported as an ERROR)
     * @throws GeneratorException when an existing file cannot be read
     */
    public Optional<ImageFile> resolve(AppDefinition app, ProblemCollector problems) {
        String value = app.thumbnail();
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Check check = new Check(app, value.trim(), problems);
        // NOTE: the path is used as written. Percent-escapes such as %20 are not decoded, so a file
        // name with a space must be written with the space.
        NamespaceFiles.Lookup lookup = namespaceFiles.lookup(app.namespace(), value.trim());
        switch (lookup.status()) {
            case FOUND -> {
                return read(lookup.file(), check);
            }
            case NOT_NAMESPACE_FILE ->
                    check.error(
                            "is not a namespace file URI",
                            "Put the image in the namespace files of "
                                    + app.namespace()
                                    + " and write 'thumbnail: nsfiles:///<path>'");
            case NO_PATH -> check.error("names no file", "Add the file's path after nsfiles:///");
            case NO_FOLDER ->
                    check.error(
                            "cannot be read because the build has no namespace files folder",
                            "Configure the namespace files folder, or remove 'thumbnail'");
            case INVALID_PATH ->
                    check.error(
                            "is not a valid file path",
                            "Use a path such as nsfiles:///images/logo.png");
            case OUTSIDE ->
                    check.error(
                            "points outside the namespace files folder of " + app.namespace(),
                            "Use a path inside "
                                    + display(lookup.namespaceFolder())
                                    + ", without '..' or a symbolic link that leads out of it");
            case MISSING ->
                    check.error(
                            "names " + display(lookup.file()) + ", which does not exist",
                            "Add the file to the namespace files of "
                                    + app.namespace()
                                    + ", or fix the path");
        }
        return Optional.empty();
    }

    /**
     * Returns the file that {@link #resolve} reads for the app's thumbnail, whether it exists or
     * not, or empty when the app has none or its value names no file in the folder.
     */
    public Optional<Path> file(AppDefinition app) {
        String value = app.thumbnail();
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(namespaceFiles.lookup(app.namespace(), value.trim()).file());
    }

    private Optional<ImageFile> read(Path file, Check check) {
        if (!Files.isRegularFile(file)) {
            check.error("names " + display(file) + ", which is not a file", "Name an image file");
            return Optional.empty();
        }
        Optional<ImageType> type = ImageType.fromFileName(file.getFileName().toString());
        if (type.isEmpty()) {
            check.error(
                    "is not an accepted image type",
                    "Use an svg, png, jpg, jpeg, gif or webp image");
            return Optional.empty();
        }
        byte[] content;
        try {
            if (Files.size(file) > MAX_BYTES) {
                check.error(
                        "names " + display(file) + ", which is larger than 5 MiB",
                        "Scale the image down; a tile shows it a few hundred pixels wide");
                return Optional.empty();
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GeneratorException("Cannot read thumbnail " + file, e);
        }
        if (!type.get().matches(content)) {
            check.error(
                    "names "
                            + display(file)
                            + ", whose content is not a "
                            + type.get().displayName()
                            + " image",
                    "Export the image again as "
                            + type.get().displayName()
                            + ", or give the file the extension of its real format");
            return Optional.empty();
        }
        if (type.get() != ImageType.SVG) {
            return Optional.of(new ImageFile(type.get(), content));
        }
        return sanitizer
                .sanitize(
                        content,
                        display(file),
                        "thumbnail of app '" + check.app.id() + "'",
                        check.problems)
                .map(clean -> new ImageFile(ImageType.SVG, clean));
    }

    private static String display(Path file) {
        return SourceFile.of(file).displayPath();
    }

    /** Reports problems of one app's thumbnail at its {@code thumbnail} value. */
    private record Check(AppDefinition app, String value, ProblemCollector problems) {

        void error(String defect, String hint) {
            SourceLocation location = app.source().valueLocation("thumbnail");
            problems.error(
                    location,
                    "thumbnail '" + value + "' " + defect + " (app '" + app.id() + "')",
                    hint);
        }
    }
}
