package dev.flowfront.generator.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Resolves {@code nsfiles:///<path>} URIs against a folder with one subfolder per namespace, the
 * way Kestra resolves them against the namespace files of the app's namespace.
 */
public final class NamespaceFiles {

    /** The URI scheme prefix of namespace files. */
    public static final String SCHEME = "nsfiles://";

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
     * @param lookups receives each file a URI names, before the checks of {@link #resolve}
     */
    public NamespaceFiles(Path root, Consumer<Path> lookups) {
        this.root = root;
        this.lookups = lookups;
    }

    public static boolean isNamespaceFile(String uri) {
        return uri != null && uri.startsWith(SCHEME);
    }

    /**
     * Returns the file a URI names, or empty when no folder is configured, the path leaves the
     * namespace's folder (also through a symbolic link), or the file does not exist.
     */
    public Optional<Path> resolve(String namespace, String uri) {
        if (root == null || !isNamespaceFile(uri)) {
            return Optional.empty();
        }
        String relative = uri.substring(SCHEME.length()).replaceFirst("^/+", "");
        Path namespaceFolder = root.resolve(namespace).normalize();
        Path file = namespaceFolder.resolve(relative).normalize();
        lookups.accept(file);
        if (relative.isEmpty() || !file.startsWith(namespaceFolder) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return staysInside(file, namespaceFolder) ? Optional.of(file) : Optional.empty();
    }

    /** Whether the file is inside the folder once symbolic links are followed. */
    private static boolean staysInside(Path file, Path folder) {
        try {
            return file.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the file a URI names, or empty when {@link #resolve} finds none. */
    public Optional<byte[]> read(String namespace, String uri) throws IOException {
        Optional<Path> file = resolve(namespace, uri);
        return file.isPresent() ? Optional.of(Files.readAllBytes(file.get())) : Optional.empty();
    }

    /** Describes where a URI is looked up, for messages. */
    public String describe(String namespace, String uri) {
        if (root == null) {
            return "no namespace-files folder is configured";
        }
        return "looked for "
                + root.resolve(namespace)
                        .resolve(uri.substring(SCHEME.length()).replaceFirst("^/+", ""));
    }
}
