package dev.flowfront.generator.validate;

import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.util.List;
import java.util.Optional;

/**
 * One list of inputs that may depend on each other: a flow's {@code inputs}, or a Pause task's
 * {@code onResume}.
 *
 * @param owner the owner as messages name it: {@code flow 'company.team.vacation'}
 */
record InputList(List<InputDefinition> inputs, String owner) {

    Optional<InputDefinition> find(String id) {
        return inputs.stream().filter(input -> input.id().equals(id)).findFirst();
    }

    List<String> ids() {
        return inputs.stream().map(InputDefinition::id).toList();
    }

    static String where(InputDefinition input, String owner) {
        return "input '" + input.id() + "' of " + owner;
    }

    /** Returns the {@code dependsOn.inputs} items of an input, with their locations. */
    static List<YamlScalar> dependsOnItems(InputDefinition input) {
        return dependsOnMap(input)
                .flatMap(map -> map.get("inputs"))
                .filter(YamlList.class::isInstance)
                .map(list -> ((YamlList) list).items())
                .orElse(List.of())
                .stream()
                .filter(YamlScalar.class::isInstance)
                .map(YamlScalar.class::cast)
                .toList();
    }

    /** Returns the {@code dependsOn.condition} scalar of an input, when it has one. */
    static Optional<YamlScalar> conditionScalar(InputDefinition input) {
        return dependsOnMap(input)
                .flatMap(map -> map.get("condition"))
                .filter(YamlScalar.class::isInstance)
                .map(YamlScalar.class::cast)
                .filter(scalar -> !scalar.isNull());
    }

    private static Optional<YamlMap> dependsOnMap(InputDefinition input) {
        Optional<YamlNode> node = input.source().get("dependsOn");
        return node.filter(YamlMap.class::isInstance).map(YamlMap.class::cast);
    }
}
