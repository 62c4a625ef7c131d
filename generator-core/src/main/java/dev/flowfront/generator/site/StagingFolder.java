package dev.flowfront.generator.site;

import dev.flowfront.generator.api.GeneratorException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder a build writes its site into, next to the output folder, and then swaps into place, so
 * that readers see either the old site or the new one, never a mix. Each file is written as soon as
 * the build produces it, so a build keeps no more than one page per thread in memory.
 *
 * <p>The folder is on the output's file system, so the swap is made of renames: the old output is
 * renamed aside, this folder renamed into place, and only then is the old output deleted. When any
 * step fails, the old output is put back. Two renames are not one atomic step, so a reader that
 * looks in between finds no folder. {@link #close()} without {@link #commit()} deletes this folder
 * and leaves the output untouched.
 *
 * <p>A build that tracks what the previous builds wrote can also start from the folder of the build
 * before the last one, which the swap then keeps as a spare instead of deleting it, and change only
 * the files that differ: see {@link #recycle}. Files are never changed in place, because a file may
 * be a hard link to a file of the live output. Thread-safe.
 */
public final class StagingFolder implements SiteOutput, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StagingFolder.class);

    private final Path target;
    private final Path root;
    private final Path spare;

    /** Digests of the files this folder contains, by path, kept only when {@code tracking}. */
    private final Map<String, String> contents;

    /**
     * Digests of the files the live output contains, by path, which can be hard-linked; null when
     * unknown.
     */
    private final Map<String, String> outputContents;

    private final boolean tracking;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private boolean committed;
    private boolean closed;

    /** Digests of the spare folder's files once this build ended; null when unknown or gone. */
    private Map<String, String> spareContents;

    private StagingFolder(
            Path target,
            Path root,
            Path spare,
            Map<String, String> contents,
            Map<String, String> outputContents,
            boolean tracking) {
        this.target = target;
        this.root = root;
        this.spare = spare;
        this.contents = new ConcurrentHashMap<>(contents);
        this.outputContents = outputContents == null ? null : Map.copyOf(outputContents);
        this.tracking = tracking;
    }

    /**
     * Creates an empty staging folder next to {@code output}. The swap deletes the old output.
     *
     * @throws GeneratorException when the folder cannot be created
     */
    public static StagingFolder create(Path output) {
        Path target = output.toAbsolutePath().normalize();
        return new StagingFolder(target, newFolder(target), null, Map.of(), null, false);
    }

    /**
     * Starts from the spare folder that an earlier {@link #commit()} of a recycling build kept, and
     * keeps the replaced output as the next spare. The caller states what the spare and the live
     * output contain, as {@link #contents()} and {@link #spareContents()} reported them; files the
     * new site lacks are deleted at {@link #commit()}. When there is no spare, or its contents are
     * unknown ({@code spareContents} is null), the build starts from an empty folder and an
     * existing spare is deleted.
     *
     * @param outputContents digests by path of the files in the live output, which unchanged files
     *     are hard-linked from. Null when unknown: the replaced output is then deleted, not kept.
     * @throws GeneratorException when a folder cannot be created or renamed
     */
    public static StagingFolder recycle(
            Path output, Map<String, String> spareContents, Map<String, String> outputContents) {
        Path target = output.toAbsolutePath().normalize();
        Path spare = spareOf(target);
        if (spareContents != null && Files.isDirectory(spare)) {
            Path root = reserveName(target);
            try {
                move(spare, root);
                return new StagingFolder(target, root, spare, spareContents, outputContents, true);
            } catch (IOException e) {
                LOG.debug("Cannot reuse the spare folder {}: {}", spare, e.getMessage());
            }
        }
        deleteQuietly(spare);
        return new StagingFolder(target, newFolder(target), spare, Map.of(), outputContents, true);
    }

    /** Returns the folder a recycling build keeps next to {@code output} for the next build. */
    public static Path spareOf(Path output) {
        Path target = output.toAbsolutePath().normalize();
        return target.resolveSibling("." + target.getFileName() + "-spare");
    }

    @Override
    public void put(String path, byte[] content) {
        Path file = resolve(path);
        if (!written.add(path)) {
            throw new IllegalStateException("two files of the site have the path " + path);
        }
        store(path, file, content);
    }

    @Override
    public String put(String folder, String extension, byte[] content) {
        String path = SiteContent.assetPath(folder, extension, content);
        if (written.add(path)) {
            store(path, resolve(path), content);
        }
        return path;
    }

    /**
     * Adds a file of an earlier build without its bytes: keeps it when this folder already contains
     * it, or hard-links it from the live output when that contains it. Assets, whose names are
     * hashes, may be reused more than once.
     *
     * @param digest the file's digest, as {@link #contents()} reported it
     * @return false when neither folder contains that content, so the caller must produce it
     */
    public boolean reuse(String path, String digest) {
        Path file = resolve(path);
        if (digest.equals(contents.get(path))) {
            written.add(path);
            return true;
        }
        if (outputContents == null || !digest.equals(outputContents.get(path))) {
            return false;
        }
        try {
            replace(file, path, temporary -> linkOrCopy(target.resolve(path), temporary));
        } catch (IOException e) {
            throw failure("Cannot reuse " + path, e);
        }
        contents.put(path, digest);
        written.add(path);
        return true;
    }

    /**
     * Returns the digest of each file added to the site so far, by path, when this folder tracks
     * them (a recycling build), else an empty map. After {@link #commit()} it describes the output.
     */
    public Map<String, String> contents() {
        Map<String, String> current = new HashMap<>();
        contents.forEach(
                (path, digest) -> {
                    if (written.contains(path)) {
                        current.put(path, digest);
                    }
                });
        return current;
    }

    /**
     * Deletes the files no {@code put} or {@code reuse} added, then swaps this folder into place.
     *
     * @throws GeneratorException when a file cannot be deleted or a folder cannot be moved; the
     *     previous output is then left as it was
     */
    public synchronized void commit() {
        try {
            deleteStaleFiles();
            swap();
        } catch (IOException e) {
            throw failure("Cannot replace the output folder", e);
        }
        committed = true;
        LOG.debug("Wrote {} files to {}", written.size(), target);
    }

    /**
     * Deletes this folder unless it was committed. A recycling build keeps it as the spare instead,
     * since {@link #contents()} still describes it.
     */
    @Override
    public synchronized void close() {
        if (committed || closed) {
            return;
        }
        closed = true;
        if (tracking && spare != null && !Files.exists(spare)) {
            try {
                move(root, spare);
                spareContents = new HashMap<>(contents);
                return;
            } catch (IOException e) {
                LOG.debug("Cannot keep {} as the spare folder: {}", root, e.getMessage());
            }
        }
        deleteQuietly(root);
    }

    /**
     * Returns the digest of each file the spare folder contains, by path, once the build was
     * committed (the replaced output) or closed without a commit (this folder, with what the build
     * wrote). Returns null when no spare was kept or its contents are unknown.
     */
    public synchronized Map<String, String> spareContents() {
        return spareContents;
    }

    private Path resolve(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new GeneratorException("site path escapes the output folder: " + path);
        }
        SiteContent.checkPath(path);
        return file;
    }

    private void store(String path, Path file, byte[] content) {
        String digest = tracking ? digest(content) : null;
        try {
            if (!tracking) {
                Files.createDirectories(file.getParent());
                Files.write(file, content, StandardOpenOption.CREATE_NEW);
                return;
            }
            if (digest.equals(contents.get(path))) {
                return;
            }
            replace(file, path, temporary -> Files.write(temporary, content));
        } catch (IOException e) {
            throw failure("Cannot write " + path, e);
        }
        contents.put(path, digest);
    }

    /** Creates the file under a temporary name, then renames it over any file at its path. */
    private void replace(Path file, String path, FileCreator creator) throws IOException {
        Files.createDirectories(file.getParent());
        if (!contents.containsKey(path) && !Files.exists(file)) {
            creator.create(file);
            return;
        }
        Path temporary = file.resolveSibling("." + file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        creator.create(temporary);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void linkOrCopy(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(existing, link);
        }
    }

    private void deleteStaleFiles() throws IOException {
        for (String path : Set.copyOf(contents.keySet())) {
            if (written.contains(path)) {
                continue;
            }
            Path file = root.resolve(path);
            Files.deleteIfExists(file);
            contents.remove(path);
            deleteEmptyFolders(file.getParent());
        }
    }

    private void deleteEmptyFolders(Path folder) throws IOException {
        for (Path current = folder; !current.equals(root); current = current.getParent()) {
            try {
                Files.delete(current);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
        }
    }

    private void swap() throws IOException {
        if (!Files.exists(target)) {
            move(root, target);
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new GeneratorException("Output " + target + " exists and is not a folder");
        }
        Path old = reserveName(target, "-old-");
        move(target, old);
        try {
            move(root, target);
        } catch (IOException e) {
            move(old, target);
            throw e;
        }
        if (spare != null && outputContents != null && !Files.exists(spare)) {
            try {
                move(old, spare);
                spareContents = new HashMap<>(outputContents);
                return;
            } catch (IOException e) {
                LOG.debug("Cannot keep {} as the spare folder: {}", old, e.getMessage());
            }
        }
        deleteQuietly(old);
    }

    private GeneratorException failure(String action, Exception cause) {
        return new GeneratorException(
                action + " while writing the site to " + target + ": " + cause.getMessage(), cause);
    }

    private static Path newFolder(Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.createTempDirectory(
                    target.getParent(), "." + target.getFileName() + "-new-");
        } catch (IOException e) {
            throw new GeneratorException("Cannot create a temporary folder next to " + target, e);
        }
    }

    private static Path reserveName(Path target) {
        return reserveName(target, "-new-");
    }

    /** Returns an unused name next to the target, for a folder that a rename will create. */
    private static Path reserveName(Path target, String infix) {
        try {
            Path reserved =
                    Files.createTempDirectory(
                            target.getParent(), "." + target.getFileName() + infix);
            Files.delete(reserved);
            return reserved;
        } catch (IOException e) {
            throw new GeneratorException("Cannot create a temporary folder next to " + target, e);
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteQuietly(Path folder) {
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

    /** Returns the SHA-256 of the content in hex, the digest {@link #contents()} reports. */
    public static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Creates a file at the given path. */
    @FunctionalInterface
    private interface FileCreator {
        void create(Path path) throws IOException;
    }
}
