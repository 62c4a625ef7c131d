package dev.flowfront.benchmarks.synthetic;

import java.util.List;

/**
 * One flow input of a synthetic project.
 *
 * @param id the input id, unique within its flow
 * @param type the Kestra input type, such as {@code SELECT}
 * @param displayName the label the form shows
 * @param description a one-sentence description
 * @param required whether Kestra requires a value
 * @param defaultValue the YAML text of {@code defaults}, or null when there is none
 * @param properties type-specific YAML lines ({@code key: value}), already quoted
 * @param dependsOn the id of the SELECT input this one depends on, or null
 * @param dependsOnValue the value of that SELECT that shows this input
 */
public record SyntheticInput(
        String id,
        String type,
        String displayName,
        String description,
        boolean required,
        String defaultValue,
        List<String> properties,
        String dependsOn,
        String dependsOnValue) {

    /** Whether Kestra can start an execution without a value from the user. */
    boolean optional() {
        return !required || defaultValue != null;
    }

    void writeTo(YamlText yaml, int indent) {
        yaml.line(indent, "- id: " + id);
        yaml.plain(indent + 2, "type", type);
        yaml.quoted(indent + 2, "displayName", displayName);
        yaml.quoted(indent + 2, "description", description);
        if (!required) {
            yaml.plain(indent + 2, "required", false);
        }
        if (defaultValue != null) {
            yaml.plain(indent + 2, "defaults", defaultValue);
        }
        for (String property : properties) {
            yaml.line(indent + 2, property);
        }
        if (dependsOn != null) {
            yaml.line(indent + 2, "dependsOn:");
            yaml.line(indent + 4, "inputs:");
            yaml.line(indent + 6, "- " + dependsOn);
            yaml.quoted(
                    indent + 4,
                    "condition",
                    "{{ inputs." + dependsOn + " == '" + dependsOnValue + "' }}");
        }
    }
}
