package dev.flowfront.generator.load;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of YAML map entries that report a value of the wrong kind as a problem at the value,
 * then carry on as if the key were absent.
 */
final class YamlFields {

    private final ProblemCollector problems;

    YamlFields(ProblemCollector problems) {
        this.problems = problems;
    }

    /** Reads a scalar as text; numbers and booleans give their text as written. */
    Optional<String> string(YamlMap map, String key, String where) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlScalar scalar) {
            return scalar.isNull() ? Optional.empty() : Optional.of(scalar.text());
        }
        problems.error(
                node.get().location(),
                "'" + key + "' must be a string, not " + node.get().kindName() + " (" + where + ")",
                "Write a single value after '" + key + ":'");
        return Optional.empty();
    }

    /** Reads a required scalar, reporting its absence at the map. */
    Optional<String> requiredString(YamlMap map, String key, String where, String hint) {
        boolean absent =
                map.get(key).map(node -> node instanceof YamlScalar s && s.isNull()).orElse(true);
        if (absent) {
            problems.error(map.location(), "'" + key + "' is missing (" + where + ")", hint);
            return Optional.empty();
        }
        Optional<String> value = string(map, key, where);
        if (value.isPresent() && value.get().isBlank()) {
            problems.error(map.valueLocation(key), "'" + key + "' is empty (" + where + ")", hint);
            return Optional.empty();
        }
        return value;
    }

    /** Reads {@code true}/{@code false}, also when written as a quoted string. */
    Optional<Boolean> bool(YamlMap map, String key, String where) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty() || (node.get() instanceof YamlScalar scalar && scalar.isNull())) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlScalar scalar && scalar.asBoolean() != null) {
            return Optional.of(scalar.asBoolean());
        }
        problems.error(
                node.get().location(),
                "'" + key + "' must be true or false (" + where + ")",
                "Write '" + key + ": true' or '" + key + ": false'");
        return Optional.empty();
    }

    Optional<YamlMap> map(YamlMap map, String key, String where) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty() || (node.get() instanceof YamlScalar scalar && scalar.isNull())) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlMap child) {
            return Optional.of(child);
        }
        problems.error(
                node.get().location(),
                "'" + key + "' must be a map, not " + node.get().kindName() + " (" + where + ")",
                "Indent the entries of '" + key + "' below it as 'name: value' lines");
        return Optional.empty();
    }

    /** Reads a list; a single value is not promoted to a list, because Kestra does not either. */
    Optional<YamlList> list(YamlMap map, String key, String where) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty() || (node.get() instanceof YamlScalar scalar && scalar.isNull())) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlList list) {
            return Optional.of(list);
        }
        problems.error(
                node.get().location(),
                "'" + key + "' must be a list, not " + node.get().kindName() + " (" + where + ")",
                "Write each item on its own line starting with '- '");
        return Optional.empty();
    }

    /** Reads a list of scalars as text. */
    List<String> stringList(YamlMap map, String key, String where) {
        List<String> values = new ArrayList<>();
        list(map, key, where)
                .ifPresent(
                        list -> {
                            for (YamlNode item : list.items()) {
                                if (item instanceof YamlScalar scalar && !scalar.isNull()) {
                                    values.add(scalar.text());
                                } else {
                                    problems.error(
                                            item.location(),
                                            "items of '"
                                                    + key
                                                    + "' must be strings, not "
                                                    + item.kindName()
                                                    + " ("
                                                    + where
                                                    + ")",
                                            "Write one value per item");
                                }
                            }
                        });
        return values;
    }

    /** Warns about every key not in {@code known}, suggesting the closest known key. */
    void warnUnknownKeys(YamlMap map, Collection<String> known, String where, String kind) {
        for (String key : map.keys()) {
            if (known.contains(key)) {
                continue;
            }
            String suggestion =
                    Suggestions.closest(key, known)
                            .map(s -> "Did you mean '" + s + "'? ")
                            .orElse("");
            problems.warning(
                    map.keyLocation(key),
                    "key '"
                            + key
                            + "' is not a property of "
                            + kind
                            + " ("
                            + where
                            + ") and is ignored",
                    suggestion
                            + (known.isEmpty()
                                    ? "Remove it; this " + kind + " takes no properties"
                                    : "Known keys: " + String.join(", ", known)));
        }
    }
}
