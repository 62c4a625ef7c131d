package dev.flowfront.generator.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.GeneratorException;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.BlockDefinition;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.definition.OutputDefinition;
import dev.flowfront.generator.definition.Stage;
import dev.flowfront.generator.definition.StageDefinition;
import dev.flowfront.generator.definition.TaskDefinition;
import dev.flowfront.generator.expression.ExpressionCompiler;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Renders the page of one app: every stage of its layout pre-rendered in a hidden section, the
 * built-in ERROR and STATUS sections, and the configuration the runtime reads.
 *
 * <p>Templates come from the templates module on the classpath, with autoescaping on and strict
 * variables, so a template that reads a missing value fails the build instead of printing nothing.
 * An instance can render many pages, one at a time or concurrently.
 */
public final class PageRenderer {

    private static final String TEMPLATE_ROOT = "dev/flowfront/templates";

    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    /** Headings of the sections, read by screen readers when the runtime focuses them. */
    private static final Map<Stage, String> STAGE_TITLES = new EnumMap<>(Stage.class);

    static {
        STAGE_TITLES.put(Stage.OPEN, "Start");
        STAGE_TITLES.put(Stage.CREATED, "Request submitted");
        STAGE_TITLES.put(Stage.RUNNING, "In progress");
        STAGE_TITLES.put(Stage.PAUSE, "Waiting for approval");
        STAGE_TITLES.put(Stage.RESUME, "Resumed");
        STAGE_TITLES.put(Stage.SUCCESS, "Completed");
        STAGE_TITLES.put(Stage.FAILURE, "Failed");
        STAGE_TITLES.put(Stage.ERROR, "Something went wrong");
        STAGE_TITLES.put(Stage.FALLBACK, "Status");
    }

    private final PebbleEngine engine;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final ExpressionCompiler expressionCompiler;

    public PageRenderer() {
        this(new ExpressionCompiler());
    }

    /**
     * Creates a renderer that compiles expressions with the given compiler, so that it can share
     * the compiler's cached results with the validator.
     */
    public PageRenderer(ExpressionCompiler expressionCompiler) {
        this.expressionCompiler = expressionCompiler;
        ClasspathLoader loader = new TemplateLoader(PageRenderer.class.getClassLoader());
        loader.setPrefix(TEMPLATE_ROOT);
        this.engine =
                new PebbleEngine.Builder()
                        .loader(loader)
                        .autoEscaping(true)
                        .strictVariables(true)
                        .newLineTrimming(true)
                        .defaultLocale(Locale.ROOT)
                        .build();
    }

    /** Returns the page's path relative to the site root. */
    public static String pagePath(AppDefinition app) {
        return pageUrl(app) + "index.html";
    }

    /**
     * Returns the URL of the page's folder relative to the site root, such as {@code apps/ns/id/}.
     */
    public static String pageUrl(AppDefinition app) {
        return "apps/" + app.namespace() + "/" + app.id() + "/";
    }

    /**
     * Renders one page. Problems found while rendering (unsafe Markdown, expressions that do not
     * compile, missing images) go to {@code problems}; the caller writes the page only when no
     * ERROR was added.
     *
     * @param flow the flow the app drives, or null when it is missing (the validator reports it)
     * @throws GeneratorException when a template fails, which is a bug in the templates
     */
    public RenderedPage render(
            AppDefinition app,
            FlowDefinition flow,
            PageSettings settings,
            ProblemCollector problems) {
        String rootPrefix = "../../../";
        ExpressionTable expressions = new ExpressionTable(expressionCompiler, problems);
        BlockRenderer blocks =
                new BlockRenderer(
                        app,
                        flow,
                        rootPrefix,
                        settings.assets(),
                        settings.namespaceFiles(),
                        problems,
                        expressions,
                        markdown);
        List<StageView> stages = new ArrayList<>();
        for (StageDefinition stage : app.layout()) {
            if (stage.stage() == null) {
                continue;
            }
            List<BlockView> views = new ArrayList<>();
            for (BlockDefinition block : stage.blocks()) {
                blocks.render(block, stage.name()).ifPresent(views::add);
            }
            stages.add(new StageView(stage.stage().name(), STAGE_TITLES.get(stage.stage()), views));
        }
        if (app.stage(Stage.ERROR).isEmpty()) {
            stages.add(
                    new StageView(
                            Stage.ERROR.name(),
                            STAGE_TITLES.get(Stage.ERROR),
                            List.of(builtIn("builtin-error", Map.of()))));
        }
        stages.add(
                new StageView(
                        "STATUS",
                        "Execution status",
                        List.of(builtIn("builtin-status", Map.of()))));

        CompileOptions options = settings.options();
        String config = Json.writeForScript(configuration(app, flow, options, expressions));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", app.title());
        page.put("description", app.description() == null ? null : app.description().strip());
        page.put("csp", ContentSecurityPolicy.forPage(options.kestraUrl(), blocks.imageOrigins()));
        page.put("scriptHref", rootPrefix + settings.links().script());
        page.put("scriptIntegrity", settings.links().scriptIntegrity());
        page.put("deferredScriptHref", rootPrefix + settings.links().deferredScript());
        page.put("deferredScriptIntegrity", settings.links().deferredScriptIntegrity());
        page.put("stylesheetHref", rootPrefix + settings.links().stylesheet());
        // index.html by name, because a bucket served as plain files may not map a folder to it.
        page.put("catalogHref", rootPrefix + "index.html");
        page.put("stylesheetIntegrity", settings.links().stylesheetIntegrity());
        page.put("brandingHref", rootPrefix + settings.branding().path());
        page.put("brandingIntegrity", settings.branding().integrity());
        page.put("stages", stages);
        page.put("config", config);
        return new RenderedPage(
                app.id(),
                app.namespace(),
                pagePath(app),
                evaluate("page.peb", Map.of("page", page)));
    }

    private static BlockView builtIn(String template, Map<String, Object> data) {
        String simpleName = template.equals("builtin-error") ? "Alert" : "Markdown";
        String kebab = template.equals("builtin-error") ? "alert" : "markdown";
        return new BlockView(template, kebab, simpleName, data);
    }

    private String evaluate(String template, Map<String, Object> context) {
        try {
            PebbleTemplate compiled = engine.getTemplate(template);
            StringWriter writer = new StringWriter();
            compiled.evaluate(writer, context, Locale.ROOT);
            return writer.toString();
        } catch (PebbleException | IOException e) {
            throw new GeneratorException("Template " + template + " failed: " + e.getMessage(), e);
        }
    }

    private static ObjectNode configuration(
            AppDefinition app,
            FlowDefinition flow,
            CompileOptions options,
            ExpressionTable expressions) {
        ObjectNode config = Json.object();
        ObjectNode api = config.putObject("api");
        api.put("baseUrl", TRAILING_SLASHES.matcher(options.kestraUrl()).replaceAll(""));
        api.put("tenant", options.tenant());
        api.put("auth", options.auth().configName());

        ObjectNode appNode = config.putObject("app");
        appNode.put("id", app.id());
        appNode.put("namespace", app.namespace());
        appNode.put("flowId", app.flowId());
        if (app.flowRevision() == null) {
            appNode.putNull("flowRevision");
        } else {
            appNode.put("flowRevision", app.flowRevision());
        }
        appNode.put("executionId", app.executionId());
        appNode.put("title", app.title());
        appNode.put("url", appUrl(app, options.siteUrl()));

        ObjectNode expiration = config.putObject("expiration");
        expiration.put(
                "startDate",
                app.expiration() == null || app.expiration().startDate() == null
                        ? null
                        : app.expiration().startDate().toString());
        expiration.put(
                "endDate",
                app.expiration() == null || app.expiration().endDate() == null
                        ? null
                        : app.expiration().endDate().toString());

        ArrayNode inputs = config.putArray("inputs");
        ArrayNode outputs = config.putArray("outputs");
        ObjectNode resume = config.putObject("resume");
        if (flow != null) {
            flow.inputs().forEach(input -> inputs.add(inputEntry(input, expressions)));
            for (OutputDefinition output : flow.outputs()) {
                ObjectNode entry = outputs.addObject();
                entry.put("id", output.id());
                entry.put("type", output.type());
                entry.put("label", output.label());
            }
            for (TaskDefinition task : flow.pauseTasks()) {
                ArrayNode taskInputs = resume.putArray(task.id());
                task.onResume().forEach(input -> taskInputs.add(inputEntry(input, expressions)));
            }
        }
        ArrayNode stages = config.putArray("stages");
        app.layout().stream()
                .map(StageDefinition::stage)
                .filter(stage -> stage != null)
                .forEach(stage -> stages.add(stage.name()));
        // Conditions were compiled above, so the table is complete now.
        ObjectNode expressionNode = config.putObject("expressions");
        expressions.entries().forEach(expressionNode::set);
        return config;
    }

    private static ObjectNode inputEntry(InputDefinition input, ExpressionTable expressions) {
        ObjectNode entry = Json.object();
        entry.put("id", input.id());
        entry.put("type", input.type() == null ? input.typeName() : input.type().name());
        entry.put("label", input.label());
        entry.put("required", input.required());
        entry.put("itemType", input.itemType() == null ? null : input.itemType().name());
        ArrayNode values = entry.putArray("values");
        input.values().forEach(values::add);
        entry.put("allowCustomValue", input.allowCustomValue());
        if (input.dependsOn() == null) {
            entry.putNull("dependsOn");
            return entry;
        }
        ObjectNode dependsOn = entry.putObject("dependsOn");
        ArrayNode ids = dependsOn.putArray("inputs");
        input.dependsOn().inputs().forEach(ids::add);
        String condition = input.dependsOn().condition();
        Optional<String> conditionId =
                condition == null || condition.isBlank()
                        ? Optional.empty()
                        : expressions.condition(condition);
        dependsOn.put("condition", conditionId.orElse(null));
        dependsOn.put("server", condition != null && !condition.isBlank() && conditionId.isEmpty());
        return entry;
    }

    private static String appUrl(AppDefinition app, String siteUrl) {
        if (siteUrl.isEmpty()) {
            // Resolved against the page's own address, a link to "./" reopens the page without
            // its query, so "Submit new request" buttons work without a configured site URL.
            return "./";
        }
        String base = siteUrl.endsWith("/") ? siteUrl : siteUrl + "/";
        return base + "apps/" + app.namespace() + "/" + app.id() + "/";
    }
}
