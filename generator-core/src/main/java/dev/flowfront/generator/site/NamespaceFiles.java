package dev.flowfront.generator.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Resolves {@code nsfiles:///<path>} URIs against a folder with one subfolder per namespace, the
 * way Kestra resolves them against the namespace files of the app's namespace.
 *
 * <p>Security: a file must stay inside its namespace's folder. A path that leaves it by {@code ..},
 * by starting with one more slash, or through a symbolic link (real paths are compared) is {@link
 * Status#OUTSIDE}, and so is a file whose real path cannot be read, so that a build never publishes
 * files from elsewhere on the build machine. Image blocks and catalog thumbnails both look files up
 * here.
 */
public final class NamespaceFiles {

    /** The URI prefix of a namespace file: scheme, empty authority and the path's slash. */
    public static final String PREFIX = "nsfiles:///";

    private final Path root;
    private final Consumer<Path> lookups;

    /**
     * @param root the folder with one subfolder per namespace; null when none was configured
     */
    public NamespaceFiles(Path root) {
        this(root, file -> {});
    }

    /**
     * Creates a resolver that reports every file it looks up, found or not, before reading it, so
     * that a build can tell later whether a page's namespace files changed.
     *
     * @param lookups receives each file a URI names, before the checks of {@link #lookup}
     */
    public NamespaceFiles(Path root, Consumer<Path> lookups) {
        this.root = root;
        this.lookups = lookups;
    }

    public static boolean isNamespaceFile(String uri) {
        return uri != null && uri.startsWith(PREFIX);
    }

    /** The outcome of a lookup: found, or the reason it was not. */
    public enum Status {
        FOUND,
        /** The build has no namespace files folder. */
        NO_FOLDER,
        /** The value is not an {@code nsfiles:///} URI. */
        NOT_NAMESPACE_FILE,
        /** Nothing follows {@code nsfiles:///}. */
        NO_PATH,
        /** The path cannot be a file name on this system. */
        INVALID_PATH,
        OUTSIDE,
        MISSING
    }

    /**
     * The outcome of a lookup.
     *
     * @param file the file the URI names; null unless the status is FOUND, OUTSIDE or MISSING
     * @param namespaceFolder the namespace's folder; null when no folder is configured
     */
    public record Lookup(Status status, Path file, Path namespaceFolder) {

        /** Returns the file when the URI names one that exists inside the namespace's folder. */
        public Optional<Path> found() {
            return status == Status.FOUND ? Optional.of(file) : Optional.empty();
        }
    }

    /**
     * Looks a URI up in the namespace's folder. A FOUND file exists but may be a folder; callers
     * check the kind of file they need.
     */
    public Lookup lookup(String namespace, String uri) {
        if (!isNamespaceFile(uri)) {
            return new Lookup(Status.NOT_NAMESPACE_FILE, null, null);
        }
        String relative = uri.substring(PREFIX.length());
        if (relative.isEmpty()) {
            return new Lookup(Status.NO_PATH, null, null);
        }
        if (root == null) {
            return new Lookup(Status.NO_FOLDER, null, null);
        }
        Path namespaceFolder = root.resolve(namespace).toAbsolutePath().normalize();
        Path file;
        try {
            file = namespaceFolder.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            return new Lookup(Status.INVALID_PATH, null, namespaceFolder);
        }
        lookups.accept(file);
        if (relative.startsWith("/") || !file.startsWith(namespaceFolder)) {
            return new Lookup(Status.OUTSIDE, file, namespaceFolder);
        }
        if (!Files.exists(file)) {
            return new Lookup(Status.MISSING, file, namespaceFolder);
        }
        Status status = staysInside(file, namespaceFolder) ? Status.FOUND : Status.OUTSIDE;
        return new Lookup(status, file, namespaceFolder);
    }

    /** Whether the file is inside the folder once symbolic links are followed. */
    private static boolean staysInside(Path file, Path folder) {
        try {
            return file.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
