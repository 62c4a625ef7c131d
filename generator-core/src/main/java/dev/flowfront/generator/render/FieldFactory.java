package dev.flowfront.generator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.definition.InputType;
import dev.flowfront.generator.render.FieldView.ArrayItemView;
import dev.flowfront.generator.render.FieldView.OptionView;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the view of a form field from a flow input: which control renders it, its HTML5
 * constraints and its initial value. Defaults and prefills are filled in, except for SECRET inputs,
 * whose value never reaches the page, and defaults written as Kestra expressions, which Kestra
 * computes when the field is left empty.
 */
final class FieldFactory {

    /**
     * ISO-8601 durations as {@code java.time.Duration.parse} reads them: days, hours, minutes and
     * seconds, at least one of them. An HTML pattern must match the whole value. Browsers compile
     * it with the {@code v} flag, where a bare {@code -} in a character class is a syntax error, so
     * the sign class escapes it.
     */
    static final String DURATION_PATTERN =
            "[+\\-]?P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+([.,]\\d+)?S)?)?";

    private static final ObjectMapper YAML_WRITER =
            new ObjectMapper(
                    YAMLFactory.builder()
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                            .build());

    private static final DateTimeFormatter LOCAL_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private final MarkdownRenderer markdown;
    private final ExpressionTable expressions;
    private final ProblemCollector problems;

    FieldFactory(
            MarkdownRenderer markdown, ExpressionTable expressions, ProblemCollector problems) {
        this.markdown = markdown;
        this.expressions = expressions;
        this.problems = problems;
    }

    /**
     * Builds a field.
     *
     * @param scope makes element ids unique in the page: {@code create} or {@code resume-<task>}
     * @param where the place in the app, for messages
     */
    FieldView field(InputDefinition input, String scope, String where) {
        Draft draft = new Draft(input, "ff-" + scope + "-" + input.id());
        InputType type = input.type() == null ? InputType.STRING : input.type();
        switch (type) {
            case STRING -> text(draft, "text").pattern = input.validator();
            case SECRET -> secret(draft);
            case INT -> number(draft, "1");
            case FLOAT -> number(draft, "any");
            case BOOL -> checkbox(draft);
            case BOOLEAN -> triState(draft);
            case SELECT, ENUM -> select(draft, type == InputType.SELECT);
            case MULTISELECT -> checkboxGroup(draft);
            case DATE -> dated(draft, "date", input.after(), input.before());
            case TIME -> dated(draft, "time", input.after(), input.before());
            case DATETIME -> dateTime(draft);
            case DURATION -> text(draft, "text").pattern = DURATION_PATTERN;
            case FILE -> file(draft);
            case JSON, YAML -> code(draft, type);
            case URI -> text(draft, "url").autocomplete = "url";
            case EMAIL -> text(draft, "email").autocomplete = "email";
            case ARRAY -> array(draft);
        }
        return draft.build(describe(input, draft.domId, where));
    }

    private String describe(InputDefinition input, String domId, String where) {
        if (input.description() == null || input.description().isBlank()) {
            return null;
        }
        return markdown.render(
                input.description(),
                expressions,
                problems,
                input.source().valueLocation("description"),
                "description of input '" + input.id() + "', " + where);
    }

    private Draft text(Draft draft, String htmlType) {
        draft.control = "text";
        draft.htmlType = htmlType;
        draft.fillScalar();
        return draft;
    }

    private void secret(Draft draft) {
        draft.control = "text";
        draft.htmlType = "password";
        draft.autocomplete = "off";
        draft.pattern = draft.input.validator();
        // A secret's default or prefill would be readable by anyone who opens the page.
        draft.value = null;
    }

    private void number(Draft draft, String step) {
        text(draft, "number");
        draft.step = step;
        draft.min = draft.input.min();
        draft.max = draft.input.max();
        draft.inputMode = step.equals("1") ? "numeric" : "decimal";
    }

    private void checkbox(Draft draft) {
        draft.control = "checkbox";
        draft.htmlType = "checkbox";
        String initial = draft.initialText();
        draft.checked = initial != null && initial.strip().equalsIgnoreCase("true");
        // An unchecked switch is the value false, so a BOOL always has a value.
        draft.required = false;
    }

    private void triState(Draft draft) {
        draft.control = "radio";
        String initial = draft.initialText();
        String selected =
                initial == null
                        ? (draft.input.required() ? null : "")
                        : initial.strip().toLowerCase(Locale.ROOT);
        List<OptionView> options = new ArrayList<>();
        options.add(new OptionView("true", "True", draft.domId + "-true", "true".equals(selected)));
        options.add(
                new OptionView("false", "False", draft.domId + "-false", "false".equals(selected)));
        if (!draft.input.required()) {
            options.add(new OptionView("", "Not set", draft.domId + "-unset", "".equals(selected)));
        }
        draft.options = options;
    }

    private void select(Draft draft, boolean extendedSelect) {
        InputDefinition input = draft.input;
        String initial = draft.initialText();
        if (initial == null
                && extendedSelect
                && input.autoSelectFirst()
                && !input.values().isEmpty()) {
            initial = input.values().get(0);
        }
        if (extendedSelect && input.allowCustomValue()) {
            draft.control = "datalist";
            draft.htmlType = "text";
            draft.value = initial;
            draft.options = options(input.values(), Set.of(), null);
            return;
        }
        Set<String> selected = initial == null ? Set.of() : Set.of(initial);
        if (extendedSelect && input.isRadio()) {
            draft.control = "radio";
            draft.options = options(input.values(), selected, draft.domId);
        } else {
            draft.control = "select";
            draft.options = options(input.values(), selected, null);
            draft.value = initial;
        }
    }

    private void checkboxGroup(Draft draft) {
        InputDefinition input = draft.input;
        List<String> initial = draft.initialList();
        if (initial.isEmpty() && input.autoSelectFirst() && !input.values().isEmpty()) {
            initial = List.of(input.values().get(0));
        }
        Set<String> selected = new LinkedHashSet<>(initial);
        draft.control = "checkboxes";
        draft.options = options(input.values(), selected, draft.domId);
        // Without values, the free-text entry is the only way to give one.
        draft.allowCustomValue = input.allowCustomValue() || input.values().isEmpty();
        if (input.allowCustomValue()) {
            List<String> custom =
                    initial.stream().filter(value -> !input.values().contains(value)).toList();
            draft.customValue = custom.isEmpty() ? null : String.join(", ", custom);
        }
    }

    private static List<OptionView> options(
            List<String> values, Set<String> selected, String domId) {
        List<OptionView> options = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            options.add(
                    new OptionView(
                            value,
                            value,
                            domId == null ? null : domId + "-" + (i + 1),
                            selected.contains(value)));
        }
        return options;
    }

    private void dated(Draft draft, String htmlType, String after, String before) {
        text(draft, htmlType);
        draft.min = after;
        draft.max = before;
    }

    private void dateTime(Draft draft) {
        text(draft, "datetime-local");
        // The runtime converts these UTC wall-clock times to the browser's time zone.
        draft.utc = true;
        draft.step = "1";
        draft.min = utcWallClock(draft.input.after());
        draft.max = utcWallClock(draft.input.before());
        draft.value = utcWallClock(draft.value);
    }

    /** Converts an instant to the UTC wall-clock form a datetime-local control takes. */
    static String utcWallClock(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        try {
            return LocalDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC)
                    .format(LOCAL_DATE_TIME);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(value)
                        .atZoneSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime()
                        .format(LOCAL_DATE_TIME);
            } catch (DateTimeParseException notOffset) {
                // Kestra rejects such a bound or default, and the validator reports it.
                return null;
            }
        }
    }

    private void file(Draft draft) {
        draft.control = "text";
        draft.htmlType = "file";
        draft.accept =
                draft.input.allowedFileExtensions().isEmpty()
                        ? null
                        : draft.input.allowedFileExtensions().stream()
                                .map(ext -> ext.startsWith(".") ? ext : "." + ext)
                                .map(ext -> ext.toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(","));
    }

    private void code(Draft draft, InputType type) {
        draft.control = "textarea";
        draft.value = structuredText(draft.initialNode(), type);
    }

    private void array(Draft draft) {
        InputDefinition input = draft.input;
        InputType itemType = input.itemType() == null ? InputType.STRING : input.itemType();
        Draft itemDraft = new Draft(input, null);
        switch (itemType) {
            case INT -> number(itemDraft, "1");
            case FLOAT -> number(itemDraft, "any");
            case DATE -> dated(itemDraft, "date", input.after(), input.before());
            case TIME -> dated(itemDraft, "time", input.after(), input.before());
            case DATETIME -> dateTime(itemDraft);
            case DURATION -> text(itemDraft, "text").pattern = DURATION_PATTERN;
            case URI -> text(itemDraft, "url");
            case EMAIL -> text(itemDraft, "email");
            default -> text(itemDraft, "text");
        }
        itemDraft.typeName = itemType.name();
        itemDraft.value = null;
        itemDraft.required = false;
        draft.item = itemDraft.build(null);
        draft.control = "array";

        // One row per default, or one empty row so the label has a control to point at.
        List<String> values = draft.initialList();
        if (values.isEmpty()) {
            values = List.of("");
        }
        List<ArrayItemView> items = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (itemType == InputType.DATETIME) {
                value = utcWallClock(value);
            }
            items.add(
                    new ArrayItemView(
                            draft.domId + "-" + (i + 1),
                            value == null || value.isEmpty() ? null : value,
                            "Remove item " + (i + 1)));
        }
        draft.items = items;
    }

    /** Writes a JSON or YAML default as the text a user would type. */
    private static String structuredText(YamlNode node, InputType type) {
        if (node == null) {
            return null;
        }
        if (node instanceof YamlScalar scalar) {
            return scalar.text();
        }
        JsonNode json = Json.fromYaml(node);
        if (type == InputType.JSON) {
            return Json.write(json);
        }
        try {
            return YAML_WRITER.writeValueAsString(json).stripTrailing();
        } catch (IOException e) {
            return Json.write(json);
        }
    }

    /** The mutable state of one field while its control is chosen. */
    private final class Draft {
        final InputDefinition input;
        final String domId;
        String typeName;
        String control = "text";
        String htmlType;
        String value;
        boolean prefill;
        boolean checked;
        String placeholder;
        String pattern;
        String min;
        String max;
        String step;
        String accept;
        String inputMode;
        String autocomplete;
        List<OptionView> options = List.of();
        boolean allowCustomValue;
        String customValue;
        List<ArrayItemView> items = List.of();
        FieldView item;
        boolean utc;
        boolean required;
        private final boolean computedDefault;

        Draft(InputDefinition input, String domId) {
            this.input = input;
            this.domId = domId;
            this.typeName = input.type() == null ? input.typeName() : input.type().name();
            this.prefill = input.defaults() == null && input.prefill() != null;
            this.computedDefault = isExpression(input.defaults());
            // Kestra fills in a computed default when the value is left out, so the field may stay
            // empty.
            this.required = input.required() && !computedDefault;
            if (computedDefault) {
                this.placeholder = "Computed by Kestra when left empty";
            }
        }

        /** Returns the default, else the prefill, or null when the default is an expression. */
        YamlNode initialNode() {
            if (computedDefault) {
                return null;
            }
            return input.defaults() != null ? input.defaults() : input.prefill();
        }

        String initialText() {
            YamlNode node = initialNode();
            if (node instanceof YamlScalar scalar) {
                return scalar.isNull() ? null : scalar.text();
            }
            return node == null ? null : Json.write(Json.fromYaml(node));
        }

        /** Reads a list default, written as a YAML list or as the text of a JSON array. */
        List<String> initialList() {
            YamlNode node = initialNode();
            if (node instanceof YamlList list) {
                List<String> values = new ArrayList<>();
                for (YamlNode item : list.items()) {
                    values.add(
                            item instanceof YamlScalar scalar
                                    ? scalar.text()
                                    : Json.write(Json.fromYaml(item)));
                }
                return values;
            }
            String text = initialText();
            if (text == null || text.isBlank()) {
                return List.of();
            }
            if (text.strip().startsWith("[")) {
                try {
                    List<String> values = new ArrayList<>();
                    for (JsonNode element : new ObjectMapper().readTree(text)) {
                        values.add(element.isTextual() ? element.textValue() : element.toString());
                    }
                    return values;
                } catch (IOException e) {
                    // Not JSON after all. The validator reports it, and the text is shown as one
                    // value.
                }
            }
            return List.of(text);
        }

        void fillScalar() {
            value = initialText();
        }

        FieldView build(String descriptionHtml) {
            String descriptionId = descriptionHtml == null ? null : domId + "-description";
            String errorId = domId == null ? null : domId + "-error";
            String describedBy =
                    domId == null
                            ? null
                            : descriptionId == null ? errorId : descriptionId + " " + errorId;
            String labelFor =
                    switch (control) {
                        case "radio" -> options.isEmpty() ? domId : options.get(0).domId();
                        case "checkboxes" ->
                                options.isEmpty() ? domId + "-custom" : options.get(0).domId();
                        case "array" -> items.get(0).domId();
                        default -> domId;
                    };
            boolean hasValue =
                    value != null || checked || options.stream().anyMatch(OptionView::selected);
            return new FieldView(
                    input.id(),
                    typeName,
                    control,
                    domId,
                    domId == null ? null : domId + "-label",
                    labelFor,
                    input.label(),
                    required,
                    htmlType,
                    value,
                    prefill && hasValue,
                    checked,
                    placeholder,
                    pattern,
                    min,
                    max,
                    step,
                    accept,
                    inputMode,
                    autocomplete,
                    List.copyOf(options),
                    allowCustomValue,
                    customValue,
                    List.copyOf(items),
                    item,
                    descriptionHtml,
                    descriptionId,
                    errorId,
                    describedBy,
                    input.dependsOn() == null ? null : Json.write(input.dependsOn().inputs()),
                    utc);
        }
    }

    private static boolean isExpression(YamlNode node) {
        return node instanceof YamlScalar scalar && ExpressionTable.hasTemplate(scalar.text());
    }
}
