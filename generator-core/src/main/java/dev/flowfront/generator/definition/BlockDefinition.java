package dev.flowfront.generator.definition;

import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.util.Optional;

/**
 * One block of a stage.
 *
 * @param type the block type, or null when the YAML names an unknown type (already reported)
 * @param typeName the {@code type} as written
 * @param index 1-based position in its stage, for messages
 * @param properties the block's YAML map, including {@code type}
 */
public record BlockDefinition(BlockType type, String typeName, int index, YamlMap properties) {

    public SourceLocation location() {
        return properties.location();
    }

    /** Returns a scalar property's text, or empty when absent or null. */
    public Optional<String> string(String key) {
        return properties
                .get(key)
                .filter(YamlScalar.class::isInstance)
                .map(YamlScalar.class::cast)
                .filter(scalar -> !scalar.isNull())
                .map(YamlScalar::text);
    }

    public Optional<YamlNode> node(String key) {
        return properties.get(key);
    }

    /** Returns a boolean property, reading {@code true}/{@code false} in any case. */
    public boolean flag(String key, boolean defaultValue) {
        return properties
                .get(key)
                .filter(YamlScalar.class::isInstance)
                .map(node -> ((YamlScalar) node).asBoolean())
                .orElse(defaultValue);
    }
}
