package dev.flowfront.generator.yaml;

import dev.flowfront.generator.api.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping with string keys, in document order, with the location of every key.
 *
 * <p>Keys are always read as strings, so YAML 1.1 booleans such as {@code on} stay the text "on".
 */
public final class YamlMap implements YamlNode {

    private final Map<String, YamlNode> entries;
    private final Map<String, SourceLocation> keyLocations;
    private final SourceLocation location;

    public YamlMap(
            Map<String, YamlNode> entries,
            Map<String, SourceLocation> keyLocations,
            SourceLocation location) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
        this.location = location;
    }

    @Override
    public SourceLocation location() {
        return location;
    }

    @Override
    public String kindName() {
        return "a map";
    }

    public Map<String, YamlNode> entries() {
        return entries;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Returns the location of the key, or of the map itself when the key is absent. */
    public SourceLocation keyLocation(String key) {
        return keyLocations.getOrDefault(key, location);
    }

    /** Returns the location of the key's value, or of the map itself when the key is absent. */
    public SourceLocation valueLocation(String key) {
        YamlNode value = entries.get(key);
        return value != null ? value.location() : location;
    }

    @Override
    public String toString() {
        return "YamlMap" + entries.keySet() + "@" + location;
    }
}
