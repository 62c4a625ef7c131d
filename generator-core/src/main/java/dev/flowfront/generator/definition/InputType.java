package dev.flowfront.generator.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Kestra flow input types, with the type-specific properties each accepts. Every type also accepts
 * {@link #COMMON_PROPERTIES}.
 */
public enum InputType {
    STRING(List.of("validator")),
    INT(List.of("min", "max")),
    FLOAT(List.of("min", "max")),
    BOOL(List.of()),
    /** Deprecated since Kestra 0.23 in favour of BOOL; a tri-state in forms. */
    BOOLEAN(List.of()),
    SELECT(List.of("values", "expression", "allowCustomValue", "isRadio", "autoSelectFirst")),
    /** Deprecated alias of SELECT without its extra features. */
    ENUM(List.of("values")),
    MULTISELECT(
            List.of(
                    "values",
                    "options",
                    "expression",
                    "allowCustomValue",
                    "autoSelectFirst",
                    "itemType")),
    DATE(List.of("after", "before")),
    DATETIME(List.of("after", "before")),
    TIME(List.of("after", "before")),
    DURATION(List.of("min", "max")),
    FILE(List.of("allowedFileExtensions", "extension")),
    JSON(List.of()),
    YAML(List.of()),
    URI(List.of()),
    EMAIL(List.of()),
    ARRAY(List.of("itemType")),
    SECRET(List.of("validator"));

    /** Properties every input type accepts. {@code name} is Kestra's deprecated alias of id. */
    public static final List<String> COMMON_PROPERTIES =
            List.of(
                    "id",
                    "name",
                    "type",
                    "displayName",
                    "description",
                    "required",
                    "defaults",
                    "prefill",
                    "dependsOn");

    /** Types an ARRAY or MULTISELECT {@code itemType} may not be. */
    public static final List<InputType> FORBIDDEN_ITEM_TYPES =
            List.of(ARRAY, SECRET, MULTISELECT, ENUM, SELECT);

    private final List<String> properties;

    InputType(List<String> properties) {
        this.properties = properties;
    }

    /** The properties specific to this type. */
    public List<String> properties() {
        return properties;
    }

    public boolean accepts(String property) {
        return COMMON_PROPERTIES.contains(property) || properties.contains(property);
    }

    public static Optional<InputType> parse(String text) {
        return Arrays.stream(values()).filter(type -> type.name().equals(text)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
