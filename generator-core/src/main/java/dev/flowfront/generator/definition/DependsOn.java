package dev.flowfront.generator.definition;

import dev.flowfront.generator.api.SourceLocation;
import java.util.List;

/**
 * An input's {@code dependsOn}: the input is shown only when every listed input has a value and the
 * condition, if any, renders to {@code true}.
 *
 * @param inputs ids of the inputs this one depends on
 * @param condition a Kestra expression, or null
 * @param location where {@code dependsOn} is
 * @param conditionLocation where the condition is, or the {@code dependsOn} location
 */
public record DependsOn(
        List<String> inputs,
        String condition,
        SourceLocation location,
        SourceLocation conditionLocation) {

    public DependsOn {
        inputs = List.copyOf(inputs);
    }
}
