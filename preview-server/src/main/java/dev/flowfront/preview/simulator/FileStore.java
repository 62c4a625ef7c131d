package dev.flowfront.preview.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The simulator's internal storage: file contents by {@code kestra:///} URI, kept in memory. */
final class FileStore {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    void put(String uri, byte[] content) {
        files.put(uri, content.clone());
    }

    Optional<byte[]> get(String uri) {
        return Optional.ofNullable(files.get(uri)).map(byte[]::clone);
    }

    /** Replaces characters Kestra's UI would replace, so the name is a safe URI segment. */
    static String safeFileName(String name) {
        String base = name == null || name.isBlank() ? "upload.upl" : name;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        return base.replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
