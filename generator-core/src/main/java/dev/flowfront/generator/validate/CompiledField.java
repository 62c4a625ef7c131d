package dev.flowfront.generator.validate;

import dev.flowfront.generator.expression.CompiledText;
import dev.flowfront.generator.yaml.YamlScalar;

/**
 * A block property that may contain expressions, compiled.
 *
 * @param key the property as messages name it: {@code content}, {@code outputs[2].value}
 */
record CompiledField(BlockRef block, String key, YamlScalar scalar, CompiledText compiled) {}
