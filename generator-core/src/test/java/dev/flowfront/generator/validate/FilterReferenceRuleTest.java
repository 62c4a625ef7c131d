package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterReferenceRuleTest {

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
    void warnsAboutUnknownLogTaskId() {
        ValidatorFixture fixture =
                fixture(
                        """
                              - type: io.kestra.plugin.ee.apps.execution.blocks.Logs
                                filter:
                                  taskIds: ['fetch_data', 'nested_lg']
                        """);

        Problem problem = fixture.single(Severity.WARNING);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:10:35");
        assertThat(problem.message())
                .isEqualTo(
                        "Logs filter 'taskIds' names 'nested_lg', which is not a task of flow"
                                + " 'company.team.myflow' (stage 'SUCCESS', block 1 of app"
                                + " 'my_app')");
        assertThat(problem.hint()).isEqualTo("Did you mean 'nested_log'?");
    }

    @Test
    void warnsAboutUnknownInputInInclude() {
        ValidatorFixture fixture =
                fixture(
                        """
                              - type: io.kestra.plugin.ee.apps.execution.blocks.Inputs
                                filter:
                                  include:
                                    - resource_type
                                    - comment
                        """);

        Problem problem = fixture.single(Severity.WARNING);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:12:15");
        assertThat(problem.message())
                .startsWith("Inputs filter 'include' names 'comment', which is not an input of");
        assertThat(problem.hint()).isEqualTo("Use one of: resource_type, provider");
    }

    @Test
    void warnsAboutOutputsFilterOnFlowWithoutOutputs() {
        ValidatorFixture fixture =
                fixture(
                        """
                              - type: io.kestra.plugin.ee.apps.execution.blocks.Outputs
                                filter:
                                  exclude: [report]
                        """);

        Problem problem = fixture.single(Severity.WARNING);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:10:21");
        assertThat(problem.hint()).isEqualTo("The flow has none, so remove the entry");
    }

    @Test
    void acceptsKnownIdsAndDottedPrefixes() {
        String flow =
                """
                id: myflow
                namespace: company.team
                inputs:
                  - id: request.name
                    type: STRING
                outputs:
                  - id: report
                    type: FILE
                    value: "{{ outputs.hello.uri }}"
                tasks:
                  - id: hello
                    type: io.kestra.plugin.core.log.Log
                    message: hi
                """;
        String layout =
                """
                layout:
                  - on: SUCCESS
                    blocks:
                      - type: io.kestra.plugin.ee.apps.execution.blocks.Inputs
                        filter:
                          include: [request]
                      - type: io.kestra.plugin.ee.apps.execution.blocks.Outputs
                        filter:
                          include: [report]
                      - type: io.kestra.plugin.ee.apps.execution.blocks.Logs
                        filter:
                          taskIds: [hello]
                """;
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("myflow.yaml", flow)
                        .app("app.yaml", ValidatorFixture.APP_HEADER + layout);

        assertThat(fixture.validate()).isEmpty();
    }
}
