package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.BlockType;
import dev.flowfront.generator.load.Suggestions;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks block property values that Kestra reads as enums or typed values: button {@code style} and
 * {@code size}, Alert {@code style}, RedirectTo {@code delay}, Table {@code data} and Logs {@code
 * filter.logLevel}.
 */
final class BlockPropertyRule {

    /** Kestra's log levels, from the most to the least detailed. */
    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    private static final Set<BlockType> BUTTONS =
            EnumSet.of(
                    BlockType.BUTTON,
                    BlockType.CREATE_EXECUTION_BUTTON,
                    BlockType.RESUME_EXECUTION_BUTTON,
                    BlockType.CANCEL_EXECUTION_BUTTON);

    void check(AppDefinition app, ProblemCollector problems) {
        for (BlockRef block : BlockRef.of(app)) {
            YamlMap properties = block.block().properties();
            BlockType type = block.block().type();
            if (BUTTONS.contains(type)) {
                checkChoice(block, properties, "style", BlockType.BUTTON_STYLES, problems);
                checkChoice(block, properties, "size", BlockType.BUTTON_SIZES, problems);
            }
            switch (type) {
                case ALERT ->
                        checkChoice(block, properties, "style", BlockType.ALERT_STYLES, problems);
                case REDIRECT_TO -> checkDelay(block, properties, problems);
                case TABLE -> checkTableData(block, properties, problems);
                case LOGS -> checkLogLevel(block, properties, problems);
                default -> {
                    // Other blocks have no typed values to check.
                }
            }
        }
    }

    private static void checkChoice(
            BlockRef block,
            YamlMap properties,
            String key,
            List<String> allowed,
            ProblemCollector problems) {
        if (!(properties.get(key).orElse(null) instanceof YamlScalar scalar) || scalar.isNull()) {
            return;
        }
        if (allowed.contains(scalar.text())) {
            return;
        }
        String suggestion =
                Suggestions.closest(scalar.text(), allowed)
                        .map(closest -> "Did you mean '" + closest + "'? ")
                        .orElse("");
        problems.error(
                scalar.location(),
                key
                        + " '"
                        + scalar.text()
                        + "' is not a valid "
                        + key
                        + " for "
                        + block.typeName()
                        + " blocks ("
                        + block.where()
                        + ")",
                suggestion + "Use one of: " + String.join(", ", allowed));
    }

    private static void checkDelay(BlockRef block, YamlMap properties, ProblemCollector problems) {
        if (!(properties.get("delay").orElse(null) instanceof YamlScalar scalar)
                || scalar.isNull()) {
            return;
        }
        try {
            Duration delay = Duration.parse(scalar.text().trim());
            if (delay.isNegative()) {
                problems.error(
                        scalar.location(),
                        "delay '" + scalar.text() + "' is negative (" + block.where() + ")",
                        "Use a positive ISO-8601 duration, e.g. 'PT5S' for five seconds");
            }
        } catch (DateTimeParseException e) {
            problems.error(
                    scalar.location(),
                    "delay '"
                            + scalar.text()
                            + "' is not an ISO-8601 duration ("
                            + block.where()
                            + ")",
                    "Write the delay as an ISO-8601 duration, e.g. 'PT5S' for five seconds or"
                            + " 'PT1M' for one minute");
        }
    }

    private static void checkTableData(
            BlockRef block, YamlMap properties, ProblemCollector problems) {
        YamlNode data = properties.get("data").orElse(null);
        if (data == null || (data instanceof YamlScalar scalar && scalar.isNull())) {
            return;
        }
        if (!(data instanceof YamlList rows)) {
            problems.error(
                    data.location(),
                    "Table data must be a list of maps, not "
                            + data.kindName()
                            + " ("
                            + block.where()
                            + ")",
                    "Write one '- column: value' map per row");
            return;
        }
        int index = 0;
        for (YamlNode row : rows.items()) {
            index++;
            if (!(row instanceof YamlMap)) {
                problems.error(
                        row.location(),
                        "row "
                                + index
                                + " of the Table data is "
                                + row.kindName()
                                + ", not a map ("
                                + block.where()
                                + ")",
                        "Write each row as 'column: value' pairs, e.g. '- name: Alice'");
            }
        }
    }

    private static void checkLogLevel(
            BlockRef block, YamlMap properties, ProblemCollector problems) {
        if (!(properties.get("filter").orElse(null) instanceof YamlMap filter)) {
            return;
        }
        if (!(filter.get("logLevel").orElse(null) instanceof YamlScalar scalar)
                || scalar.isNull()) {
            return;
        }
        if (LOG_LEVELS.contains(scalar.text())) {
            return;
        }
        problems.error(
                scalar.location(),
                "logLevel '"
                        + scalar.text()
                        + "' is not a Kestra log level ("
                        + block.where()
                        + ")",
                "Use one of: " + String.join(", ", LOG_LEVELS));
    }
}
