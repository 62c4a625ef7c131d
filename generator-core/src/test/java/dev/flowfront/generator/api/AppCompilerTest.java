package dev.flowfront.generator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppCompilerTest {

    private static final String APP =
            """
            id: hello
            type: io.kestra.plugin.ee.apps.Execution
            namespace: company.team
            flowId: myflow
            layout:
              - on: OPEN
                blocks:
                  - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                    content: Hello {{ inputs.name }}
                  - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionForm
                  - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionButton
                  - type: io.kestra.plugin.ee.apps.core.blocks.Image
                    url: https://cdn.example.com/a.png
                  - type: io.kestra.plugin.ee.apps.core.blocks.Image
                    url: nsfiles:///logo.svg
            """;

    private static final String FLOW =
            """
            id: myflow
            namespace: company.team
            inputs:
              - id: name
                type: STRING
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """;

    @TempDir Path work;

    private Path apps;
    private Path flows;
    private Path out;

    @BeforeEach
    void writeInputs() throws IOException {
        apps = Files.createDirectories(work.resolve("apps"));
        flows = Files.createDirectories(work.resolve("flows"));
        Path namespaceFiles = Files.createDirectories(work.resolve("ns/company.team"));
        Files.writeString(
                namespaceFiles.resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        out = work.resolve("site");
        Files.writeString(apps.resolve("hello.yaml"), APP);
        Files.writeString(flows.resolve("myflow.yaml"), FLOW);
    }

    private CompileOptions.Builder options() {
        return CompileOptions.builder()
                .appsDirectory(apps)
                .flowsDirectory(flows)
                .namespaceFilesDirectory(work.resolve("ns"))
                .outputDirectory(out);
    }

    private Document page() throws IOException {
        return Jsoup.parse(out.resolve("apps/company.team/hello/index.html").toFile(), "UTF-8");
    }

    @Test
    void writesPageAtNamespaceAndAppId() {
        CompileResult result = TestSites.compiler().compile(options().build());

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.written()).isTrue();
        assertThat(result.pages())
                .containsExactly(
                        new CompileResult.PageInfo(
                                "hello", "company.team", "apps/company.team/hello/"));
        assertThat(out.resolve("apps/company.team/hello/index.html")).isRegularFile();
    }

    @Test
    void linksHashedAssetsWithMatchingIntegrity() throws IOException {
        TestSites.compiler().compile(options().build());

        Document page = page();
        Element script = page.selectFirst("script[src]");
        Element stylesheet = page.selectFirst("link[rel=stylesheet]");
        assertThat(script.attr("src"))
                .matches("\\.\\./\\.\\./\\.\\./assets/flowfront-[0-9a-f]{16}\\.js");
        assertThat(script.hasAttr("defer")).isTrue();
        assertThat(stylesheet.attr("href"))
                .matches("\\.\\./\\.\\./\\.\\./assets/flowfront-[0-9a-f]{16}\\.css");
        Path pageFolder = out.resolve("apps/company.team/hello");
        byte[] scriptBytes = Files.readAllBytes(pageFolder.resolve(script.attr("src")));
        byte[] styleBytes = Files.readAllBytes(pageFolder.resolve(stylesheet.attr("href")));
        assertThat(script.attr("integrity")).isEqualTo(sri(scriptBytes));
        assertThat(stylesheet.attr("integrity")).isEqualTo(sri(styleBytes));
    }

    @Test
    void namesDeferredScriptWithMatchingIntegrity() throws IOException {
        TestSites.compiler().compile(options().build());

        Element script = page().selectFirst("script[src]");
        String deferred = script.attr("data-ff-deferred-src");
        assertThat(deferred)
                .matches("\\.\\./\\.\\./\\.\\./assets/flowfront-deferred-[0-9a-f]{16}\\.js");
        byte[] deferredBytes =
                Files.readAllBytes(out.resolve("apps/company.team/hello").resolve(deferred));
        assertThat(script.attr("data-ff-deferred-integrity")).isEqualTo(sri(deferredBytes));
        assertThat(page().select("script[src]")).hasSize(1);
    }

    private static String sri(byte[] content) {
        try {
            return "sha384-"
                    + java.util.Base64.getEncoder()
                            .encodeToString(
                                    java.security.MessageDigest.getInstance("SHA-384")
                                            .digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pageHasNoInlineScriptOrStyle() throws IOException {
        TestSites.compiler().compile(options().build());

        Document page = page();
        assertThat(page.select("script:not([src])"))
                .allSatisfy(
                        script -> assertThat(script.attr("type")).isEqualTo("application/json"));
        assertThat(page.select("style")).isEmpty();
        assertThat(page.select("[style]")).isEmpty();
        assertThat(page.getAllElements())
                .allSatisfy(
                        element ->
                                assertThat(element.attributes().asList())
                                        .noneMatch(
                                                attribute -> attribute.getKey().startsWith("on")));
    }

    @Test
    void contentSecurityPolicyNamesKestraAndImageOrigins() throws IOException {
        TestSites.compiler()
                .compile(options().kestraUrl("https://kestra.example.com:8443/ctx").build());

        String policy =
                page().selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(policy)
                .isEqualTo(
                        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'"
                                + " data: blob: https://cdn.example.com; connect-src"
                                + " https://kestra.example.com:8443; base-uri 'none'; form-action"
                                + " 'none'");
    }

    @Test
    void storesNamespaceImageAsHashedAsset() throws IOException {
        TestSites.compiler().compile(options().build());

        Element image = page().select("img").get(1);
        assertThat(image.attr("src")).matches("\\.\\./\\.\\./\\.\\./assets/img/[0-9a-f]{16}\\.svg");
        assertThat(out.resolve("apps/company.team/hello").resolve(image.attr("src")))
                .isRegularFile();
    }

    @Test
    void reportsMissingNamespaceImageWithLocation() throws IOException {
        Files.writeString(apps.resolve("hello.yaml"), APP.replace("logo.svg", "missing.svg"));

        CompileResult result = TestSites.compiler().compile(options().build());

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.problems()).hasSize(1);
        Problem problem = result.problems().get(0);
        assertThat(problem.location().file()).endsWith("hello.yaml");
        assertThat(problem.location().line()).isEqualTo(15);
        assertThat(problem.message()).contains("nsfiles:///missing.svg", "not found");
    }

    @Test
    void refusesNamespaceImageOutsideItsNamespace() throws IOException {
        Files.writeString(work.resolve("ns/secret.svg"), "<svg/>");
        Files.writeString(apps.resolve("hello.yaml"), APP.replace("logo.svg", "../secret.svg"));

        CompileResult result = TestSites.compiler().compile(options().build());

        assertThat(result.problems())
                .singleElement()
                .satisfies(
                        problem -> {
                            assertThat(problem.isError()).isTrue();
                            assertThat(problem.message())
                                    .contains("nsfiles:///../secret.svg", "points outside");
                            assertThat(problem.hint()).contains("'..'");
                        });
    }

    @Test
    void unusedFlowWithErrorsOnlyWarns() throws IOException {
        Files.writeString(
                flows.resolve("other.yaml"),
                """
                id: other
                namespace: company.team
                inputs:
                  - id: when
                    type: CALENDAR
                  - id: who
                    type: PERSON
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: hi
                """);

        CompileResult result = TestSites.compiler().compile(options().build());

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.written()).isTrue();
        Problem warning = result.problems().get(0);
        assertThat(result.problems()).hasSize(1);
        assertThat(warning.isError()).isFalse();
        assertThat(warning.location().toString()).endsWith("other.yaml:5:11");
        assertThat(warning.message()).contains("CALENDAR", "(and 1 more in this flow)");
        assertThat(warning.hint()).contains("No app uses flow 'company.team.other'");
    }

    @Test
    void usedFlowWithErrorsFailsBuild() throws IOException {
        Files.writeString(
                flows.resolve("myflow.yaml"), FLOW.replace("type: STRING", "type: CALENDAR"));

        CompileResult result = TestSites.compiler().compile(options().build());

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.problems())
                .anyMatch(p -> p.isError() && p.message().contains("CALENDAR"));
    }

    @Test
    void nonFlowYamlOnlyWarns() throws IOException {
        Files.writeString(flows.resolve("settings.yml"), "retries: 3\nowner: data-team\n");

        CompileResult result = TestSites.compiler().compile(options().build());

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.problems())
                .singleElement()
                .satisfies(
                        warning -> {
                            assertThat(warning.isError()).isFalse();
                            assertThat(warning.location().file()).endsWith("settings.yml");
                            assertThat(warning.message()).contains("not a flow");
                        });
    }

    @Test
    void emptyAppsFolderFailsBuild() throws IOException {
        Files.delete(apps.resolve("hello.yaml"));

        CompileResult result = TestSites.compiler().compile(options().build());

        assertThat(result.written()).isFalse();
        assertThat(result.problems())
                .singleElement()
                .satisfies(
                        problem -> {
                            assertThat(problem.isError()).isTrue();
                            assertThat(problem.message()).contains("no app file", "apps");
                            assertThat(problem.hint()).contains("Add an App YAML file");
                        });
        assertThat(out).doesNotExist();
    }

    @Test
    void defaultCompilerBundlesRuntimeOfTemplatesModule() throws IOException {
        new AppCompiler().compile(options().build());

        Path pageFolder = out.resolve("apps/company.team/hello");
        String script =
                Files.readString(
                        pageFolder.resolve(page().selectFirst("script[src]").attr("src")),
                        StandardCharsets.UTF_8);
        assertThat(script).startsWith("'use strict';(function(){");
        assertThat(script)
                .contains("getElementById(\"flowfront-app\")")
                .doesNotContain("fixtureFirst");
        Element tag = page().selectFirst("script[src]");
        String deferred =
                Files.readString(
                        pageFolder.resolve(tag.attr("data-ff-deferred-src")),
                        StandardCharsets.UTF_8);
        assertThat(deferred).startsWith("'use strict';(function(){").contains("flowfrontRuntime");
    }

    @Test
    void twoBuildsWriteIdenticalBytes() {
        TestSites.compiler().compile(options().build());
        Map<String, String> first = TestSites.snapshot(out);
        Path secondOut = work.resolve("second");

        TestSites.compiler().compile(options().outputDirectory(secondOut).build());

        assertThat(TestSites.snapshot(secondOut)).isEqualTo(first);
    }

    @Test
    void yamlSyntaxErrorLeavesPreviousSiteUntouched() throws IOException {
        TestSites.compiler().compile(options().build());
        Map<String, String> before = TestSites.snapshot(out);
        Files.writeString(
                apps.resolve("broken.yaml"),
                "id: broken\nlayout: [\n  - on: OPEN\n    blocks: x: y\n");

        CompileResult result = TestSites.compiler().compile(options().build());

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.written()).isFalse();
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).location().line()).isPositive();
        assertThat(result.problems().get(0).location().column()).isPositive();
        assertThat(TestSites.snapshot(out)).isEqualTo(before);
        assertThat(siblingsOf(out)).containsOnly("site", "apps", "flows", "ns");
    }

    @Test
    void expressionErrorLeavesPreviousSiteUntouched() throws IOException {
        TestSites.compiler().compile(options().build());
        Map<String, String> before = TestSites.snapshot(out);
        Files.writeString(
                apps.resolve("hello.yaml"),
                APP.replace("{{ inputs.name }}", "{{ inputs.name | nosuchfilter }}"));

        CompileResult result = TestSites.compiler().compile(options().build());

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.problems().get(0).message()).contains("nosuchfilter");
        assertThat(result.problems().get(0).location().line()).isEqualTo(9);
        assertThat(TestSites.snapshot(out)).isEqualTo(before);
    }

    @Test
    void replacesFilesOfPreviousBuild() throws IOException {
        TestSites.compiler().compile(options().build());
        Files.writeString(out.resolve("stale.html"), "old");

        TestSites.compiler().compile(options().build());

        assertThat(out.resolve("stale.html")).doesNotExist();
        assertThat(siblingsOf(out)).containsOnly("site", "apps", "flows", "ns");
    }

    @Test
    void validateWritesNothing() {
        CompileResult result = TestSites.compiler().validate(options().build());

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.pages()).hasSize(1);
        assertThat(result.written()).isFalse();
        assertThat(out).doesNotExist();
    }

    @Test
    void validateNeedsNoOutputFolder() {
        CompileOptions options = options().outputDirectory(null).build();

        CompileResult result = TestSites.compiler().validate(options);

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.pages()).hasSize(1);
    }

    @Test
    void compileWithoutOutputFolderIsRejected() {
        CompileOptions options = options().outputDirectory(null).build();

        assertThatThrownBy(() -> TestSites.compiler().compile(options))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("outputDirectory");
    }

    @Test
    void rejectsKestraUrlWithoutHttpScheme() {
        CompileOptions options = options().kestraUrl("kestra.example.com").build();

        assertThatThrownBy(() -> TestSites.compiler().compile(options))
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("kestra.example.com");
    }

    @Test
    void linksBrandingStylesheetAfterSharedOne() throws IOException {
        Branding branding = new Branding(null, null, "#ff0000", null, null, null, null);

        TestSites.compiler().compile(options().branding(branding).build());

        Document page = page();
        List<String> stylesheets = page.select("link[rel=stylesheet]").eachAttr("href");
        assertThat(stylesheets).hasSize(2);
        assertThat(stylesheets.get(0)).contains("assets/flowfront-");
        String branded =
                Files.readString(
                        out.resolve("apps/company.team/hello").resolve(stylesheets.get(1)),
                        StandardCharsets.UTF_8);
        assertThat(branded).contains("--ff-primary-color: #ff0000;");
    }

    @Test
    void reportsInvalidBrandingColorAndWritesNothing() {
        Branding branding =
                new Branding(null, null, "red; } body { display: none", null, null, null, null);

        CompileResult result = TestSites.compiler().compile(options().branding(branding).build());

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("primaryColor"));
        assertThat(out).doesNotExist();
    }

    @Test
    void writesCatalogAndManifest() {
        TestSites.compiler().compile(options().build());

        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(out.resolve("apps.json")).isRegularFile();
    }

    @Test
    void reportsMissingFlowFromValidator() throws IOException {
        Files.delete(flows.resolve("myflow.yaml"));

        CompileResult result = TestSites.compiler().compile(options().build());

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("myflow"));
        assertThat(out).doesNotExist();
    }

    private Stream<String> siblingsOf(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder.getParent())) {
            return list.map(path -> path.getFileName().toString()).toList().stream();
        }
    }
}
