package dev.flowfront.generator.api;

import java.util.Objects;

/**
 * A position in an input file: 1-based line and column, as editors and compilers show them.
 *
 * @param file the path as the user should see it, usually relative to the working directory
 * @param line 1-based line, or 0 when only the file is known
 * @param column 1-based column, or 0 when only the file or line is known
 */
public record SourceLocation(String file, int line, int column)
        implements Comparable<SourceLocation> {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** Creates a location that names only a file, for problems about the file as a whole. */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public int compareTo(SourceLocation other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    /** Formats the location as {@code file:line:column}, leaving out unknown parts. */
    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
