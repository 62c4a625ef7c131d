package dev.flowfront.generator.load;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.definition.Access;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.Expiration;
import dev.flowfront.generator.definition.StageDefinition;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlReader;
import dev.flowfront.generator.yaml.YamlScalar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads Kestra App files into {@link AppDefinition}s, reporting structural mistakes. */
public final class AppLoader {

    /** Top-level keys of an app, in the order Kestra documents them. */
    public static final List<String> APP_KEYS =
            List.of(
                    "id",
                    "type",
                    "displayName",
                    "description",
                    "namespace",
                    "flowId",
                    "flowRevision",
                    "executionId",
                    "tags",
                    "thumbnail",
                    "access",
                    "disabled",
                    "expiration",
                    "layout");

    /** App ids become URL path segments, so they are limited to URL-safe characters. */
    private static final Pattern APP_ID = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9._-]*$");

    /** Kestra's namespace pattern. */
    private static final Pattern NAMESPACE = Pattern.compile("^[a-z0-9][a-z0-9._-]*$");

    private final YamlReader reader;
    private final ProblemCollector problems;
    private final YamlFields fields;
    private final LayoutLoader layoutLoader;

    public AppLoader(YamlReader reader, ProblemCollector problems) {
        this.reader = reader;
        this.problems = problems;
        this.fields = new YamlFields(problems);
        this.layoutLoader = new LayoutLoader(problems);
    }

    /** Reads one app; empty when the file is not a usable app (the problems give the reason). */
    public Optional<AppDefinition> load(SourceFile file) {
        return load(file, file.readBytes());
    }

    /**
     * Reads one app from the given content of its file, which the caller read already, for example
     * to tell whether the file changed.
     */
    public Optional<AppDefinition> load(SourceFile file, byte[] content) {
        Optional<YamlNode> root = reader.read(file.displayPath(), content, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        if (!(root.get() instanceof YamlMap map)) {
            problems.error(
                    root.get().location(),
                    "an app must be a map, not " + root.get().kindName(),
                    "Start the file with 'id:', 'type:' and 'namespace:' lines");
            return Optional.empty();
        }
        Optional<String> id = fields.requiredString(map, "id", "app", "Add 'id: my_app'");
        String where = "app '" + id.orElse("?") + "'";
        fields.warnUnknownKeys(map, APP_KEYS, where, "an app");
        id.ifPresent(value -> checkPattern(map, "id", value, APP_ID, where));
        String type = readType(map, where);
        Optional<String> namespace =
                fields.requiredString(map, "namespace", where, "Add 'namespace: company.team'");
        namespace.ifPresent(value -> checkPattern(map, "namespace", value, NAMESPACE, where));
        Optional<String> flowId =
                fields.requiredString(map, "flowId", where, "Add the id of the flow the app runs");
        if (id.isEmpty() || namespace.isEmpty() || flowId.isEmpty()) {
            return Optional.empty();
        }
        Optional<YamlNode> layoutNode = map.get("layout");
        List<StageDefinition> layout =
                layoutNode.isPresent()
                        ? layoutLoader.read(map, where)
                        : LayoutLoader.defaultLayout(map.location());
        return Optional.of(
                new AppDefinition(
                        id.get(),
                        type,
                        fields.string(map, "displayName", where).orElse(null),
                        fields.string(map, "description", where).orElse(null),
                        namespace.get(),
                        flowId.get(),
                        flowRevision(map, where),
                        fields.string(map, "executionId", where).orElse(null),
                        fields.stringList(map, "tags", where),
                        fields.string(map, "thumbnail", where).orElse(null),
                        access(map, where),
                        fields.bool(map, "disabled", where).orElse(false),
                        expiration(map, where),
                        layout,
                        layoutNode.isEmpty(),
                        file.path(),
                        file.displayPath(),
                        map));
    }

    private String readType(YamlMap map, String where) {
        Optional<String> type =
                fields.requiredString(
                        map, "type", where, "Add 'type: " + AppDefinition.EXECUTION_APP_TYPE + "'");
        if (type.isPresent() && !type.get().equals(AppDefinition.EXECUTION_APP_TYPE)) {
            problems.error(
                    map.valueLocation("type"),
                    "app type '" + type.get() + "' is not supported (" + where + ")",
                    "Use 'type: "
                            + AppDefinition.EXECUTION_APP_TYPE
                            + "'; it is the app type that drives a flow execution");
        }
        return type.orElse(AppDefinition.EXECUTION_APP_TYPE);
    }

    private void checkPattern(
            YamlMap map, String key, String value, Pattern pattern, String where) {
        if (!pattern.matcher(value).matches()) {
            String example = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
            problems.error(
                    map.valueLocation(key),
                    key
                            + " '"
                            + value
                            + "' contains characters that are not allowed ("
                            + where
                            + ")",
                    "Use letters, digits, '.', '_' or '-'"
                            + (key.equals("namespace") ? " in lower case" : "")
                            + ", e.g. '"
                            + example
                            + "'");
        }
    }

    private Integer flowRevision(YamlMap map, String where) {
        Optional<String> text = fields.string(map, "flowRevision", where);
        if (text.isEmpty()) {
            return null;
        }
        try {
            int revision = Integer.parseInt(text.get().trim());
            if (revision >= 1) {
                return revision;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        problems.error(
                map.valueLocation("flowRevision"),
                "flowRevision '" + text.get() + "' is not a revision number (" + where + ")",
                "Use a whole number from 1, or remove it to run the latest revision");
        return null;
    }

    private Access access(YamlMap map, String where) {
        Optional<YamlNode> node = map.get("access");
        if (node.isEmpty()) {
            return Access.DEFAULT;
        }
        if (node.get() instanceof YamlScalar scalar) {
            return new Access(accessType(scalar.text(), scalar.location(), where), true, List.of());
        }
        Optional<YamlMap> accessMap = fields.map(map, "access", where);
        if (accessMap.isEmpty()) {
            return Access.DEFAULT;
        }
        YamlMap access = accessMap.get();
        fields.warnUnknownKeys(access, List.of("type", "catalog", "groups"), where, "access");
        Access.Type type =
                fields.string(access, "type", where)
                        .map(text -> accessType(text, access.valueLocation("type"), where))
                        .orElse(Access.DEFAULT.type());
        return new Access(
                type,
                fields.bool(access, "catalog", where).orElse(true),
                fields.stringList(access, "groups", where));
    }

    private Access.Type accessType(String text, SourceLocation location, String where) {
        try {
            return Access.Type.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.error(
                    location,
                    "access type '" + text + "' is unknown (" + where + ")",
                    "Use PUBLIC or PRIVATE");
            return Access.DEFAULT.type();
        }
    }

    private Expiration expiration(YamlMap map, String where) {
        Optional<YamlMap> node = fields.map(map, "expiration", where);
        if (node.isEmpty()) {
            return null;
        }
        YamlMap expiration = node.get();
        fields.warnUnknownKeys(expiration, List.of("startDate", "endDate"), where, "expiration");
        Instant start = instant(expiration, "startDate", where);
        Instant end = instant(expiration, "endDate", where);
        if (start != null && end != null && end.isBefore(start)) {
            problems.error(
                    expiration.valueLocation("endDate"),
                    "expiration endDate is before its startDate (" + where + ")",
                    "Swap the two dates");
        }
        return new Expiration(start, end);
    }

    /** Reads an ISO-8601 instant, offset date-time, local date-time (UTC) or date (UTC). */
    private Instant instant(YamlMap map, String key, String where) {
        Optional<String> text = fields.string(map, key, where);
        if (text.isEmpty()) {
            return null;
        }
        String value = text.get().trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    problems.error(
                            map.valueLocation(key),
                            key + " '" + value + "' is not a date (" + where + ")",
                            "Use ISO-8601, e.g. '2026-12-31T23:59:59Z' or '2026-12-31'");
                    return null;
                }
            }
        }
    }
}
