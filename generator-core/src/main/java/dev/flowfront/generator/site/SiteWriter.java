package dev.flowfront.generator.site;

import dev.flowfront.generator.api.GeneratorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks output folders and replaces one with a set of files, through a {@link StagingFolder}, so
 * that readers see either the old site or the new one, never a mix.
 */
public final class SiteWriter {

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
        try (StagingFolder staging = StagingFolder.create(output)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                staging.put(file.getKey(), file.getValue());
            }
            staging.commit();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new GeneratorException(
                    "Cannot write the site to "
                            + output.toAbsolutePath().normalize()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
