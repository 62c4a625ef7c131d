package dev.flowfront.generator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the form markup of single inputs, one behaviour per test. */
class FormFieldTest {

    private static final String APP =
            """
            id: form
            type: io.kestra.plugin.ee.apps.Execution
            namespace: company.team
            flowId: form_flow
            layout:
              - on: OPEN
                blocks:
                  - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionForm
                  - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionButton
            """;

    @TempDir Path work;

    private CompileResult result;

    /** Compiles a flow whose inputs are the given YAML list items, and returns the field. */
    private Element field(String inputsYaml, String id) throws IOException {
        Path apps = Files.createDirectories(work.resolve("apps"));
        Path flows = Files.createDirectories(work.resolve("flows"));
        Files.writeString(apps.resolve("app.yaml"), APP);
        Files.writeString(
                flows.resolve("flow.yaml"),
                "id: form_flow\nnamespace: company.team\ninputs:\n"
                        + inputsYaml.stripIndent()
                        + "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n");
        Path out = work.resolve("site");
        result =
                TestSites.compiler()
                        .compile(
                                CompileOptions.builder()
                                        .appsDirectory(apps)
                                        .flowsDirectory(flows)
                                        .outputDirectory(out)
                                        .build());
        assertThat(result.problems()).filteredOn(Problem::isError).isEmpty();
        Document page =
                Jsoup.parse(out.resolve("apps/company.team/form/index.html").toFile(), "UTF-8");
        Element field = page.selectFirst(".ff-field[data-ff-input=" + id + "]");
        assertThat(field).as("field %s", id).isNotNull();
        assertThat(page.getElementById(field.selectFirst("label.ff-label").attr("for")))
                .as("element the label of %s points at", id)
                .isNotNull();
        return field;
    }

    @Test
    void boolDefaultWrittenAsStringIsChecked() throws IOException {
        Element field =
                field(
                        """
                          - id: agree
                            type: BOOL
                            defaults: "true"
                        """,
                        "agree");

        Element control = field.selectFirst("input[name=agree]");
        assertThat(control.attr("type")).isEqualTo("checkbox");
        assertThat(control.attr("role")).isEqualTo("switch");
        assertThat(control.hasAttr("checked")).isTrue();
    }

    @Test
    void secretIsNeverPrefilled() throws IOException {
        Element field =
                field(
                        """
                          - id: token
                            type: SECRET
                            defaults: hunter2
                        """,
                        "token");

        Element control = field.selectFirst("input[name=token]");
        assertThat(control.attr("type")).isEqualTo("password");
        assertThat(control.hasAttr("value")).isFalse();
        assertThat(field.outerHtml()).doesNotContain("hunter2");
    }

    @Test
    void prefillIsMarkedAndDefaultIsNot() throws IOException {
        Element prefilled =
                field(
                        """
                          - id: city
                            type: STRING
                            required: false
                            prefill: Paris
                          - id: country
                            type: STRING
                            defaults: France
                        """,
                        "city");
        Element defaulted = prefilled.ownerDocument().selectFirst("input[name=country]");

        Element control = prefilled.selectFirst("input[name=city]");
        assertThat(control.attr("value")).isEqualTo("Paris");
        assertThat(control.hasAttr("data-ff-prefill")).isTrue();
        assertThat(defaulted.attr("value")).isEqualTo("France");
        assertThat(defaulted.hasAttr("data-ff-prefill")).isFalse();
    }

    @Test
    void optionalBooleanIsTriState() throws IOException {
        Element field =
                field(
                        """
                          - id: notify
                            type: BOOLEAN
                            required: false
                        """,
                        "notify");

        assertThat(field.select("input[type=radio][name=notify]").eachAttr("value"))
                .containsExactly("true", "false", "");
        assertThat(field.selectFirst("input[value=''][name=notify]").hasAttr("checked")).isTrue();
    }

    @Test
    void multiselectKeepsSeveralDefaults() throws IOException {
        Element field =
                field(
                        """
                          - id: colors
                            type: MULTISELECT
                            values: [red, green, blue]
                            defaults: [red, blue]
                        """,
                        "colors");

        assertThat(field.select("input[type=checkbox][checked]").eachAttr("value"))
                .containsExactly("red", "blue");
    }

    @Test
    void selectWithCustomValueUsesDatalist() throws IOException {
        Element field =
                field(
                        """
                          - id: team
                            type: SELECT
                            values: [data, platform]
                            allowCustomValue: true
                        """,
                        "team");

        Element control = field.selectFirst("input[name=team]");
        Element datalist = field.selectFirst("datalist");
        assertThat(control.attr("list")).isEqualTo(datalist.id());
        assertThat(datalist.select("option").eachAttr("value")).containsExactly("data", "platform");
    }

    @Test
    void radioSelectChecksDefault() throws IOException {
        Element field =
                field(
                        """
                          - id: size
                            type: SELECT
                            values: [S, M]
                            isRadio: true
                            defaults: M
                        """,
                        "size");

        assertThat(field.select("input[type=radio][checked]").eachAttr("value"))
                .containsExactly("M");
    }

    @Test
    void arrayRowsFollowDefaults() throws IOException {
        Element field =
                field(
                        """
                          - id: ports
                            type: ARRAY
                            itemType: INT
                            defaults: [80, 443]
                        """,
                        "ports");

        assertThat(field.select(".ff-array-item input[name=ports]").eachAttr("value"))
                .containsExactly("80", "443");
        assertThat(field.select(".ff-array-item input").eachAttr("type")).containsOnly("number");
        assertThat(field.select(".ff-array-items [data-ff-array-remove]")).hasSize(2);
        assertThat(field.select("[data-ff-array-add]")).hasSize(1);
        assertThat(field.selectFirst("[data-ff-array]").attr("data-ff-item-type")).isEqualTo("INT");
    }

    @Test
    void numberConstraintsComeFromMinAndMax() throws IOException {
        Element field =
                field(
                        """
                          - id: ratio
                            type: FLOAT
                            min: 0.5
                            max: 2
                        """,
                        "ratio");

        Element control = field.selectFirst("input[name=ratio]");
        assertThat(control.attr("type")).isEqualTo("number");
        assertThat(control.attr("min")).isEqualTo("0.5");
        assertThat(control.attr("max")).isEqualTo("2");
        assertThat(control.attr("step")).isEqualTo("any");
    }

    @Test
    void dateBoundsComeFromAfterAndBefore() throws IOException {
        Element field =
                field(
                        """
                          - id: day
                            type: DATE
                            after: "2025-01-01"
                            before: "2025-12-31"
                        """,
                        "day");

        Element control = field.selectFirst("input[name=day]");
        assertThat(control.attr("type")).isEqualTo("date");
        assertThat(control.attr("min")).isEqualTo("2025-01-01");
        assertThat(control.attr("max")).isEqualTo("2025-12-31");
    }

    @Test
    void fileAcceptsAllowedExtensions() throws IOException {
        Element field =
                field(
                        """
                          - id: upload
                            type: FILE
                            allowedFileExtensions: [".csv", ".pdf"]
                        """,
                        "upload");

        assertThat(field.selectFirst("input[name=upload]").attr("accept")).isEqualTo(".csv,.pdf");
    }

    @Test
    void dependentFieldStartsHidden() throws IOException {
        Element field =
                field(
                        """
                          - id: kind
                            type: SELECT
                            values: [a, b]
                          - id: detail
                            type: STRING
                            dependsOn:
                              inputs: [kind]
                              condition: "{{ inputs.kind == 'a' }}"
                        """,
                        "detail");

        assertThat(field.hasAttr("hidden")).isTrue();
        assertThat(field.attr("data-ff-depends-on")).isEqualTo("[\"kind\"]");
    }

    @Test
    void descriptionIsSanitizedMarkdownWithWarning() throws IOException {
        Element field =
                field(
                        """
                          - id: note
                            type: STRING
                            description: "Be **brief** <img src=x onerror=alert(1)>"
                        """,
                        "note");

        Element description = field.selectFirst(".ff-field-description");
        assertThat(description.html()).contains("<strong>brief</strong>");
        assertThat(description.select("img")).isEmpty();
        assertThat(field.selectFirst("input[name=note]").attr("aria-describedby"))
                .contains(description.id());
        assertThat(result.problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("<img>"));
    }

    @Test
    void labelFallsBackToId() throws IOException {
        Element field =
                field(
                        """
                          - id: plain_id
                            type: STRING
                        """,
                        "plain_id");

        assertThat(field.selectFirst("label.ff-label").ownText()).isEqualTo("plain_id");
    }
}
