package dev.flowfront.generator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowfront.generator.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles the real Kestra apps given with {@code -Dflowfront.corpus=DIR}; skipped without it. */
class CorpusSiteTest {

    @TempDir Path work;

    private CompileResult result;
    private Path out;

    @BeforeEach
    void compileCorpus() {
        Path corpus = TestSites.corpus();
        assumeTrue(corpus != null, "set -Dflowfront.corpus to run corpus tests");
        out = work.resolve("site");
        result =
                TestSites.compiler()
                        .compile(
                                CompileOptions.builder()
                                        .appsDirectory(corpus.resolve("apps"))
                                        .flowsDirectory(corpus.resolve("flows"))
                                        .outputDirectory(out)
                                        .build());
    }

    private Document approvalPage() throws IOException {
        return Jsoup.parse(
                out.resolve("apps/company.team/compute_resources_approval/index.html").toFile(),
                "UTF-8");
    }

    @Test
    void writesSevenPagesWithoutErrors() {
        assertThat(result.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(result.pages()).hasSize(7);
        assertThat(result.pages())
                .allSatisfy(
                        page ->
                                assertThat(out.resolve(page.url()).resolve("index.html"))
                                        .isRegularFile());
    }

    @Test
    void approvalFormHasSevenLabelledFields() throws IOException {
        Document page = approvalPage();

        Elements fields = page.select("form[data-ff-form=create] .ff-field");

        assertThat(fields).hasSize(7);
        for (Element field : fields) {
            Element label = field.selectFirst("label.ff-label[for]");
            assertThat(label).as("label of %s", field.attr("data-ff-input")).isNotNull();
            assertThat(page.getElementById(label.attr("for")))
                    .as("control of %s", field.attr("data-ff-input"))
                    .isNotNull();
            assertThat(label.text()).isNotBlank();
        }
    }

    @Test
    void resourceTypeIsRequiredChoiceOfFourValues() throws IOException {
        Element select =
                approvalPage()
                        .selectFirst("[data-ff-input=resource_type] select[name=resource_type]");

        assertThat(select).isNotNull();
        assertThat(select.hasAttr("required")).isTrue();
        assertThat(
                        select.select("option").stream()
                                .map(o -> o.attr("value"))
                                .filter(v -> !v.isEmpty()))
                .containsExactly(
                        "Access permissions", "SaaS applications", "Development tool", "Cloud VM");
    }

    @Test
    void dependentFieldsCarryCondition() throws IOException {
        Document page = approvalPage();
        JsonNode config = new ObjectMapper().readTree(page.getElementById("flowfront-app").data());

        Elements dependent = page.select("form[data-ff-form=create] .ff-field[data-ff-depends-on]");

        assertThat(dependent.eachAttr("data-ff-input"))
                .containsExactly(
                        "access_permissions",
                        "saas_applications",
                        "development_tools",
                        "cloud_provider");
        for (Element field : dependent) {
            assertThat(field.hasAttr("hidden")).isTrue();
            assertThat(field.attr("data-ff-depends-on")).isEqualTo("[\"resource_type\"]");
            JsonNode input = inputNamed(config, field.attr("data-ff-input"));
            String conditionId = input.path("dependsOn").path("condition").asText();
            assertThat(input.path("dependsOn").path("server").asBoolean()).isFalse();
            assertThat(config.path("expressions").path(conditionId).toString())
                    .contains("resource_type", "\"op\":\"==\"");
        }
    }

    private static JsonNode inputNamed(JsonNode config, String id) {
        for (JsonNode input : config.path("inputs")) {
            if (input.path("id").asText().equals(id)) {
                return input;
            }
        }
        throw new AssertionError("no input " + id + " in the page configuration");
    }

    @Test
    void resumeFormPrefillsPauseInputs() throws IOException {
        Element resume =
                approvalPage()
                        .selectFirst(
                                "section[data-ff-stage=PAUSE] form[data-ff-form=resume] fieldset[data-ff-resume-task=wait_for_approval]");

        assertThat(resume).isNotNull();
        Element status = resume.selectFirst("input[name=provisioning_status]");
        assertThat(status.attr("type")).isEqualTo("checkbox");
        assertThat(status.hasAttr("checked")).isTrue();
        Element comment = resume.selectFirst("input[name=comment]");
        assertThat(comment.attr("value"))
                .isEqualTo("All requested resources have been provisioned");
    }

    @Test
    void stagesFollowYamlOrder() throws IOException {
        List<String> stages = approvalPage().select("section.ff-stage").eachAttr("data-ff-stage");

        assertThat(stages)
                .containsExactly(
                        "OPEN",
                        "CREATED",
                        "RUNNING",
                        "PAUSE",
                        "RESUME",
                        "SUCCESS",
                        "FAILURE",
                        "FALLBACK",
                        "ERROR",
                        "STATUS");
        assertThat(approvalPage().select("section.ff-stage"))
                .allSatisfy(section -> assertThat(section.hasAttr("hidden")).isTrue());
    }

    @Test
    void brokenYamlFailsCliAndKeepsSite() throws IOException {
        Path apps = Files.createDirectories(work.resolve("apps"));
        try (Stream<Path> files = Files.list(TestSites.corpus().resolve("apps"))) {
            for (Path file : files.toList()) {
                Files.copy(file, apps.resolve(file.getFileName()));
            }
        }
        Files.writeString(
                apps.resolve("99_broken.yaml"),
                "id: broken\nnamespace: company.team\n  flowId: x\n");
        Map<String, String> before = TestSites.snapshot(out);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code =
                Main.run(
                        new String[] {
                            "--apps", apps.toString(),
                            "--flows", TestSites.corpus().resolve("flows").toString(),
                            "--out", out.toString()
                        },
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(Main.INPUT_ERRORS);
        List<String> errors =
                err.toString(StandardCharsets.UTF_8)
                        .lines()
                        .filter(line -> line.contains(".yaml:") && !line.startsWith("warning: "))
                        .toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).containsPattern("99_broken\\.yaml:3:\\d+: ");
        assertThat(TestSites.snapshot(out)).isEqualTo(before);
    }
}
