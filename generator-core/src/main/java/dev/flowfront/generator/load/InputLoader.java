package dev.flowfront.generator.load;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.DependsOn;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.definition.InputType;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads flow inputs and Pause {@code onResume} inputs, which share Kestra's input model. */
final class InputLoader {

    /** Kestra's input id pattern; dots nest the value in the execution's inputs. */
    private static final Pattern INPUT_ID = Pattern.compile("^[a-zA-Z0-9][.a-zA-Z0-9_-]*$");

    private final ProblemCollector problems;
    private final YamlFields fields;

    InputLoader(ProblemCollector problems) {
        this.problems = problems;
        this.fields = new YamlFields(problems);
    }

    /** Reads a list of inputs, reporting items that are not maps and duplicate ids. */
    List<InputDefinition> readAll(YamlList list, String owner) {
        List<InputDefinition> inputs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof YamlMap map)) {
                problems.error(
                        item.location(),
                        "an input must be a map, not " + item.kindName() + " (" + owner + ")",
                        "Write each input as '- id: name' followed by 'type: STRING'");
                continue;
            }
            read(map, owner)
                    .ifPresent(
                            input -> {
                                if (!ids.add(input.id())) {
                                    problems.error(
                                            map.valueLocation(map.has("id") ? "id" : "name"),
                                            "input id '"
                                                    + input.id()
                                                    + "' is used twice ("
                                                    + owner
                                                    + ")",
                                            "Give each input its own id");
                                } else {
                                    inputs.add(input);
                                }
                            });
        }
        return inputs;
    }

    private Optional<InputDefinition> read(YamlMap map, String owner) {
        String idKey = map.has("id") || !map.has("name") ? "id" : "name";
        Optional<String> id =
                fields.requiredString(map, idKey, owner, "Give the input an id, e.g. 'id: user'");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String where = "input '" + id.get() + "' of " + owner;
        if (!INPUT_ID.matcher(id.get()).matches()) {
            problems.error(
                    map.valueLocation(idKey),
                    "input id '" + id.get() + "' is invalid (" + owner + ")",
                    "Start with a letter or digit and use only letters, digits, '.', '_' or '-'");
        }
        if (idKey.equals("name")) {
            problems.warning(
                    map.keyLocation("name"),
                    "'name' is a deprecated alias of 'id' (" + where + ")",
                    "Rename 'name' to 'id'; Kestra 2.0 removes 'name'");
        }
        Optional<String> typeName =
                fields.requiredString(map, "type", where, "Add a type, e.g. 'type: STRING'");
        InputType type = typeName.flatMap(name -> resolveType(map, name, where)).orElse(null);
        if (type != null) {
            fields.warnUnknownKeys(map, acceptedKeys(type), where, "a " + type + " input");
        }
        return Optional.of(
                new InputDefinition(
                        id.get(),
                        type,
                        typeName.orElse(""),
                        fields.string(map, "displayName", where).orElse(null),
                        fields.string(map, "description", where).orElse(null),
                        fields.bool(map, "required", where).orElse(true),
                        map.get("defaults").filter(node -> !isNull(node)).orElse(null),
                        map.get("prefill").filter(node -> !isNull(node)).orElse(null),
                        fields.string(map, "validator", where).orElse(null),
                        fields.string(map, "min", where).orElse(null),
                        fields.string(map, "max", where).orElse(null),
                        fields.string(map, "after", where).orElse(null),
                        fields.string(map, "before", where).orElse(null),
                        values(map, where),
                        fields.string(map, "expression", where).orElse(null),
                        fields.bool(map, "allowCustomValue", where).orElse(false),
                        fields.bool(map, "isRadio", where).orElse(false),
                        fields.bool(map, "autoSelectFirst", where).orElse(false),
                        itemType(map, where),
                        fields.stringList(map, "allowedFileExtensions", where),
                        dependsOn(map, where),
                        map));
    }

    private Optional<InputType> resolveType(YamlMap map, String name, String where) {
        Optional<InputType> type = InputType.parse(name);
        if (type.isEmpty()) {
            String suggestion =
                    Suggestions.closest(name, InputType.names())
                            .map(s -> "Did you mean '" + s + "'? ")
                            .orElse("");
            problems.error(
                    map.valueLocation("type"),
                    "input type '" + name + "' is unknown (" + where + ")",
                    suggestion + "Use one of: " + String.join(", ", InputType.names()));
        }
        return type;
    }

    private static List<String> acceptedKeys(InputType type) {
        List<String> keys = new ArrayList<>(InputType.COMMON_PROPERTIES);
        keys.addAll(type.properties());
        return keys;
    }

    private List<String> values(YamlMap map, String where) {
        List<String> values = new ArrayList<>(fields.stringList(map, "values", where));
        List<String> options = fields.stringList(map, "options", where);
        if (!values.isEmpty() && !options.isEmpty()) {
            problems.error(
                    map.keyLocation("options"),
                    "'values' and 'options' are both set (" + where + ")",
                    "Keep only 'values'; 'options' is its deprecated name");
        } else if (!options.isEmpty()) {
            problems.warning(
                    map.keyLocation("options"),
                    "'options' is deprecated (" + where + ")",
                    "Rename 'options' to 'values'");
            values.addAll(options);
        }
        return values;
    }

    private InputType itemType(YamlMap map, String where) {
        Optional<String> name = fields.string(map, "itemType", where);
        if (name.isEmpty()) {
            return null;
        }
        Optional<InputType> type = InputType.parse(name.get());
        if (type.isEmpty() || InputType.FORBIDDEN_ITEM_TYPES.contains(type.get())) {
            problems.error(
                    map.valueLocation("itemType"),
                    "item type '" + name.get() + "' is not allowed (" + where + ")",
                    "Use a scalar type such as STRING, INT, FLOAT, DATE or JSON");
            return null;
        }
        return type.get();
    }

    private DependsOn dependsOn(YamlMap map, String where) {
        Optional<YamlMap> dependsOn = fields.map(map, "dependsOn", where);
        if (dependsOn.isEmpty()) {
            return null;
        }
        YamlMap node = dependsOn.get();
        fields.warnUnknownKeys(node, List.of("inputs", "condition"), where, "dependsOn");
        return new DependsOn(
                fields.stringList(node, "inputs", where),
                fields.string(node, "condition", where).orElse(null),
                node.location(),
                node.valueLocation("condition"));
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof YamlScalar scalar && scalar.isNull();
    }
}
