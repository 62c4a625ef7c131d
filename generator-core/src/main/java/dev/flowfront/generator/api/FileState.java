package dev.flowfront.generator.api;

import dev.flowfront.generator.site.StagingFolder;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The state of an input file as a build read it: its metadata as the file system reported it before
 * the build read the file, and the digest of the content it read.
 *
 * <p>A later build trusts unchanged metadata and skips reading the file. The metadata includes the
 * inode change time where the file system reports it (the {@code unix} attribute view of Linux and
 * macOS), which every write and every change of the modification time updates, so a write that
 * keeps the size and restores the modification time is still seen. A file modified shortly before
 * the build looked at it is read again next time and its digest compared, because a second write in
 * the same tick of the file system's clock would leave the metadata as it was.
 *
 * @param digest SHA-256 of the content in hex; null for a file that does not exist
 * @param trusted whether the metadata was taken long enough after the last change
 */
record FileState(Metadata metadata, String digest, boolean trusted) {

    /**
     * Time after a change during which metadata is not trusted. File systems keep times in ticks
     * from a nanosecond to two seconds (FAT). A network file system's clock may also differ from
     * this machine's. This margin is an estimate that covers both.
     */
    static final Duration RACY_MARGIN = Duration.ofSeconds(3);

    /** The state of a file that does not exist. */
    static final FileState ABSENT = new FileState(null, null, true);

    /** The state of a path that exists but is not a regular file, such as a folder. */
    static final FileState NOT_A_FILE = new FileState(null, "not a file", true);

    private static final boolean UNIX_VIEW =
            FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    private static final String UNIX_ATTRIBUTES =
            "unix:size,lastModifiedTime,ctime,fileKey,isRegularFile,isDirectory";

    /**
     * A file's size, times in nanoseconds and key, following symbolic links.
     *
     * @param changedNanos the inode change time, or the modification time where it is unknown
     */
    record Metadata(
            long size,
            long modifiedNanos,
            long changedNanos,
            Object fileKey,
            boolean regularFile,
            boolean directory) {}

    /** Reads the metadata of a file; null when it does not exist. */
    static Metadata metadata(Path file) {
        try {
            if (UNIX_VIEW) {
                Map<String, Object> attributes = Files.readAttributes(file, UNIX_ATTRIBUTES);
                return new Metadata(
                        (Long) attributes.get("size"),
                        nanos(attributes.get("lastModifiedTime")),
                        nanos(attributes.get("ctime")),
                        attributes.get("fileKey"),
                        (Boolean) attributes.get("isRegularFile"),
                        (Boolean) attributes.get("isDirectory"));
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = nanos(attributes.lastModifiedTime());
            return new Metadata(
                    attributes.size(),
                    modified,
                    modified,
                    attributes.fileKey(),
                    attributes.isRegularFile(),
                    attributes.isDirectory());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new GeneratorException("Cannot read the attributes of " + file, e);
        }
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    /**
     * Returns the state of a file whose content was read after its metadata.
     *
     * @param metadata what {@link #metadata} returned before the content was read
     */
    static FileState of(Metadata metadata, byte[] content) {
        long latest = Math.max(metadata.modifiedNanos(), metadata.changedNanos());
        long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        boolean trusted = now - latest > RACY_MARGIN.toNanos();
        return new FileState(metadata, StagingFolder.digest(content), trusted);
    }

    /** Reads the file's metadata and content now. */
    static FileState read(Path file) {
        Metadata metadata = metadata(file);
        if (metadata == null) {
            return ABSENT;
        }
        if (!metadata.regularFile()) {
            return NOT_A_FILE;
        }
        try {
            return of(metadata, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (IOException e) {
            throw new GeneratorException("Cannot read " + file, e);
        }
    }

    /**
     * Returns whether the file is known unchanged from its metadata alone: the same metadata, taken
     * long enough after the last change.
     *
     * @param current the current metadata, or null when the file does not exist
     */
    boolean unchangedBy(Metadata current) {
        if (current == null) {
            return equals(ABSENT);
        }
        if (!current.regularFile()) {
            return equals(NOT_A_FILE);
        }
        return trusted && digest != null && Objects.equals(metadata, current);
    }

    /**
     * Returns whether another state has the same content, or is absent or no file like this one.
     */
    boolean sameContent(FileState other) {
        return Objects.equals(digest, other.digest);
    }
}
