package dev.flowfront.generator.definition;

import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import java.util.List;
import java.util.Optional;

/**
 * A flow input or a Pause task's {@code onResume} input.
 *
 * @param id the input id; dots create nested values in the execution's inputs
 * @param type the type, or null when the YAML names an unknown type (already reported)
 * @param typeName the type as written
 * @param displayName the label, or null to use the id
 * @param description Markdown, or null
 * @param required Kestra's default is true
 * @param defaults the default as written: a scalar, a list or a map; null when absent
 * @param prefill a suggested value that is sent only if the user keeps it; null when absent
 * @param values allowed values of SELECT, ENUM and MULTISELECT (MULTISELECT's {@code options} too)
 * @param itemType the element type of ARRAY and MULTISELECT, or null
 * @param dependsOn null when the input is always shown
 * @param source the input's YAML map, for locations and type-specific properties
 */
public record InputDefinition(
        String id,
        InputType type,
        String typeName,
        String displayName,
        String description,
        boolean required,
        YamlNode defaults,
        YamlNode prefill,
        String validator,
        String min,
        String max,
        String after,
        String before,
        List<String> values,
        String expression,
        boolean allowCustomValue,
        boolean isRadio,
        boolean autoSelectFirst,
        InputType itemType,
        List<String> allowedFileExtensions,
        DependsOn dependsOn,
        YamlMap source) {

    public InputDefinition {
        values = values == null ? List.of() : List.copyOf(values);
        allowedFileExtensions =
                allowedFileExtensions == null ? List.of() : List.copyOf(allowedFileExtensions);
    }

    /** The label a form shows: the display name, else the id. */
    public String label() {
        return displayName != null && !displayName.isBlank() ? displayName : id;
    }

    public SourceLocation location() {
        return source.location();
    }

    public Optional<DependsOn> dependsOnOptional() {
        return Optional.ofNullable(dependsOn);
    }
}
