package dev.flowfront.generator.yaml;

import dev.flowfront.generator.api.SourceLocation;

/**
 * A node of a YAML document that remembers where it starts, so that every problem found in it can
 * point at file:line:column. Jackson's own tree ({@code JsonNode}) drops locations, which is why
 * the loaders build this one.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

    SourceLocation location();

    /** Describes the node's kind as a user would say it: "a map", "a list", "a string". */
    String kindName();
}
