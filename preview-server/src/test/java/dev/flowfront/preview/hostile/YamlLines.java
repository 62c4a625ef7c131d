package dev.flowfront.preview.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a YAML file line by line and remembers which line holds which field, so that a build
 * problem's line can be traced back to the field that caused it.
 */
final class YamlLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, String> fieldByLine = new HashMap<>();
    private int line = 1;

    YamlLines raw(String content) {
        text.append(content).append('\n');
        line++;
        return this;
    }

    /**
     * Writes {@code key: "value"} with the value as a JSON string, which YAML reads unchanged. A
     * null value writes a comment instead, so the lines below keep their numbers.
     */
    YamlLines field(String indent, String key, String field, String value) {
        fieldByLine.put(line, field);
        return raw(
                value == null ? indent + "# " + field + " left out" : indent + key + quote(value));
    }

    static String quote(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the field on the line, else the first field below it (a block's type line). */
    String fieldAt(int problemLine) {
        for (int candidate = problemLine; candidate < line; candidate++) {
            String field = fieldByLine.get(candidate);
            if (field != null) {
                return field;
            }
        }
        return null;
    }

    String text() {
        return text.toString();
    }
}
