package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppExpressionsTest {

    @TempDir Path folder;

    private ValidatorFixture fixture(String blocks) {
        String layout =
                """
                layout:
                  - on: SUCCESS
                    blocks:
                """
                        + blocks;
        return new ValidatorFixture(folder)
                .flow("myflow.yaml", ValidatorFixture.FLOW)
                .app("app.yaml", ValidatorFixture.APP_HEADER + layout);
    }

    @Test
    void reportsUnknownFilterInPlainScalar() {
        ValidatorFixture fixture =
                fixture(
                        """
                              - type: io.kestra.plugin.ee.apps.core.blocks.Alert
                                style: INFO
                                content: Total {{ inputs.resource_type | sha256 }}
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:10:50");
        assertThat(problem.message())
                .isEqualTo(
                        "filter 'sha256' is not supported in 'content' (stage 'SUCCESS', block 1"
                                + " of app 'my_app')");
        assertThat(problem.hint()).contains("the filters abs, capitalize");
    }

    @Test
    void reportsFunctionInLiteralBlock() {
        ValidatorFixture fixture =
                fixture(
                        """
                              - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                                content: |
                                  ## Result

                                    Token: {{ secret('TOKEN') }}
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:12:23");
        assertThat(problem.message()).startsWith("function 'secret()' is not supported");
        assertThat(problem.hint())
                .endsWith("Tags such as {% if %} and functions are not supported");
    }

    @Test
    void reportsControlTagInQuotedButtonText() {
        ValidatorFixture fixture =
                fixture(
                        """
                              - type: io.kestra.plugin.ee.apps.core.blocks.Button
                                text: 'Go {% if inputs.a %}now{% endif %}'
                                url: https://example.com
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:9:19");
        assertThat(problem.message()).startsWith("tags such as {% if %}");
        assertThat(problem.hint()).startsWith("Use an expression in {{ ... }}");
    }

    @Test
    void reportsErrorInFoldedScalarAtScalarStart() {
        ValidatorFixture fixture =
                fixture(
                        """
                              - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                                content: >
                                  Hello
                                  {{ inputs.name | md5 }}
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:9:18");
        assertThat(problem.message()).startsWith("filter 'md5' is not supported");
    }

    @Test
    void reportsSyntaxErrorInTaskOutputsValue() {
        ValidatorFixture fixture =
                fixture(
                        """
                              - type: io.kestra.plugin.ee.apps.execution.blocks.TaskOutputs
                                outputs:
                                  - displayName: Data
                                    value: "{{ outputs.fetch_data.uri ) }}"
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:11:21");
        assertThat(problem.message()).startsWith("invalid expression: ");
        assertThat(problem.message())
                .endsWith("in 'outputs[1].value' (stage 'SUCCESS', block 1 of app 'my_app')");
        assertThat(problem.hint()).startsWith("Check the braces, quotes and operators.");
    }

    @Test
    void acceptsSupportedExpressions() {
        ValidatorFixture fixture =
                fixture(
                        """
                              - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                                content: |
                                  Hello {{ inputs.resource_type | upper }}, {{ execution.id ?? '-' }}
                              - type: io.kestra.plugin.ee.apps.core.blocks.Button
                                text: "{{ inputs.resource_type is null ? 'New' : 'Again' }}"
                                url: "{{ app.url }}"
                        """);

        assertThat(fixture.validate()).isEmpty();
    }
}
