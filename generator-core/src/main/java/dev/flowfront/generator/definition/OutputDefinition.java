package dev.flowfront.generator.definition;

import dev.flowfront.generator.api.SourceLocation;

/**
 * A flow output, computed when the execution ends.
 *
 * @param id the output id
 * @param type a Kestra input type name such as STRING or FILE
 * @param value a Kestra expression, usually naming a task output
 * @param displayName the label, or null to use the id
 */
public record OutputDefinition(
        String id, String type, String value, String displayName, SourceLocation location) {

    public String label() {
        return displayName != null && !displayName.isBlank() ? displayName : id;
    }
}
