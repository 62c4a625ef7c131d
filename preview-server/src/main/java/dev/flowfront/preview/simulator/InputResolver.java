package dev.flowfront.preview.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.definition.InputType;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Resolves flow inputs and Pause {@code onResume} inputs with Kestra's rules: {@code dependsOn},
 * defaults, required, parsing per type and validation ({@code validator}, {@code min}/{@code max},
 * {@code after}/{@code before}, {@code values}, {@code itemType}, file extensions).
 *
 * <p>Thread-safe.
 */
final class InputResolver {

    /** Kestra's permissive e-mail pattern; the empty string matches too. */
    private static final Pattern EMAIL =
            Pattern.compile("^$|^[a-zA-Z0-9_!#$%&*+/=?`{|}~^.\\-\u2019]+@[a-zA-Z0-9.-]+$");

    private static final Set<String> FILE_URI_SCHEMES = Set.of("kestra", "nsfile", "file");

    private final ExpressionRenderer renderer;
    private final ObjectMapper json;
    private final ObjectMapper yaml;
    private final FileStore files;
    private final SecretKey secretKey;
    private final SecureRandom random = new SecureRandom();

    InputResolver(
            ExpressionRenderer renderer, ObjectMapper json, ObjectMapper yaml, FileStore files) {
        this.renderer = renderer;
        this.json = json;
        this.yaml = yaml;
        this.files = files;
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            this.secretKey = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available in this JVM", e);
        }
    }

    /**
     * Resolves every input in order.
     *
     * @param sent the parts sent, by part name
     * @param context variables for defaults and conditions; {@code inputs} is added
     * @param storagePrefix where uploaded files are stored ({@code .../executions/<id>/}), or null
     *     to compute the would-be URI without storing (validate endpoints)
     * @param store false to compute file URIs without storing the files
     */
    List<ResolvedInput> resolve(
            List<InputDefinition> definitions,
            Map<String, InputValue> sent,
            Map<String, Object> context,
            String storagePrefix,
            boolean store) {
        Map<String, ResolvedInput> resolved = new LinkedHashMap<>();
        Map<String, InputDefinition> byId = new HashMap<>();
        definitions.forEach(definition -> byId.put(definition.id(), definition));
        for (InputDefinition definition : definitions) {
            resolveOne(
                    definition,
                    byId,
                    resolved,
                    sent,
                    context,
                    storagePrefix,
                    store,
                    new ArrayList<>());
        }
        List<ResolvedInput> ordered = new ArrayList<>();
        definitions.forEach(definition -> ordered.add(resolved.get(definition.id())));
        return ordered;
    }

    /** Nests dotted ids ({@code a.b} becomes {@code {a: {b: ...}}}) and drops disabled inputs. */
    static Map<String, Object> nest(List<ResolvedInput> inputs) {
        Map<String, Object> nested = new LinkedHashMap<>();
        for (ResolvedInput input : inputs) {
            if (input.enabled() && input.value() != null) {
                put(nested, input.definition().id(), input.value());
            }
        }
        return nested;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> target, String dottedId, Object value) {
        String[] segments = dottedId.split("\\.");
        Map<String, Object> current = target;
        for (int i = 0; i < segments.length - 1; i++) {
            Object child = current.get(segments[i]);
            if (!(child instanceof Map<?, ?>)) {
                child = new LinkedHashMap<String, Object>();
                current.put(segments[i], child);
            }
            current = (Map<String, Object>) child;
        }
        current.put(segments[segments.length - 1], value);
    }

    private void resolveOne(
            InputDefinition definition,
            Map<String, InputDefinition> byId,
            Map<String, ResolvedInput> resolved,
            Map<String, InputValue> sent,
            Map<String, Object> context,
            String storagePrefix,
            boolean store,
            List<String> visiting) {
        if (resolved.containsKey(definition.id()) || visiting.contains(definition.id())) {
            return;
        }
        visiting.add(definition.id());
        if (definition.dependsOn() != null) {
            for (String parent : definition.dependsOn().inputs()) {
                InputDefinition parentDefinition = byId.get(parent);
                if (parentDefinition != null) {
                    resolveOne(
                            parentDefinition,
                            byId,
                            resolved,
                            sent,
                            context,
                            storagePrefix,
                            store,
                            visiting);
                }
            }
        }
        Map<String, Object> variables = new HashMap<>(context);
        variables.put("inputs", nest(List.copyOf(resolved.values())));
        resolved.put(
                definition.id(),
                resolveValue(
                        definition,
                        byId,
                        resolved,
                        sent.get(definition.id()),
                        variables,
                        storagePrefix,
                        store));
    }

    private ResolvedInput resolveValue(
            InputDefinition definition,
            Map<String, InputDefinition> byId,
            Map<String, ResolvedInput> resolved,
            InputValue sent,
            Map<String, Object> variables,
            String storagePrefix,
            boolean store) {
        String id = definition.id();
        try {
            if (!isEnabled(definition, byId, resolved, variables)) {
                return new ResolvedInput(definition, null, false, false, List.of());
            }
        } catch (ExpressionException e) {
            return invalid(definition, false, e.getMessage());
        }
        if (definition.expression() != null) {
            try {
                definition = withValues(definition, renderValues(definition, variables));
            } catch (ExpressionException e) {
                return invalid(definition, false, e.getMessage());
            }
        }
        boolean isDefault = false;
        Object raw = sent;
        if (sent == null) {
            try {
                raw = defaultValue(definition, variables);
            } catch (ExpressionException e) {
                return invalid(definition, true, e.getMessage());
            }
            isDefault = raw != null;
        }
        if (raw == null) {
            if (definition.required()) {
                return new ResolvedInput(
                        definition, null, true, false, List.of("Missing required input:" + id));
            }
            return new ResolvedInput(definition, null, true, false, List.of());
        }
        try {
            Object value = parse(definition, raw, storagePrefix, store);
            return new ResolvedInput(definition, value, true, isDefault, List.of());
        } catch (InvalidValueException e) {
            return invalid(definition, isDefault, e.getMessage());
        }
    }

    private static ResolvedInput invalid(
            InputDefinition definition, boolean isDefault, String cause) {
        return new ResolvedInput(
                definition,
                null,
                true,
                isDefault,
                List.of("Invalid value for input `" + definition.id() + "`. Cause: " + cause));
    }

    private boolean isEnabled(
            InputDefinition definition,
            Map<String, InputDefinition> byId,
            Map<String, ResolvedInput> resolved,
            Map<String, Object> variables)
            throws ExpressionException {
        if (definition.dependsOn() == null) {
            return true;
        }
        for (String parent : definition.dependsOn().inputs()) {
            // Kestra ignores ids that name no input.
            if (!byId.containsKey(parent)) {
                continue;
            }
            ResolvedInput parentInput = resolved.get(parent);
            if (parentInput == null || !parentInput.enabled() || parentInput.value() == null) {
                return false;
            }
        }
        String condition = definition.dependsOn().condition();
        if (condition == null || condition.isBlank()) {
            return true;
        }
        return renderer.render(condition, variables).strip().equals("true");
    }

    private Object defaultValue(InputDefinition definition, Map<String, Object> variables)
            throws ExpressionException {
        if (definition.defaults() != null) {
            Object value = plain(definition.defaults());
            return value instanceof String text ? renderer.render(text, variables) : value;
        }
        boolean selects =
                definition.type() == InputType.SELECT || definition.type() == InputType.MULTISELECT;
        if (selects && definition.autoSelectFirst() && !definition.values().isEmpty()) {
            String first = definition.values().get(0);
            return definition.type() == InputType.SELECT ? first : List.of(first);
        }
        return null;
    }

    /** Converts a YAML node to text, lists and maps, keeping scalars as written. */
    static Object plain(YamlNode node) {
        if (node instanceof YamlScalar scalar) {
            return scalar.isNull() ? null : scalar.text();
        }
        if (node instanceof YamlList list) {
            List<Object> items = new ArrayList<>();
            list.items().forEach(item -> items.add(plain(item)));
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        ((YamlMap) node).entries().forEach((key, value) -> map.put(key, plain(value)));
        return map;
    }

    private Object parse(
            InputDefinition definition, Object raw, String storagePrefix, boolean store)
            throws InvalidValueException {
        if (definition.type() == null) {
            throw new InvalidValueException(
                    "the input type `" + definition.typeName() + "` is unknown");
        }
        if (raw instanceof InputValue value && value.isFile()) {
            if (definition.type() != InputType.FILE) {
                throw new InvalidValueException(
                        "a file was sent but the input is " + definition.type());
            }
            return storeFile(definition, value, storagePrefix, store);
        }
        Object plainValue = raw instanceof InputValue value ? value.text() : raw;
        return switch (definition.type()) {
            case MULTISELECT -> parseMultiselect(definition, plainValue);
            case ARRAY -> parseArray(definition, plainValue);
            case JSON -> plainValue instanceof String text ? readJson(text) : plainValue;
            case YAML -> plainValue instanceof String text ? readYaml(text) : plainValue;
            case FILE -> parseFileUri(definition, text(plainValue));
            default -> parseScalar(definition, definition.type(), text(plainValue));
        };
    }

    private static String text(Object value) throws InvalidValueException {
        if (value instanceof String text) {
            return text;
        }
        throw new InvalidValueException("expected a single value, not " + value);
    }

    private Object parseScalar(InputDefinition definition, InputType type, String text)
            throws InvalidValueException {
        switch (type) {
            case STRING, SECRET -> {
                checkPattern(definition, text);
                return type == InputType.SECRET ? encrypt(text) : text;
            }
            case INT -> {
                int value = parse(() -> Integer.valueOf(text));
                checkRange(
                        value,
                        definition.min() == null ? null : Integer.valueOf(definition.min()),
                        definition.max() == null ? null : Integer.valueOf(definition.max()),
                        definition);
                return value;
            }
            case FLOAT -> {
                float value = parse(() -> Float.valueOf(text));
                checkRange(
                        value,
                        definition.min() == null ? null : Float.valueOf(definition.min()),
                        definition.max() == null ? null : Float.valueOf(definition.max()),
                        definition);
                return value;
            }
            case BOOL, BOOLEAN -> {
                return Boolean.valueOf(text);
            }
            case SELECT, ENUM -> {
                boolean custom = type == InputType.SELECT && definition.allowCustomValue();
                if (!definition.values().contains(text) && definition.required() && !custom) {
                    throw new InvalidValueException(
                            "it must match the values `" + definition.values() + "`");
                }
                return text;
            }
            case DATETIME -> {
                Instant value = parse(() -> parseInstant(text));
                checkAfterBefore(
                        value,
                        definition.after() == null ? null : parseInstant(definition.after()),
                        definition.before() == null ? null : parseInstant(definition.before()),
                        definition);
                return value.toString();
            }
            case DATE -> {
                LocalDate value = parse(() -> LocalDate.parse(text));
                checkAfterBefore(
                        value,
                        definition.after() == null ? null : LocalDate.parse(definition.after()),
                        definition.before() == null ? null : LocalDate.parse(definition.before()),
                        definition);
                return value.toString();
            }
            case TIME -> {
                LocalTime value = parse(() -> LocalTime.parse(text));
                checkAfterBefore(
                        value,
                        definition.after() == null ? null : LocalTime.parse(definition.after()),
                        definition.before() == null ? null : LocalTime.parse(definition.before()),
                        definition);
                return value.toString();
            }
            case DURATION -> {
                Duration value = parse(() -> Duration.parse(text));
                if (definition.min() != null
                        && value.compareTo(Duration.parse(definition.min())) < 0) {
                    throw new InvalidValueException(
                            "It must be more than `" + definition.min() + "`");
                }
                if (definition.max() != null
                        && value.compareTo(Duration.parse(definition.max())) > 0) {
                    throw new InvalidValueException(
                            "It must be less than `" + definition.max() + "`");
                }
                return value.toString();
            }
            case URI -> {
                try {
                    URI uri = new URI(text);
                    if (uri.getScheme() == null) {
                        throw new InvalidValueException("Invalid URI format.");
                    }
                } catch (URISyntaxException e) {
                    throw new InvalidValueException("Invalid URI format.");
                }
                return text;
            }
            case EMAIL -> {
                if (!EMAIL.matcher(text).matches()) {
                    throw new InvalidValueException("The input must be a valid email");
                }
                return text;
            }
            case JSON -> {
                return readJson(text);
            }
            case YAML -> {
                return readYaml(text);
            }
            default ->
                    throw new InvalidValueException(
                            "the type " + type + " cannot hold a single value");
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    private void checkPattern(InputDefinition definition, String text)
            throws InvalidValueException {
        if (definition.validator() == null) {
            return;
        }
        try {
            if (!Pattern.matches(definition.validator(), text)) {
                throw new InvalidValueException(
                        "it must match the pattern `" + definition.validator() + "`");
            }
        } catch (PatternSyntaxException e) {
            throw new InvalidValueException(
                    "the validator is not a valid regex: " + e.getDescription());
        }
    }

    private static <T extends Comparable<T>> void checkRange(
            T value, T min, T max, InputDefinition definition) throws InvalidValueException {
        if (min != null && value.compareTo(min) < 0) {
            throw new InvalidValueException("it must be more than `" + definition.min() + "`");
        }
        if (max != null && value.compareTo(max) > 0) {
            throw new InvalidValueException("it must be less than `" + definition.max() + "`");
        }
    }

    private static <T extends Comparable<T>> void checkAfterBefore(
            T value, T after, T before, InputDefinition definition) throws InvalidValueException {
        if (after != null && value.compareTo(after) < 0) {
            throw new InvalidValueException("it must be after `" + definition.after() + "`");
        }
        if (before != null && value.compareTo(before) > 0) {
            throw new InvalidValueException("it must be before `" + definition.before() + "`");
        }
    }

    private List<Object> parseMultiselect(InputDefinition definition, Object raw)
            throws InvalidValueException {
        InputType itemType =
                definition.itemType() == null ? InputType.STRING : definition.itemType();
        List<Object> items = parseItems(definition, raw, itemType);
        if (!definition.allowCustomValue()) {
            for (Object item : items) {
                if (!definition.values().contains(String.valueOf(item))) {
                    throw new InvalidValueException(
                            "value `"
                                    + item
                                    + "` doesn't match the values `"
                                    + definition.values()
                                    + "`");
                }
            }
        }
        return items;
    }

    private List<Object> parseArray(InputDefinition definition, Object raw)
            throws InvalidValueException {
        if (definition.itemType() == null) {
            throw new InvalidValueException("the ARRAY input has no `itemType`");
        }
        return parseItems(definition, raw, definition.itemType());
    }

    private List<Object> parseItems(InputDefinition definition, Object raw, InputType itemType)
            throws InvalidValueException {
        Object list = raw instanceof String text ? readJson(text) : raw;
        if (!(list instanceof List<?> elements)) {
            throw new InvalidValueException("it must be a JSON array, such as [\"a\",\"b\"]");
        }
        List<Object> items = new ArrayList<>();
        for (Object element : elements) {
            try {
                if (itemType == InputType.JSON) {
                    items.add(element);
                } else {
                    String text = element instanceof String s ? s : String.valueOf(element);
                    items.add(parseScalar(withoutChecks(definition), itemType, text));
                }
            } catch (InvalidValueException | RuntimeException e) {
                throw new InvalidValueException(
                        "Unable to parse array element as `" + itemType + "` on `" + element + "`");
            }
        }
        return items;
    }

    /** Renders a SELECT or MULTISELECT {@code expression} into its list of values. */
    private List<String> renderValues(InputDefinition definition, Map<String, Object> variables)
            throws ExpressionException {
        String rendered = renderer.render(definition.expression(), variables);
        try {
            Object list = json.readValue(rendered, Object.class);
            if (list instanceof List<?> items) {
                List<String> values = new ArrayList<>();
                items.forEach(item -> values.add(String.valueOf(item)));
                return values;
            }
        } catch (JsonProcessingException e) {
            // Reported below with the rendered text.
        }
        throw new ExpressionException(
                "the expression of input `"
                        + definition.id()
                        + "` must render a JSON list of strings, not `"
                        + rendered
                        + "`",
                null);
    }

    private static InputDefinition withValues(InputDefinition definition, List<String> values) {
        return new InputDefinition(
                definition.id(),
                definition.type(),
                definition.typeName(),
                definition.displayName(),
                definition.description(),
                definition.required(),
                definition.defaults(),
                definition.prefill(),
                definition.validator(),
                definition.min(),
                definition.max(),
                definition.after(),
                definition.before(),
                values,
                definition.expression(),
                definition.allowCustomValue(),
                definition.isRadio(),
                definition.autoSelectFirst(),
                definition.itemType(),
                definition.allowedFileExtensions(),
                definition.dependsOn(),
                definition.source());
    }

    /** Copies the definition without its list-level checks, to convert one element. */
    private static InputDefinition withoutChecks(InputDefinition definition) {
        return new InputDefinition(
                definition.id(),
                definition.itemType(),
                definition.typeName(),
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                true,
                false,
                false,
                null,
                List.of(),
                null,
                definition.source());
    }

    private Object storeFile(
            InputDefinition definition, InputValue value, String storagePrefix, boolean store)
            throws InvalidValueException {
        String name = FileStore.safeFileName(value.fileName());
        checkExtension(definition, name);
        String uri = storagePrefix + "inputs/" + definition.id() + "/" + name;
        if (store) {
            files.put(uri, value.bytes());
        }
        return uri;
    }

    private Object parseFileUri(InputDefinition definition, String text)
            throws InvalidValueException {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && FILE_URI_SCHEMES.contains(uri.getScheme())) {
                return text;
            }
        } catch (URISyntaxException e) {
            // Reported below with the accepted forms.
        }
        throw new InvalidValueException(
                "send a file part, or a kestra://, nsfile:// or file:// URI, not `" + text + "`");
    }

    private static void checkExtension(InputDefinition definition, String name)
            throws InvalidValueException {
        if (definition.allowedFileExtensions().isEmpty()) {
            return;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        if (!definition.allowedFileExtensions().contains(extension)) {
            throw new InvalidValueException(
                    "File type not allowed. Accepted extensions: "
                            + String.join(", ", definition.allowedFileExtensions()));
        }
    }

    private Object readJson(String text) throws InvalidValueException {
        try {
            return json.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new InvalidValueException("Invalid JSON: " + e.getOriginalMessage());
        }
    }

    private Object readYaml(String text) throws InvalidValueException {
        try {
            return yaml.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new InvalidValueException("Invalid YAML: " + e.getOriginalMessage());
        }
    }

    private Map<String, Object> encrypt(String text) throws InvalidValueException {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secretKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, all, 0, iv.length);
            System.arraycopy(sealed, 0, all, iv.length, sealed.length);
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("type", "io.kestra.datatype:aes_encrypted");
            value.put("value", Base64.getEncoder().encodeToString(all));
            return value;
        } catch (GeneralSecurityException e) {
            throw new InvalidValueException(
                    "Unable to encrypt the SECRET value: " + e.getMessage());
        }
    }

    private interface Parser<T> {
        T parse();
    }

    private static <T> T parse(Parser<T> parser) throws InvalidValueException {
        try {
            return parser.parse();
        } catch (NumberFormatException e) {
            throw new InvalidValueException(e.getMessage());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(
                    "Text '" + e.getParsedString() + "' could not be parsed");
        }
    }

    /** An input value that Kestra would reject; the message is Kestra's cause text. */
    static final class InvalidValueException extends Exception {
        InvalidValueException(String message) {
            super(message);
        }
    }
}
