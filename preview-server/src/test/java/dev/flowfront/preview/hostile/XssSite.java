package dev.flowfront.preview.hostile;

import dev.flowfront.generator.api.AppCompiler;
import dev.flowfront.generator.api.Branding;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A site with one app and one flow per XSS vector, the vector in every author field. Fields the
 * build rejects with a located error are counted, replaced by plain text and the build is run
 * again, until it succeeds.
 */
final class XssSite {

    static final String NAMESPACE = "hostile";

    /** Author fields of an app file. */
    static final List<String> APP_FIELDS =
            List.of(
                    "app displayName",
                    "app description",
                    "app tag",
                    "thumbnail path",
                    "Markdown content",
                    "Alert content",
                    "Button text",
                    "Button url",
                    "TaskOutputs displayName",
                    "TaskOutputs value",
                    "RedirectTo url");

    /** Author fields of a flow file. */
    static final List<String> FLOW_FIELDS =
            List.of(
                    "input displayName",
                    "input description",
                    "input defaults",
                    "SELECT values",
                    "SELECT defaults");

    private static final int MAX_BUILDS = 8;

    private final List<String> vectors;
    private final Path apps;
    private final Path flows;
    private final Path namespaceFiles;
    private final Path plainApps;
    private final Path plainFlows;
    private final Set<String> rejected = new HashSet<>();
    private long warningCount;
    private final List<YamlLines> appFiles = new ArrayList<>();
    private final List<YamlLines> flowFiles = new ArrayList<>();
    private int builds;

    XssSite(List<String> vectors, Path work) throws IOException {
        this.vectors = vectors;
        this.apps = Files.createDirectories(work.resolve("apps"));
        this.flows = Files.createDirectories(work.resolve("flows"));
        this.namespaceFiles = Files.createDirectories(work.resolve("nsfiles"));
        Files.createDirectories(namespaceFiles.resolve(NAMESPACE));
        this.plainApps = Files.createDirectories(work.resolve("plain-apps"));
        this.plainFlows = Files.createDirectories(work.resolve("plain-flows"));
        Files.writeString(
                plainFlows.resolve("flow0.yaml"),
                "id: flow0\nnamespace: "
                        + NAMESPACE
                        + "\ntasks:\n  - id: echo\n"
                        + "    type: io.kestra.plugin.core.log.Log\n    message: hello\n");
        Files.writeString(
                plainApps.resolve("plain.yaml"),
                "id: plain\ntype: io.kestra.plugin.ee.apps.Execution\n"
                        + "namespace: "
                        + NAMESPACE
                        + "\nflowId: flow0\n");
    }

    static String appId(int index) {
        return "xss" + index;
    }

    Path flowsFolder() {
        return flows;
    }

    /**
     * Builds the site into {@code output}, dropping each rejected field until the build passes.
     *
     * @throws AssertionError when an error cannot be traced to a field, or the build never passes
     */
    void build(Path output) {
        CompileResult result = null;
        do {
            if (++builds > MAX_BUILDS) {
                throw new AssertionError(
                        "the build still fails after "
                                + MAX_BUILDS
                                + " runs: "
                                + result.problems().stream().filter(Problem::isError).toList());
            }
            writeFiles();
            result = new AppCompiler().compile(options(output, Branding.DEFAULT));
            for (Problem problem : result.problems()) {
                if (problem.isError()) {
                    rejected.add(fieldOf(problem));
                }
            }
        } while (result.hasErrors());
        // A build keeps the first 100 problems and counts the rest. This one has no errors, so
        // every
        // dropped problem is a warning.
        warningCount = result.warningCount() + result.droppedCount();
    }

    /**
     * Builds a site of one plain app whose branding title is the vector.
     *
     * @return whether the build accepted the title
     */
    boolean buildWithTitle(String title, Path output) {
        CompileResult result =
                new AppCompiler()
                        .compile(
                                options(
                                        plainApps,
                                        plainFlows,
                                        output,
                                        new Branding(title, null, null, null, null, null, null)));
        return !result.hasErrors();
    }

    private CompileOptions options(Path output, Branding branding) {
        return options(apps, flows, output, branding);
    }

    private CompileOptions options(
            Path appsFolder, Path flowsFolder, Path output, Branding branding) {
        return CompileOptions.builder()
                .appsDirectory(appsFolder)
                .flowsDirectory(flowsFolder)
                .namespaceFilesDirectory(namespaceFiles)
                .outputDirectory(output)
                .branding(branding)
                .build();
    }

    /** Returns {@code index/field} for the field a build error points at. */
    private String fieldOf(Problem problem) {
        String file = problem.location().file();
        for (int index = 0; index < vectors.size(); index++) {
            YamlLines lines = null;
            if (file.endsWith("/" + appId(index) + ".yaml")) {
                lines = appFiles.get(index);
            } else if (file.endsWith("/flow" + index + ".yaml")) {
                lines = flowFiles.get(index);
            }
            if (lines != null) {
                String field = lines.fieldAt(problem.location().line());
                if (field == null) {
                    throw new AssertionError("an error outside any vector field: " + problem);
                }
                return index + "/" + field;
            }
        }
        throw new AssertionError("an error in no generated file: " + problem);
    }

    private String value(int index, String field) {
        return rejected.contains(index + "/" + field) ? null : vectors.get(index);
    }

    /** Returns the vector, or a harmless stand-in when the build rejected it in this field. */
    private String valueOr(int index, String field, String standIn) {
        String value = value(index, field);
        return value == null ? standIn : value;
    }

    private void writeFiles() {
        appFiles.clear();
        flowFiles.clear();
        try {
            for (int index = 0; index < vectors.size(); index++) {
                YamlLines app = app(index);
                YamlLines flow = flow(index);
                appFiles.add(app);
                flowFiles.add(flow);
                Files.writeString(apps.resolve(appId(index) + ".yaml"), app.text());
                Files.writeString(flows.resolve("flow" + index + ".yaml"), flow.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private YamlLines app(int index) {
        String block = "      - type: io.kestra.plugin.ee.apps.";
        YamlLines yaml =
                new YamlLines()
                        .raw("id: " + appId(index))
                        .raw("type: io.kestra.plugin.ee.apps.Execution")
                        .raw("namespace: " + NAMESPACE)
                        .raw("flowId: flow" + index)
                        .field(
                                "",
                                "displayName: ",
                                "app displayName",
                                valueOr(index, "app displayName", "rejected"))
                        .field(
                                "",
                                "description: ",
                                "app description",
                                valueOr(index, "app description", "rejected"))
                        .raw("tags:")
                        .field("  ", "- ", "app tag", valueOr(index, "app tag", "rejected"));
        String thumbnail = value(index, "thumbnail path");
        yaml.field(
                        "",
                        "thumbnail: ",
                        "thumbnail path",
                        thumbnail == null ? null : "nsfiles:///" + thumbnail)
                .raw("layout:")
                .raw("  - on: OPEN")
                .raw("    blocks:")
                .raw(block + "core.blocks.Markdown")
                .field(
                        "        ",
                        "content: ",
                        "Markdown content",
                        valueOr(index, "Markdown content", "rejected"))
                .raw(block + "core.blocks.Alert")
                .raw("        style: INFO")
                .field(
                        "        ",
                        "content: ",
                        "Alert content",
                        valueOr(index, "Alert content", "rejected"))
                .raw(block + "core.blocks.Button")
                .field(
                        "        ",
                        "text: ",
                        "Button text",
                        valueOr(index, "Button text", "rejected"))
                .field(
                        "        ",
                        "url: ",
                        "Button url",
                        valueOr(index, "Button url", "https://127.0.0.1/"))
                .raw(block + "execution.blocks.CreateExecutionForm")
                .raw("  - on: SUCCESS")
                .raw("    blocks:")
                .raw(block + "execution.blocks.TaskOutputs")
                .raw("        outputs:")
                .field(
                        "          ",
                        "- displayName: ",
                        "TaskOutputs displayName",
                        valueOr(index, "TaskOutputs displayName", "rejected"))
                .field(
                        "            ",
                        "value: ",
                        "TaskOutputs value",
                        valueOr(index, "TaskOutputs value", "rejected"))
                .raw("  - on: FAILURE")
                .raw("    blocks:")
                .raw(block + "core.blocks.RedirectTo")
                .field(
                        "        ",
                        "url: ",
                        "RedirectTo url",
                        valueOr(index, "RedirectTo url", "https://127.0.0.1/"));
        return yaml;
    }

    private YamlLines flow(int index) {
        return new YamlLines()
                .raw("id: flow" + index)
                .raw("namespace: " + NAMESPACE)
                .raw("inputs:")
                .raw("  - id: payload")
                .raw("    type: STRING")
                .raw("    required: false")
                .field(
                        "    ",
                        "displayName: ",
                        "input displayName",
                        valueOr(index, "input displayName", "rejected"))
                .field(
                        "    ",
                        "description: ",
                        "input description",
                        valueOr(index, "input description", "rejected"))
                .field(
                        "    ",
                        "defaults: ",
                        "input defaults",
                        valueOr(index, "input defaults", "rejected"))
                .raw("  - id: choice")
                .raw("    type: SELECT")
                .raw("    required: false")
                .raw("    values:")
                .field("      ", "- ", "SELECT values", valueOr(index, "SELECT values", "rejected"))
                .raw("      - plain")
                .field(
                        "    ",
                        "defaults: ",
                        "SELECT defaults",
                        valueOr(index, "SELECT defaults", "rejected"))
                .raw("tasks:")
                .raw("  - id: echo")
                .raw("    type: io.kestra.plugin.core.log.Log")
                .raw("    message: hello");
    }

    int rejectedCount() {
        return rejected.size();
    }

    int buildCount() {
        return builds;
    }

    /** Returns the warnings of the last build, the ones past the cap of 100 included. */
    long warningCount() {
        return warningCount;
    }

    /**
     * Validates one app whose only block is a Markdown block with the vector, and returns its
     * warnings. A separate build, because a build keeps only the first 100 problems.
     *
     * @return the warnings, or null when the build rejects the vector
     */
    List<Problem> markdownWarnings(int index) {
        try {
            Path folder = Files.createDirectories(plainApps.resolveSibling("markdown" + index));
            YamlLines app =
                    new YamlLines()
                            .raw("id: markdown" + index)
                            .raw("type: io.kestra.plugin.ee.apps.Execution")
                            .raw("namespace: " + NAMESPACE)
                            .raw("flowId: flow0")
                            .raw("layout:")
                            .raw("  - on: OPEN")
                            .raw("    blocks:")
                            .raw("      - type: io.kestra.plugin.ee.apps.core.blocks.Markdown")
                            .field("        ", "content: ", "Markdown content", vectors.get(index));
            Files.writeString(folder.resolve("markdown.yaml"), app.text());
            CompileResult result =
                    new AppCompiler().validate(options(folder, plainFlows, null, Branding.DEFAULT));
            if (result.hasErrors()) {
                return null;
            }
            return result.problems().stream()
                    .filter(problem -> problem.location().file().endsWith("markdown.yaml"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean rejected(int index, String field) {
        return rejected.contains(index + "/" + field);
    }
}
