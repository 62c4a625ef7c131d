package dev.flowfront.generator.site;

import dev.flowfront.generator.api.GeneratorException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces an output folder with the files of a build, so that readers see either the old site or
 * the new one, never a mix.
 *
 * <p>The files go to a temporary folder next to the output (same file system, so the final step is
 * a rename). The old output is renamed aside, the new folder renamed into place, and only then is
 * the old one deleted. When any step fails, the old output is put back and the temporary folder is
 * removed. Two renames are not one atomic step: a reader that looks in between sees no folder.
 */
public final class SiteWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SiteWriter.class);

    /** A file every site has; a non-empty folder without it is not a site this class wrote. */
    private static final String SITE_MARKER = "apps.json";

    /**
     * Checks that replacing {@code output} cannot destroy anything but an earlier site: it must not
     * be a file system root, must not overlap an input, and must be missing, empty or an earlier
     * site.
     *
     * @param inputs the folders and files the build reads
     * @throws GeneratorException naming the folder and the fix when the output is unsafe
     */
    public static void checkOutput(Path output, List<Path> inputs) {
        Path target = output.toAbsolutePath().normalize();
        if (target.getFileName() == null) {
            throw new GeneratorException(
                    "The output folder "
                            + target
                            + " is a file system root. Choose a folder of its own for the site,"
                            + " e.g. target/flowfront/site");
        }
        for (Path input : inputs) {
            Path source = input.toAbsolutePath().normalize();
            if (source.startsWith(target) || target.startsWith(source)) {
                throw new GeneratorException(
                        "The output folder "
                                + target
                                + " overlaps the input "
                                + source
                                + ", and a build replaces the output folder as a whole. Choose an"
                                + " output folder outside the inputs, e.g. target/flowfront/site");
            }
        }
        if (Files.isDirectory(target)
                && !isEmpty(target)
                && !Files.isRegularFile(target.resolve(SITE_MARKER))) {
            throw new GeneratorException(
                    "The output folder "
                            + target
                            + " is not empty and holds no Flowfront site (no "
                            + SITE_MARKER
                            + "), and a build replaces it as a whole. Empty it or choose another"
                            + " folder");
        }
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new GeneratorException("Cannot list the output folder " + folder, e);
        }
    }

    /**
     * Writes the files into {@code output}, replacing what it held.
     *
     * @throws GeneratorException when a file cannot be written or a folder cannot be moved; the
     *     previous output is then left as it was
     */
    public void write(Path output, Map<String, byte[]> files) {
        Path target = output.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + name + "-new-");
        } catch (IOException e) {
            throw new GeneratorException("Cannot create a temporary folder next to " + target, e);
        }
        try {
            writeFiles(staging, files);
            swap(staging, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staging);
            if (e instanceof GeneratorException generatorException) {
                throw generatorException;
            }
            throw new GeneratorException(
                    "Cannot write the site to " + target + ": " + e.getMessage(), e);
        }
        LOG.debug("Wrote {} files to {}", files.size(), target);
    }

    private static void writeFiles(Path root, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = root.resolve(file.getKey()).normalize();
            if (!path.startsWith(root)) {
                throw new GeneratorException(
                        "site path escapes the output folder: " + file.getKey());
            }
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
    }

    private static void swap(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            move(staging, target);
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new GeneratorException("Output " + target + " exists and is not a folder");
        }
        Path old =
                Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-old-");
        Files.delete(old);
        move(target, old);
        try {
            move(staging, target);
        } catch (IOException e) {
            move(old, target);
            throw e;
        }
        deleteQuietly(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(
                    folder,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                                throws IOException {
                            Files.delete(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e)
                                throws IOException {
                            Files.delete(dir);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            LOG.warn("Cannot delete the leftover folder {}: {}", folder, e.getMessage());
        }
    }
}
