package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.yaml.YamlScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a char offset inside a YAML scalar's value to a line and column in its file, so that an
 * error in an expression points at the expression rather than at the start of the value.
 *
 * <p>The YAML tree keeps only where each scalar starts, not how it was written, so this class
 * rereads the file's lines. It maps offsets exactly for plain and quoted scalars on one line whose
 * value appears verbatim in the line (no escapes), and for literal block scalars ({@code |}) whose
 * lines keep their text. Anything else (folded blocks, escapes, multi-line plain scalars, a file
 * that changed or cannot be read) gets the scalar's start. Not thread-safe.
 */
final class SourceText {

    private final Map<String, Path> filesByDisplayPath;
    private final Map<String, Optional<List<String>>> lines = new HashMap<>();

    SourceText(Map<String, Path> filesByDisplayPath) {
        this.filesByDisplayPath = Map.copyOf(filesByDisplayPath);
    }

    /** Returns the location of the char at {@code offset} in the scalar's value. */
    SourceLocation locate(YamlScalar scalar, int offset) {
        SourceLocation start = scalar.location();
        List<String> fileLines = lines(start.file()).orElse(List.of());
        if (start.line() < 1 || start.line() > fileLines.size() || start.column() < 1) {
            return start;
        }
        String line = fileLines.get(start.line() - 1);
        int column = start.column() - 1;
        if (column >= line.length() || offset < 0 || offset > scalar.text().length()) {
            return start;
        }
        String text = scalar.text();
        char first = line.charAt(column);
        if (first == '|') {
            return locateInLiteralBlock(start, fileLines, text, offset);
        }
        int contentColumn = first == '"' || first == '\'' ? column + 1 : column;
        if (first == '>' || text.indexOf('\n') >= 0 || !line.startsWith(text, contentColumn)) {
            return start;
        }
        return at(start, start.line(), contentColumn + offset);
    }

    private SourceLocation locateInLiteralBlock(
            SourceLocation start, List<String> fileLines, String text, int offset) {
        String header = fileLines.get(start.line() - 1).substring(start.column() - 1);
        if (header.chars().anyMatch(Character::isDigit)) {
            // An explicit indentation indicator such as "|2" changes how lines map.
            return start;
        }
        int lineIndex = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                lineIndex++;
                lineStart = i + 1;
            }
        }
        int lineEnd = text.indexOf('\n', lineStart);
        String textLine = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        int sourceLine = start.line() + 1 + lineIndex;
        if (sourceLine > fileLines.size()) {
            return start;
        }
        int indent = blockIndent(fileLines, start.line());
        if (textLine.isEmpty() || !fileLines.get(sourceLine - 1).startsWith(textLine, indent)) {
            return start;
        }
        return at(start, sourceLine, indent + (offset - lineStart));
    }

    /** Returns the indentation of a block scalar, which is that of its first non-blank line. */
    private static int blockIndent(List<String> fileLines, int headerLine) {
        for (int i = headerLine; i < fileLines.size(); i++) {
            String line = fileLines.get(i);
            if (!line.isBlank()) {
                return line.length() - line.stripLeading().length();
            }
        }
        return 0;
    }

    private static SourceLocation at(SourceLocation start, int line, int zeroBasedColumn) {
        return new SourceLocation(start.file(), line, zeroBasedColumn + 1);
    }

    private Optional<List<String>> lines(String displayPath) {
        return lines.computeIfAbsent(displayPath, this::read);
    }

    private Optional<List<String>> read(String displayPath) {
        Path path = filesByDisplayPath.get(displayPath);
        if (path == null) {
            return Optional.empty();
        }
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            if (content.startsWith("\uFEFF")) {
                content = content.substring(1);
            }
            return Optional.of(List.of(content.split("\r\n|\r|\n", -1)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
