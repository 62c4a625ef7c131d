package dev.flowfront.generator.render;

import dev.flowfront.generator.api.AssetSink;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.BlockDefinition;
import dev.flowfront.generator.definition.BlockType;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.definition.TaskDefinition;
import dev.flowfront.generator.site.NamespaceFiles;
import dev.flowfront.generator.yaml.YamlList;
import dev.flowfront.generator.yaml.YamlMap;
import dev.flowfront.generator.yaml.YamlNode;
import dev.flowfront.generator.yaml.YamlScalar;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the blocks of one page into views for the block templates. One instance per page: it
 * collects the page's expressions and the origins its Image blocks load from.
 */
final class BlockRenderer {

    /** File extensions an Image block may point at in namespace files. */
    private static final Set<String> IMAGE_EXTENSIONS =
            Set.of("png", "jpg", "jpeg", "gif", "webp", "avif", "svg");

    /** CSS modifiers by block type, such as {@code create-execution-form}. */
    private static final Map<BlockType, String> KEBAB_NAMES = kebabNames();

    private final AppDefinition app;
    private final FlowDefinition flow;
    private final String rootPrefix;
    private final AssetSink assets;
    private final NamespaceFiles namespaceFiles;
    private final ProblemCollector problems;
    private final ExpressionTable expressions;
    private final MarkdownRenderer markdown;
    private final FieldFactory fields;
    private final Set<String> imageOrigins = new TreeSet<>();

    BlockRenderer(
            AppDefinition app,
            FlowDefinition flow,
            String rootPrefix,
            AssetSink assets,
            NamespaceFiles namespaceFiles,
            ProblemCollector problems,
            ExpressionTable expressions,
            MarkdownRenderer markdown) {
        this.app = app;
        this.flow = flow;
        this.rootPrefix = rootPrefix;
        this.assets = assets;
        this.namespaceFiles = namespaceFiles;
        this.problems = problems;
        this.expressions = expressions;
        this.markdown = markdown;
        this.fields = new FieldFactory(markdown, expressions, problems);
    }

    /** Origins of remote Image blocks, for the page's {@code img-src}. */
    Set<String> imageOrigins() {
        return imageOrigins;
    }

    /** Renders a block; empty for a block of unknown type, which the loader reported. */
    Optional<BlockView> render(BlockDefinition block, String stageName) {
        if (block.type() == null) {
            return Optional.empty();
        }
        String where =
                "stage '" + stageName + "', block " + block.index() + " of app '" + app.id() + "'";
        Map<String, Object> data = new LinkedHashMap<>();
        String template =
                switch (block.type()) {
                    case MARKDOWN -> markdown(block, where, data);
                    case ALERT -> alert(block, where, data);
                    case BUTTON -> button(block, where, data);
                    case LOADING, AUTO_REFRESH, DIVIDER, STACKTRACE -> "simple";
                    case REDIRECT_TO -> redirect(block, where, data);
                    case IMAGE -> image(block, where, data);
                    case TABLE -> table(block, where, data);
                    case CREATE_EXECUTION_FORM -> createForm(data);
                    case CREATE_EXECUTION_BUTTON ->
                            actionButton(block, where, data, "create", "Submit");
                    case RESUME_EXECUTION_FORM -> resumeForm(data);
                    case RESUME_EXECUTION_BUTTON ->
                            actionButton(block, where, data, "resume", "Resume");
                    case CANCEL_EXECUTION_BUTTON ->
                            actionButton(block, where, data, "kill", "Cancel");
                    case INPUTS, OUTPUTS -> valuesFilter(block, data);
                    case LOGS -> logs(block, data);
                    case TASK_OUTPUTS -> taskOutputs(block, where, data);
                };
        return Optional.of(
                new BlockView(template, kebab(block.type()), block.type().simpleName(), data));
    }

    static String kebab(BlockType type) {
        return KEBAB_NAMES.get(type);
    }

    private static Map<BlockType, String> kebabNames() {
        Map<BlockType, String> names = new EnumMap<>(BlockType.class);
        for (BlockType type : BlockType.values()) {
            names.put(
                    type,
                    type.simpleName()
                            .replaceAll("([a-z])([A-Z])", "$1-$2")
                            .toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private String markdown(BlockDefinition block, String where, Map<String, Object> data) {
        data.put("html", markdownHtml(block, "content", where));
        return "markdown";
    }

    private String markdownHtml(BlockDefinition block, String key, String where) {
        return markdown.render(
                block.string(key).orElse(""),
                expressions,
                problems,
                block.properties().valueLocation(key),
                where);
    }

    private String alert(BlockDefinition block, String where, Map<String, Object> data) {
        String style = block.string("style").map(s -> s.toUpperCase(Locale.ROOT)).orElse("INFO");
        if (!BlockType.ALERT_STYLES.contains(style)) {
            style = "INFO";
        }
        data.put("style", style.toLowerCase(Locale.ROOT));
        data.put("role", style.equals("ERROR") || style.equals("WARNING") ? "alert" : "status");
        data.put("showIcon", block.flag("showIcon", false));
        data.put("html", markdownHtml(block, "content", where));
        return "alert";
    }

    private String button(BlockDefinition block, String where, Map<String, Object> data) {
        putButtonLook(block, data);
        data.put("text", text(block, "text", block.string("url").orElse("Open"), where));
        String url = block.string("url").orElse("");
        TextValue href = expressions.text(url, block.properties().valueLocation("url"), where);
        data.put("hrefExpression", href.expression());
        data.put("href", href.isLiteral() && isSafeLink(href.text()) ? href.text() : null);
        return "button";
    }

    private String actionButton(
            BlockDefinition block,
            String where,
            Map<String, Object> data,
            String action,
            String fallback) {
        putButtonLook(block, data);
        data.put("text", text(block, "text", fallback, where));
        data.put("action", action);
        return "action-button";
    }

    private static void putButtonLook(BlockDefinition block, Map<String, Object> data) {
        String style = block.string("style").map(s -> s.toUpperCase(Locale.ROOT)).orElse("DEFAULT");
        String size = block.string("size").map(s -> s.toUpperCase(Locale.ROOT)).orElse("DEFAULT");
        data.put(
                "style",
                BlockType.BUTTON_STYLES.contains(style)
                        ? style.toLowerCase(Locale.ROOT)
                        : "default");
        data.put(
                "size",
                size.equals("SMALL") || size.equals("LARGE")
                        ? size.toLowerCase(Locale.ROOT)
                        : null);
    }

    private TextValue text(BlockDefinition block, String key, String fallback, String where) {
        String value = block.string(key).filter(s -> !s.isBlank()).orElse(fallback);
        return expressions.text(value, block.properties().valueLocation(key), where);
    }

    private String redirect(BlockDefinition block, String where, Map<String, Object> data) {
        String url = block.string("url").orElse("");
        TextValue target = expressions.text(url, block.properties().valueLocation("url"), where);
        data.put("url", target.isLiteral() && isSafeLink(target.text()) ? target.text() : null);
        data.put("urlExpression", target.expression());
        long delayMs = 0;
        Optional<String> delay = block.string("delay");
        if (delay.isPresent()) {
            try {
                delayMs = Duration.parse(delay.get().strip()).toMillis();
            } catch (DateTimeParseException | ArithmeticException e) {
                // The validator reports an invalid delay, so this build is not written.
                delayMs = 0;
            }
        }
        data.put("delayMs", Long.toString(Math.max(delayMs, 0)));
        return "redirect-to";
    }

    private String image(BlockDefinition block, String where, Map<String, Object> data) {
        data.put("alt", block.string("altText").orElse(""));
        data.put("src", imageSource(block, where));
        return "image";
    }

    private String imageSource(BlockDefinition block, String where) {
        String url = block.string("url").orElse("").strip();
        SourceLocation at = block.properties().valueLocation("url");
        if (ExpressionTable.hasTemplate(url)) {
            problems.error(
                    at,
                    "Image url '" + url + "' holds an expression (" + where + ")",
                    "Use a fixed http(s) URL or an nsfiles:/// path; the page's Content Security"
                            + " Policy must name image origins when the site is built");
            return null;
        }
        if (NamespaceFiles.isNamespaceFile(url)) {
            return namespaceImage(url, at, where);
        }
        if (url.startsWith("data:image/")) {
            return url;
        }
        Optional<String> origin = httpOrigin(url);
        if (origin.isEmpty()) {
            problems.error(
                    at,
                    "Image url '"
                            + url
                            + "' is not an http, https, data:image or nsfiles:/// URL ("
                            + where
                            + ")",
                    "Use an absolute https:// URL or a namespace file such as nsfiles:///logo.png");
            return null;
        }
        imageOrigins.add(origin.get());
        return url;
    }

    private String namespaceImage(String uri, SourceLocation at, String where) {
        String extension = uri.substring(uri.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!IMAGE_EXTENSIONS.contains(extension)) {
            problems.error(
                    at,
                    "Image '" + uri + "' is not an image file (" + where + ")",
                    "Use a file ending in one of " + new TreeSet<>(IMAGE_EXTENSIONS));
            return null;
        }
        NamespaceFiles.Lookup lookup = namespaceFiles.lookup(app.namespace(), uri);
        String defect =
                switch (lookup.status()) {
                    case FOUND -> Files.isRegularFile(lookup.file()) ? null : "is a folder";
                    case NO_FOLDER ->
                            "cannot be read because the build has no namespace files" + " folder";
                    case MISSING -> "is not found; looked for " + lookup.file();
                    case OUTSIDE ->
                            "points outside the namespace files folder of " + app.namespace();
                    case NO_PATH, NOT_NAMESPACE_FILE, INVALID_PATH -> "is not a valid file path";
                };
        if (defect != null) {
            problems.error(
                    at,
                    "Image '" + uri + "' " + defect + " (" + where + ")",
                    lookup.status() == NamespaceFiles.Status.OUTSIDE
                            ? "Use a path inside the namespace's folder, without '..' or a"
                                    + " symbolic link that leads out of it"
                            : "Add the file to the namespace files folder, or fix the path");
            return null;
        }
        try {
            byte[] content = Files.readAllBytes(lookup.file());
            return rootPrefix + assets.put("img", extension, content);
        } catch (IOException e) {
            problems.error(
                    at,
                    "Image '" + uri + "' cannot be read (" + where + "): " + e.getMessage(),
                    "Check the file's permissions");
            return null;
        }
    }

    private String table(BlockDefinition block, String where, Map<String, Object> data) {
        List<String> columns = new ArrayList<>();
        List<List<TextValue>> rows = new ArrayList<>();
        Optional<YamlNode> node = block.node("data");
        if (node.isPresent() && node.get() instanceof YamlList list) {
            List<YamlMap> maps = new ArrayList<>();
            for (YamlNode item : list.items()) {
                if (item instanceof YamlMap map) {
                    maps.add(map);
                    map.keys().stream().filter(key -> !columns.contains(key)).forEach(columns::add);
                }
            }
            for (YamlMap map : maps) {
                List<TextValue> cells = new ArrayList<>();
                for (String column : columns) {
                    YamlNode cell = map.get(column).orElse(null);
                    String cellText =
                            cell == null
                                    ? ""
                                    : cell instanceof YamlScalar scalar
                                            ? scalar.text()
                                            : Json.write(Json.fromYaml(cell));
                    cells.add(
                            expressions.text(
                                    cellText,
                                    cell == null ? map.location() : cell.location(),
                                    where));
                }
                rows.add(cells);
            }
        }
        // The validator reports Table data that is not a list of maps.
        data.put("columns", columns);
        data.put("rows", rows);
        return "table";
    }

    private String createForm(Map<String, Object> data) {
        List<FieldView> formFields = new ArrayList<>();
        if (flow != null) {
            String where = "form of app '" + app.id() + "'";
            for (InputDefinition input : flow.inputs()) {
                formFields.add(fields.field(input, "create", where));
            }
        }
        data.put("fields", formFields);
        return "create-execution-form";
    }

    private String resumeForm(Map<String, Object> data) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        if (flow != null) {
            for (TaskDefinition task : flow.pauseTasks()) {
                String where = "resume form of task '" + task.id() + "', app '" + app.id() + "'";
                List<FieldView> taskFields = new ArrayList<>();
                for (InputDefinition input : task.onResume()) {
                    taskFields.add(fields.field(input, "resume-" + task.id(), where));
                }
                Map<String, Object> view = new TreeMap<>();
                view.put("id", task.id());
                view.put("fields", taskFields);
                tasks.add(view);
            }
        }
        data.put("tasks", tasks);
        return "resume-execution-form";
    }

    private String valuesFilter(BlockDefinition block, Map<String, Object> data) {
        Optional<YamlMap> filter =
                block.node("filter").filter(YamlMap.class::isInstance).map(YamlMap.class::cast);
        data.put("include", Json.write(stringList(filter, "include")));
        data.put("exclude", Json.write(stringList(filter, "exclude")));
        return "values";
    }

    private String logs(BlockDefinition block, Map<String, Object> data) {
        Optional<YamlMap> filter =
                block.node("filter").filter(YamlMap.class::isInstance).map(YamlMap.class::cast);
        String level =
                filter.flatMap(map -> map.get("logLevel"))
                        .filter(YamlScalar.class::isInstance)
                        .map(node -> ((YamlScalar) node).text().toUpperCase(Locale.ROOT))
                        .orElse("INFO");
        data.put("minLevel", level);
        data.put("taskIds", Json.write(stringList(filter, "taskIds")));
        return "logs";
    }

    private static List<String> stringList(Optional<YamlMap> map, String key) {
        Optional<YamlNode> node = map.flatMap(m -> m.get(key));
        if (node.isEmpty()) {
            return List.of();
        }
        if (node.get() instanceof YamlList list) {
            Set<String> values = new LinkedHashSet<>();
            list.items().stream()
                    .filter(YamlScalar.class::isInstance)
                    .map(item -> ((YamlScalar) item).text())
                    .forEach(values::add);
            return List.copyOf(values);
        }
        if (node.get() instanceof YamlScalar scalar && !scalar.isNull()) {
            return List.of(scalar.text());
        }
        return List.of();
    }

    private String taskOutputs(BlockDefinition block, String where, Map<String, Object> data) {
        List<Map<String, Object>> outputs = new ArrayList<>();
        Optional<YamlNode> node = block.node("outputs");
        if (node.isPresent() && node.get() instanceof YamlList list) {
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlMap map)) {
                    continue;
                }
                String value = scalarText(map, "value");
                String label = Optional.ofNullable(scalarText(map, "displayName")).orElse(value);
                TextValue compiled =
                        ExpressionTable.hasTemplate(value)
                                ? expressions.text(value, map.valueLocation("value"), where)
                                : TextValue.literal(value);
                Map<String, Object> output = new TreeMap<>();
                output.put("label", label == null ? "" : label);
                output.put(
                        "type",
                        Optional.ofNullable(scalarText(map, "type"))
                                .orElse("STRING")
                                .toUpperCase(Locale.ROOT));
                output.put("value", compiled);
                outputs.add(output);
            }
        }
        data.put("outputs", outputs);
        return "task-outputs";
    }

    private static String scalarText(YamlMap map, String key) {
        return map.get(key)
                .filter(YamlScalar.class::isInstance)
                .map(YamlScalar.class::cast)
                .filter(scalar -> !scalar.isNull())
                .map(YamlScalar::text)
                .orElse(null);
    }

    /** Returns whether a link target is http, https, mailto or relative, so never script. */
    static boolean isSafeLink(String url) {
        String value = url.strip();
        if (value.isEmpty()) {
            return false;
        }
        try {
            String scheme = new URI(value).getScheme();
            return scheme == null
                    || scheme.equalsIgnoreCase("http")
                    || scheme.equalsIgnoreCase("https")
                    || scheme.equalsIgnoreCase("mailto");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Returns {@code scheme://host[:port]} of an absolute http(s) URL. */
    static Optional<String> httpOrigin(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                return Optional.empty();
            }
            String origin =
                    scheme.toLowerCase(Locale.ROOT)
                            + "://"
                            + uri.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(uri.getPort() < 0 ? origin : origin + ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
