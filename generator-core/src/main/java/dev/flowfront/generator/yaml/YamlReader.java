package dev.flowfront.generator.yaml;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into a {@link YamlNode} tree with locations, reporting every failure as a
 * located problem instead of throwing.
 *
 * <p>Hostile input is bounded: files over {@link #MAX_FILE_BYTES} are rejected before parsing,
 * nesting is limited to {@link #MAX_NESTING_DEPTH} levels, invalid UTF-8 is reported with its line
 * and column, and aliases ({@code *name}) are rejected, because Kestra's own YAML reader does not
 * expand them and expanding them is how an alias bomb grows. Thread-safe.
 */
public final class YamlReader {

    /** Largest file read, in bytes. App and flow files are a few kilobytes. */
    public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

    /** Deepest nesting of maps and lists accepted. Real apps nest about eight levels. */
    public static final int MAX_NESTING_DEPTH = 64;

    private final YAMLFactory factory;

    public YamlReader() {
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setNestingDepthLimit(MAX_NESTING_DEPTH);
        loaderOptions.setCodePointLimit(MAX_FILE_BYTES);
        loaderOptions.setMaxAliasesForCollections(0);
        loaderOptions.setAllowDuplicateKeys(true);
        this.factory =
                YAMLFactory.builder()
                        .loaderOptions(loaderOptions)
                        .streamReadConstraints(
                                StreamReadConstraints.builder()
                                        .maxNestingDepth(MAX_NESTING_DEPTH)
                                        .maxStringLength(MAX_FILE_BYTES)
                                        .build())
                        .build();
    }

    /**
     * Parses one YAML document.
     *
     * @param file the file name to put in locations
     * @param bytes the file's content, which must be UTF-8
     * @return the root node, or empty when the file could not be read (the problems give the
     *     reason)
     */
    public Optional<YamlNode> read(String file, byte[] bytes, ProblemCollector problems) {
        if (bytes.length > MAX_FILE_BYTES) {
            problems.error(
                    SourceLocation.ofFile(file),
                    "file is "
                            + bytes.length
                            + " bytes, larger than the "
                            + MAX_FILE_BYTES
                            + " bytes a YAML file may have",
                    "Split the file, or move large content such as images to namespace files");
            return Optional.empty();
        }
        Optional<String> text = decodeUtf8(file, bytes, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return parse(file, text.get(), problems);
    }

    /** Parses YAML that is already text. */
    public Optional<YamlNode> parse(String file, String text, ProblemCollector problems) {
        YAMLParser parser = null;
        try {
            parser = factory.createParser(text);
            return parseDocument(file, parser, problems);
        } catch (JacksonException e) {
            Optional<MarkedYAMLException> marked = markedCause(e);
            SourceLocation at;
            String description;
            if (marked.isPresent() && marked.get().getProblemMark() != null) {
                // SnakeYAML's problem mark points at the offending character; Jackson's location
                // is often the start of the enclosing block.
                Mark mark = marked.get().getProblemMark();
                at = new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
                description = marked.get().getProblem().strip();
            } else {
                // Limit violations carry no location of their own, so the parser's position is
                // used.
                JsonLocation where =
                        e.getLocation() != null ? e.getLocation() : currentLocation(parser);
                at = location(file, where);
                description = describe(e);
            }
            problems.error(at, "invalid YAML: " + description, syntaxHint(description));
            return Optional.empty();
        } catch (IOException e) {
            problems.error(SourceLocation.ofFile(file), "cannot read YAML: " + e.getMessage(), "");
            return Optional.empty();
        } finally {
            closeQuietly(parser);
        }
    }

    private Optional<YamlNode> parseDocument(
            String file, YAMLParser parser, ProblemCollector problems) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            problems.error(
                    new SourceLocation(file, 1, 1),
                    "file is empty",
                    "Add the YAML definition, or delete the file");
            return Optional.empty();
        }
        TreeBuilder builder = new TreeBuilder(file, parser, problems);
        YamlNode root = builder.readValue();
        if (builder.failed) {
            return Optional.empty();
        }
        if (parser.nextToken() != null) {
            problems.warning(
                    location(file, parser.currentTokenLocation()),
                    "file holds more than one YAML document; only the first is read",
                    "Put each app or flow in its own file");
        }
        return Optional.of(root);
    }

    private static JsonLocation currentLocation(YAMLParser parser) {
        return parser == null ? null : parser.currentLocation();
    }

    private static void closeQuietly(YAMLParser parser) {
        if (parser == null) {
            return;
        }
        try {
            parser.close();
        } catch (IOException e) {
            // Closing a parser over a String releases no resource that could fail.
        }
    }

    private static Optional<String> decodeUtf8(
            String file, byte[] bytes, ProblemCollector problems) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            // A byte order mark is valid UTF-8 but not YAML content.
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            problems.error(
                    locateFirstInvalidByte(file, bytes),
                    "file is not valid UTF-8",
                    "Save the file as UTF-8");
            return Optional.empty();
        }
    }

    private static SourceLocation locateFirstInvalidByte(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer input = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer output = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(input, output, true);
        int line = 1;
        int column = 1;
        output.flip();
        while (output.hasRemaining()) {
            if (output.get() == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourceLocation(file, line, column);
    }

    private static Optional<MarkedYAMLException> markedCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return Optional.of(marked);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Suggests the fix for the syntax mistakes app authors make most. */
    private static String syntaxHint(String description) {
        if (description.contains("mapping values are not allowed")) {
            return "Quote the value: an unquoted ': ' starts a new key, e.g."
                    + " description: \"My app: it greets\"";
        }
        if (description.contains("(TAB)") || description.contains("\t")) {
            return "Indent with spaces; YAML does not allow tabs";
        }
        if (description.contains("Expected a field name") && description.contains("MappingStart")) {
            return "Quote values that start with '{', such as expressions, e.g."
                    + " content: \"{{ inputs.name }}\"; unquoted, YAML reads them as a map";
        }
        return "Fix the syntax at this position; YAML is indentation-sensitive";
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        // SnakeYAML messages repeat a source excerpt after a newline, and the location already
        // points there.
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        return firstLine.strip();
    }

    static SourceLocation location(String file, JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return SourceLocation.ofFile(file);
        }
        return new SourceLocation(file, location.getLineNr(), Math.max(location.getColumnNr(), 1));
    }

    /** Builds the tree from the parser's token stream, one value at a time. */
    private static final class TreeBuilder {
        private final String file;
        private final YAMLParser parser;
        private final ProblemCollector problems;
        private boolean failed;

        TreeBuilder(String file, YAMLParser parser, ProblemCollector problems) {
            this.file = file;
            this.parser = parser;
            this.problems = problems;
        }

        /** Reads the value at the current token, leaving the parser on its last token. */
        YamlNode readValue() throws IOException {
            SourceLocation at = location(file, parser.currentTokenLocation());
            JsonToken token = parser.currentToken();
            if (parser.isCurrentAlias()) {
                failed = true;
                problems.error(
                        at,
                        "YAML alias '*" + parser.getText() + "' is not supported",
                        "Write the value out in full; Kestra does not expand YAML anchors and"
                                + " aliases");
                return new YamlScalar("", YamlScalar.Kind.NULL, at);
            }
            return switch (token) {
                case START_OBJECT -> readMap(at);
                case START_ARRAY -> readList(at);
                case VALUE_STRING -> new YamlScalar(parser.getText(), YamlScalar.Kind.STRING, at);
                case VALUE_NUMBER_INT ->
                        new YamlScalar(parser.getText(), YamlScalar.Kind.INTEGER, at);
                case VALUE_NUMBER_FLOAT ->
                        new YamlScalar(parser.getText(), YamlScalar.Kind.FLOAT, at);
                case VALUE_TRUE, VALUE_FALSE ->
                        new YamlScalar(parser.getText(), YamlScalar.Kind.BOOLEAN, at);
                case VALUE_NULL -> new YamlScalar("", YamlScalar.Kind.NULL, at);
                default -> {
                    failed = true;
                    problems.error(at, "unexpected YAML token " + token, "");
                    yield new YamlScalar("", YamlScalar.Kind.NULL, at);
                }
            };
        }

        private YamlMap readMap(SourceLocation at) throws IOException {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, SourceLocation> keyLocations = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                SourceLocation keyAt = location(file, parser.currentTokenLocation());
                parser.nextToken();
                YamlNode value = readValue();
                if (entries.containsKey(key)) {
                    problems.error(
                            keyAt,
                            "duplicate key '" + key + "'",
                            "Remove one of the two; the first is at line "
                                    + keyLocations.get(key).line());
                    continue;
                }
                entries.put(key, value);
                keyLocations.put(key, keyAt);
            }
            return new YamlMap(entries, keyLocations, at);
        }

        private YamlList readList(SourceLocation at) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(readValue());
            }
            return new YamlList(items, at);
        }
    }
}
