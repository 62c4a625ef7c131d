package dev.flowfront.generator.api;

import dev.flowfront.generator.site.StaticAssets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Helpers shared by compiler tests: a compiler on the fixture runtime, and folder snapshots. */
public final class TestSites {

    private TestSites() {}

    /** A compiler whose runtime is the small fixture in test resources. */
    public static AppCompiler compiler() {
        return new AppCompiler(
                new StaticAssets(TestSites.class.getClassLoader(), "fixture-runtime/"));
    }

    /** Reads every file below a folder, keyed by relative path; empty when the folder is absent. */
    public static Map<String, String> snapshot(Path folder) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(
                        folder.relativize(file).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The corpus folder given with -Dflowfront.corpus, or null when the tests should skip. */
    public static Path corpus() {
        String value = System.getProperty("flowfront.corpus", "");
        return value.isBlank() ? null : Path.of(value);
    }
}
