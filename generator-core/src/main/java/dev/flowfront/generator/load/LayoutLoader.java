package dev.flowfront.generator.load;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.definition.BlockDefinition;
import dev.flowfront.generator.definition.BlockType;
import dev.flowfront.generator.definition.Stage;
import dev.flowfront.generator.definition.StageDefinition;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an app's {@code layout}: its stages and their blocks. */
final class LayoutLoader {

    private static final String CORE_PACKAGE = BlockType.PACKAGES.get(0);
    private static final String EXECUTION_PACKAGE = BlockType.PACKAGES.get(1);

    private final ProblemCollector problems;
    private final YamlFields fields;

    LayoutLoader(ProblemCollector problems) {
        this.problems = problems;
        this.fields = new YamlFields(problems);
    }

    /**
     * Returns the layout Kestra gives an app without one: the form and a Submit button on OPEN, a
     * thank-you message on CREATED.
     */
    static List<StageDefinition> defaultLayout(SourceLocation at) {
        BlockDefinition form = syntheticBlock(BlockType.CREATE_EXECUTION_FORM, 1, at, Map.of());
        BlockDefinition submit =
                syntheticBlock(BlockType.CREATE_EXECUTION_BUTTON, 2, at, Map.of("text", "Submit"));
        BlockDefinition thanks =
                syntheticBlock(
                        BlockType.MARKDOWN,
                        1,
                        at,
                        Map.of("content", "## Thank you!\n\nYour request has been submitted."));
        return List.of(
                new StageDefinition(Stage.OPEN, "OPEN", List.of(form, submit), at),
                new StageDefinition(Stage.CREATED, "CREATED", List.of(thanks), at));
    }

    List<StageDefinition> read(YamlMap app, String where) {
        Optional<YamlList> layout = fields.list(app, "layout", where);
        if (layout.isEmpty()) {
            return List.of();
        }
        List<StageDefinition> stages = new ArrayList<>();
        Map<Stage, SourceLocation> seen = new EnumMap<>(Stage.class);
        for (YamlNode item : layout.get().items()) {
            if (!(item instanceof YamlMap entry)) {
                problems.error(
                        item.location(),
                        "a layout entry must be a map, not " + item.kindName() + " (" + where + ")",
                        "Write each entry as '- on: OPEN' followed by 'blocks:'");
                continue;
            }
            readStage(entry, where, seen).ifPresent(stages::add);
        }
        return stages;
    }

    private Optional<StageDefinition> readStage(
            YamlMap entry, String where, Map<Stage, SourceLocation> seen) {
        fields.warnUnknownKeys(entry, List.of("on", "blocks"), where, "a layout entry");
        Optional<String> name =
                fields.requiredString(entry, "on", where, "Add 'on: OPEN' or another stage name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Stage stage = Stage.parse(name.get()).orElse(null);
        String stageWhere = "stage '" + name.get() + "' of " + where;
        if (stage == null) {
            List<String> known = Arrays.stream(Stage.values()).map(Enum::name).toList();
            String suggestion =
                    Suggestions.closest(name.get(), known)
                            .map(s -> "Did you mean '" + s + "'? ")
                            .orElse("");
            problems.error(
                    entry.valueLocation("on"),
                    "stage '"
                            + name.get()
                            + "' is not a stage the runtime can enter ("
                            + where
                            + ")",
                    suggestion + "Known stages: " + String.join(", ", known));
        } else if (seen.containsKey(stage)) {
            problems.error(
                    entry.valueLocation("on"),
                    "stage '" + name.get() + "' appears twice (" + where + ")",
                    "Merge its blocks into the entry at line " + seen.get(stage).line());
            return Optional.empty();
        } else {
            seen.put(stage, entry.valueLocation("on"));
        }
        List<BlockDefinition> blocks = new ArrayList<>();
        Optional<YamlList> blockList = fields.list(entry, "blocks", stageWhere);
        if (blockList.isEmpty()) {
            problems.warning(
                    entry.location(),
                    "stage '" + name.get() + "' has no blocks (" + where + ")",
                    "Add a 'blocks:' list, or remove the entry");
        } else {
            int index = 0;
            for (YamlNode item : blockList.get().items()) {
                index++;
                readBlock(item, index, name.get(), where).ifPresent(blocks::add);
            }
        }
        return Optional.of(new StageDefinition(stage, name.get(), blocks, entry.location()));
    }

    private Optional<BlockDefinition> readBlock(
            YamlNode item, int index, String stageName, String where) {
        String blockWhere = "stage '" + stageName + "', block " + index + " of " + where;
        if (!(item instanceof YamlMap block)) {
            problems.error(
                    item.location(),
                    "a block must be a map, not " + item.kindName() + " (" + blockWhere + ")",
                    "Write each block as '- type: io.kestra.plugin.ee.apps.core.blocks.Markdown'");
            return Optional.empty();
        }
        Optional<String> typeName =
                fields.requiredString(
                        block,
                        "type",
                        blockWhere,
                        "Add the block's type, e.g. 'type: " + CORE_PACKAGE + ".Markdown'");
        if (typeName.isEmpty()) {
            return Optional.empty();
        }
        BlockType type = resolveType(block, typeName.get(), blockWhere);
        if (type != null) {
            List<String> known = new ArrayList<>(type.keys());
            known.add(0, "type");
            fields.warnUnknownKeys(block, known, blockWhere, "a " + type.simpleName() + " block");
        }
        return Optional.of(new BlockDefinition(type, typeName.get(), index, block));
    }

    private BlockType resolveType(YamlMap block, String typeName, String where) {
        int dot = typeName.lastIndexOf('.');
        String packageName = dot < 0 ? "" : typeName.substring(0, dot);
        String simpleName = typeName.substring(dot + 1);
        SourceLocation at = block.valueLocation("type");
        Optional<BlockType> type = BlockType.bySimpleName(simpleName);
        if (type.isEmpty() && BlockType.DEPRECATED_NAMES.containsKey(simpleName)) {
            BlockType current = BlockType.DEPRECATED_NAMES.get(simpleName);
            problems.warning(
                    at,
                    "block type '" + simpleName + "' is deprecated (" + where + ")",
                    "Use '" + qualified(current) + "' instead");
            type = Optional.of(current);
        }
        if (type.isEmpty()) {
            List<String> candidates = BlockType.simpleNames();
            Optional<String> suggestion = Suggestions.closest(simpleName, candidates);
            problems.error(
                    at,
                    "block type '" + typeName + "' is unknown (" + where + ")",
                    suggestion
                            .map(
                                    s ->
                                            "Did you mean '"
                                                    + qualified(BlockType.bySimpleName(s).get())
                                                    + "'?")
                            .orElse("Use one of: " + String.join(", ", candidates)));
            return null;
        }
        if (!packageName.isEmpty() && !BlockType.PACKAGES.contains(packageName)) {
            problems.error(
                    at,
                    "block type '"
                            + typeName
                            + "' is not in a Kestra app block package ("
                            + where
                            + ")",
                    "Use '" + qualified(type.get()) + "'");
            return null;
        }
        return type.get();
    }

    /** The name Kestra's current documentation uses for a block type. */
    static String qualified(BlockType type) {
        boolean core =
                switch (type) {
                    case MARKDOWN,
                            ALERT,
                            BUTTON,
                            LOADING,
                            AUTO_REFRESH,
                            REDIRECT_TO,
                            IMAGE,
                            DIVIDER,
                            STACKTRACE,
                            TABLE ->
                            true;
                    default -> false;
                };
        return (core ? CORE_PACKAGE : EXECUTION_PACKAGE) + "." + type.simpleName();
    }

    private static BlockDefinition syntheticBlock(
            BlockType type, int index, SourceLocation at, Map<String, String> properties) {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        entries.put("type", new YamlScalar(qualified(type), YamlScalar.Kind.STRING, at));
        keys.put("type", at);
        properties.forEach(
                (key, value) -> {
                    entries.put(key, new YamlScalar(value, YamlScalar.Kind.STRING, at));
                    keys.put(key, at);
                });
        return new BlockDefinition(type, qualified(type), index, new YamlMap(entries, keys, at));
    }
}
