package dev.flowfront.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads and writes the JSON files in the results folder, one per benchmark. */
public final class Results {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Results() {}

    /** Writes {@code <folder>/<name>.json}. */
    public static Path write(Path folder, String name, Map<String, Object> result)
            throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".json");
        JSON.writeValue(file.toFile(), result);
        return file;
    }

    /** Reads {@code <folder>/<name>.json}, or returns null when that benchmark did not run. */
    public static JsonNode read(Path folder, String name) throws IOException {
        Path file = folder.resolve(name + ".json");
        return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
