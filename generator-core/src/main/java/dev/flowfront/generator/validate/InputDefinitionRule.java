package dev.flowfront.generator.validate;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.definition.InputType;
import dev.flowfront.generator.load.Suggestions;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks input definitions for values Kestra rejects when the flow is saved or an execution is
 * created: an invalid {@code validator} regex, {@code min} above {@code max}, a choice input
 * without choices, a {@code defaults} that is not a choice, an ARRAY without {@code itemType},
 * {@code defaults} together with {@code prefill}, and {@code defaults} on an optional input.
 */
final class InputDefinitionRule {

    private static final Set<InputType> CHOICE_TYPES =
            EnumSet.of(InputType.SELECT, InputType.ENUM, InputType.MULTISELECT);

    void check(InputList list, ProblemCollector problems) {
        for (InputDefinition input : list.inputs()) {
            String where = InputList.where(input, list.owner());
            checkValidator(input, where, problems);
            checkRange(input, where, problems);
            checkChoices(input, where, problems);
            checkArray(input, where, problems);
            checkDefaults(input, where, problems);
        }
    }

    private static void checkValidator(
            InputDefinition input, String where, ProblemCollector problems) {
        if (input.validator() == null) {
            return;
        }
        try {
            Pattern.compile(input.validator());
        } catch (PatternSyntaxException e) {
            problems.error(
                    input.source().valueLocation("validator"),
                    "validator '"
                            + input.validator()
                            + "' is not a valid regular expression: "
                            + e.getDescription()
                            + " near index "
                            + e.getIndex()
                            + " ("
                            + where
                            + ")",
                    "Fix the pattern. Kestra compiles it as a Java regular expression and"
                            + " matches it against the whole value");
        }
    }

    private static void checkRange(InputDefinition input, String where, ProblemCollector problems) {
        if (input.type() == InputType.INT || input.type() == InputType.FLOAT) {
            Optional<BigDecimal> min = number(input, "min", input.min(), where, problems);
            Optional<BigDecimal> max = number(input, "max", input.max(), where, problems);
            if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
                reportMinAboveMax(input, where, problems);
            }
        } else if (input.type() == InputType.DURATION) {
            Optional<Duration> min = duration(input, "min", input.min(), where, problems);
            Optional<Duration> max = duration(input, "max", input.max(), where, problems);
            if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
                reportMinAboveMax(input, where, problems);
            }
        }
    }

    private static Optional<BigDecimal> number(
            InputDefinition input,
            String key,
            String text,
            String where,
            ProblemCollector problems) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            problems.error(
                    input.source().valueLocation(key),
                    key + " '" + text + "' is not a number (" + where + ")",
                    "Write a number, e.g. '" + key + ": 10'");
            return Optional.empty();
        }
    }

    private static Optional<Duration> duration(
            InputDefinition input,
            String key,
            String text,
            String where,
            ProblemCollector problems) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse(text.trim()));
        } catch (DateTimeParseException e) {
            problems.error(
                    input.source().valueLocation(key),
                    key + " '" + text + "' is not an ISO-8601 duration (" + where + ")",
                    "Write a duration such as 'PT30M' or 'P1D'");
            return Optional.empty();
        }
    }

    private static void reportMinAboveMax(
            InputDefinition input, String where, ProblemCollector problems) {
        problems.error(
                input.source().valueLocation("min"),
                "min '"
                        + input.min()
                        + "' is greater than max '"
                        + input.max()
                        + "' ("
                        + where
                        + ")",
                "Swap the two values, or no value could ever be accepted");
    }

    private static void checkChoices(
            InputDefinition input, String where, ProblemCollector problems) {
        if (!CHOICE_TYPES.contains(input.type())) {
            return;
        }
        if (input.values().isEmpty() && input.expression() == null) {
            problems.error(
                    input.source().valueLocation("type"),
                    input.type() + " input has neither 'values' nor 'expression' (" + where + ")",
                    "Add the choices, e.g. 'values: [\"a\", \"b\"]'"
                            + (input.type() == InputType.ENUM
                                    ? ""
                                    : ", or an 'expression' that returns them"));
        }
    }

    private static void checkArray(InputDefinition input, String where, ProblemCollector problems) {
        if (input.type() == InputType.ARRAY && !input.source().has("itemType")) {
            problems.error(
                    input.source().valueLocation("type"),
                    "ARRAY input has no 'itemType' (" + where + ")",
                    "Add the type of the items, e.g. 'itemType: STRING'");
        }
    }

    private static void checkDefaults(
            InputDefinition input, String where, ProblemCollector problems) {
        if (input.defaults() == null) {
            return;
        }
        if (input.prefill() != null) {
            problems.error(
                    input.source().keyLocation("prefill"),
                    "input has both 'defaults' and 'prefill' (" + where + ")",
                    "Keep one: 'defaults' is sent when the field is left empty, 'prefill' only"
                            + " fills the field in. Kestra rejects both together");
        }
        if (!input.required()) {
            problems.warning(
                    input.source().keyLocation("defaults"),
                    "optional input has 'defaults' (" + where + ")",
                    "Kestra 1.1 rejects 'defaults' with 'required: false'. Remove 'required:"
                            + " false', or use 'prefill' in place of 'defaults'");
        }
        if (CHOICE_TYPES.contains(input.type())
                && !input.allowCustomValue()
                && !input.values().isEmpty()) {
            checkDefaultsAreValues(input, where, problems);
        }
    }

    private static void checkDefaultsAreValues(
            InputDefinition input, String where, ProblemCollector problems) {
        for (YamlScalar value : scalars(input.defaults())) {
            String text = value.text();
            if (text.contains("{{") || input.values().contains(text)) {
                continue;
            }
            String suggestion =
                    Suggestions.closest(text, input.values())
                            .map(closest -> "Did you mean '" + closest + "'? ")
                            .orElse("");
            problems.error(
                    value.location(),
                    "default '" + text + "' is not one of the input's values (" + where + ")",
                    suggestion
                            + "Use one of: "
                            + String.join(", ", input.values())
                            + ", or set 'allowCustomValue: true'");
        }
    }

    private static List<YamlScalar> scalars(YamlNode node) {
        List<YamlScalar> scalars = new ArrayList<>();
        if (node instanceof YamlScalar scalar && !scalar.isNull()) {
            scalars.add(scalar);
        } else if (node instanceof YamlList list) {
            for (YamlNode item : list.items()) {
                if (item instanceof YamlScalar scalar && !scalar.isNull()) {
                    scalars.add(scalar);
                }
            }
        }
        return scalars;
    }
}
