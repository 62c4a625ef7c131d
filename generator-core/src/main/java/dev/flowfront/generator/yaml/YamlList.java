package dev.flowfront.generator.yaml;

import dev.flowfront.generator.api.SourceLocation;
import java.util.List;

/** A YAML sequence. */
public record YamlList(List<YamlNode> items, SourceLocation location) implements YamlNode {

    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String kindName() {
        return "a list";
    }
}
