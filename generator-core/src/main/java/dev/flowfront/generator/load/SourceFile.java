package dev.flowfront.generator.load;

import dev.flowfront.generator.api.GeneratorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A YAML input file and the path problems show for it.
 *
 * @param path the file
 * @param displayPath relative to the working directory when the file is below it
 */
public record SourceFile(Path path, String displayPath) {

    /**
     * Creates a source file whose display path is relative to the working directory if possible.
     */
    public static SourceFile of(Path path) {
        return of(path, Path.of("").toAbsolutePath());
    }

    private static SourceFile of(Path path, Path workingDirectory) {
        Path absolute = path.toAbsolutePath().normalize();
        String display =
                absolute.startsWith(workingDirectory)
                        ? workingDirectory.relativize(absolute).toString()
                        : absolute.toString();
        return new SourceFile(path, display.replace('\\', '/'));
    }

    /**
     * Lists the {@code .yml} and {@code .yaml} files below the folders, recursively, sorted by path
     * so that builds do not depend on the file system's order.
     *
     * @throws GeneratorException when a folder cannot be listed
     */
    public static List<SourceFile> listYaml(List<Path> folders) {
        List<SourceFile> files = new ArrayList<>();
        Path workingDirectory = Path.of("").toAbsolutePath();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                // The text of each path is computed once per file for sorting, not once per
                // comparison.
                Map<String, Path> byName = new TreeMap<>();
                walk.filter(Files::isRegularFile)
                        .filter(SourceFile::isYaml)
                        .forEach(path -> byName.put(path.toString(), path));
                byName.values().forEach(path -> files.add(of(path, workingDirectory)));
            } catch (IOException e) {
                throw new GeneratorException("Cannot list YAML files in " + folder, e);
            }
        }
        return files;
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    /**
     * Reads the file's bytes.
     *
     * @throws GeneratorException when the file cannot be read
     */
    public byte[] readBytes() {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new GeneratorException("Cannot read " + displayPath, e);
        }
    }
}
