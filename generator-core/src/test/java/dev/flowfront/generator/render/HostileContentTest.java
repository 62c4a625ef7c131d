package dev.flowfront.generator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.SourceLocation;
import dev.flowfront.generator.api.TestSites;
import dev.flowfront.generator.expression.ExpressionCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the project's cross-site scripting vectors, kept with the preview server's hostile-input
 * fixtures, into Markdown and into every text an app puts on a page. Nothing able to run script or
 * load remote content may reach the markup.
 */
class HostileContentTest {

    private static final Path VECTORS =
            Path.of("../preview-server/src/test/resources/hostile/xss-vectors.txt");

    @TempDir Path work;

    private static List<String> vectors() throws IOException {
        List<String> vectors =
                Files.readAllLines(VECTORS, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .toList();
        assertThat(vectors).as("vectors in %s", VECTORS).hasSizeGreaterThan(50);
        return vectors;
    }

    @Test
    @Timeout(30)
    void markdownDropsEveryScriptVector() throws IOException {
        MarkdownRenderer renderer = new MarkdownRenderer();
        ExpressionCompiler compiler = new ExpressionCompiler();

        for (String vector : vectors()) {
            ProblemCollector problems = new ProblemCollector();
            String html =
                    renderer.render(
                            vector,
                            new ExpressionTable(compiler, problems),
                            problems,
                            new SourceLocation("app.yaml", 1, 1),
                            "test");

            assertSafe(Jsoup.parseBodyFragment(html), vector);
        }
    }

    @Test
    @Timeout(60)
    void pageTextsDropEveryScriptVector() throws IOException {
        Path apps = Files.createDirectories(work.resolve("apps"));
        Path flows = Files.createDirectories(work.resolve("flows"));
        // Vectors with template syntax either compile into expression trees or fail the build
        // with a located error, so they are checked through Markdown here, where every page of
        // this site must build.
        List<String> vectors =
                vectors().stream().filter(vector -> !ExpressionTable.hasTemplate(vector)).toList();
        for (int i = 0; i < vectors.size(); i++) {
            String quoted = yamlString(vectors.get(i));
            Files.writeString(
                    apps.resolve("app" + i + ".yaml"),
                    """
                    id: app%d
                    type: io.kestra.plugin.ee.apps.Execution
                    displayName: %s
                    description: %s
                    namespace: company.team
                    flowId: flow%d
                    layout:
                      - on: OPEN
                        blocks:
                          - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                            content: %s
                          - type: io.kestra.plugin.ee.apps.core.blocks.Alert
                            content: %s
                          - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionForm
                          - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionButton
                            text: %s
                    """
                            .formatted(i, quoted, quoted, i, quoted, quoted, quoted));
            Files.writeString(
                    flows.resolve("flow" + i + ".yaml"),
                    """
                    id: flow%d
                    namespace: company.team
                    inputs:
                      - id: field
                        type: SELECT
                        displayName: %s
                        description: %s
                        values: [%s]
                        required: false
                    tasks:
                      - id: log
                        type: io.kestra.plugin.core.log.Log
                        message: hi
                    """
                            .formatted(i, quoted, quoted, quoted));
        }
        Path out = work.resolve("site");

        CompileResult result =
                TestSites.compiler()
                        .compile(
                                CompileOptions.builder()
                                        .appsDirectory(apps)
                                        .flowsDirectory(flows)
                                        .outputDirectory(out)
                                        .build());

        assertThat(result.problems()).filteredOn(Problem::isError).isEmpty();
        for (int i = 0; i < vectors.size(); i++) {
            Document page =
                    Jsoup.parse(
                            out.resolve("apps/company.team/app" + i + "/index.html").toFile(),
                            "UTF-8");
            assertSafe(page, vectors.get(i));
        }
    }

    private static String yamlString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static final List<String> FORBIDDEN_TAGS =
            List.of(
                    "iframe",
                    "object",
                    "embed",
                    "img",
                    "svg",
                    "math",
                    "style",
                    "base",
                    "meta",
                    "link",
                    "video",
                    "audio",
                    "marquee",
                    "frame",
                    "frameset",
                    "form",
                    "applet");

    /** Attributes whose value a browser loads or navigates to; other values are inert text. */
    private static final List<String> URL_ATTRIBUTES =
            List.of("href", "src", "action", "formaction", "xlink:href", "poster", "srcset");

    private static void assertSafe(Document document, String vector) {
        for (Element element : document.body().getAllElements()) {
            String tag = element.normalName();
            if (tag.equals("script")) {
                assertThat(element.attr("type"))
                        .as("script element from %s", vector)
                        .isEqualTo("application/json");
            } else if (!(tag.equals("form") && element.hasAttr("data-ff-form"))) {
                assertThat(tag).as("element from %s", vector).isNotIn(FORBIDDEN_TAGS);
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                assertThat(key).as("attribute from %s", vector).doesNotStartWith("on");
                assertThat(key).as("attribute from %s", vector).isNotEqualTo("style");
                if (URL_ATTRIBUTES.contains(key)) {
                    assertThat(value)
                            .as("%s from %s", key, vector)
                            .doesNotStartWith("javascript:")
                            .doesNotStartWith("vbscript:")
                            .doesNotStartWith("data:");
                }
            }
        }
    }
}
