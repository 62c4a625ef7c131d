package dev.flowfront.generator.yaml;

import dev.flowfront.generator.api.SourceLocation;
import java.util.Locale;

/**
 * A scalar value. The text is kept exactly as written (an unquoted {@code 2024-12-03} stays that
 * text) and {@link Kind} says how YAML 1.2's core schema reads it.
 *
 * @param text the scalar's text; empty for null
 * @param kind how the scalar was resolved
 */
public record YamlScalar(String text, Kind kind, SourceLocation location) implements YamlNode {

    /** How a scalar resolves. Quoted scalars are always STRING. */
    public enum Kind {
        STRING,
        INTEGER,
        FLOAT,
        BOOLEAN,
        NULL
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /**
     * Reads the scalar as a boolean the way Kestra does for a string property: {@code true} in any
     * case is true. Returns null for other text so callers can report it.
     */
    public Boolean asBoolean() {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
            return Boolean.TRUE;
        }
        if (lower.equals("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    @Override
    public String kindName() {
        return switch (kind) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case FLOAT -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
        };
    }
}
