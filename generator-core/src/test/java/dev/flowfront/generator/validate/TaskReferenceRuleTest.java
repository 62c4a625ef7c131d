package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskReferenceRuleTest {

    @TempDir Path folder;

    private ValidatorFixture fixture(String layout) {
        return new ValidatorFixture(folder)
                .flow("myflow.yaml", ValidatorFixture.FLOW)
                .app("app.yaml", ValidatorFixture.APP_HEADER + layout);
    }

    @Test
    void reportsTaskOutputsValueNamingUnknownTask() {
        ValidatorFixture fixture =
                fixture(
                        """
                        layout:
                          - on: SUCCESS
                            blocks:
                              - type: io.kestra.plugin.ee.apps.execution.blocks.TaskOutputs
                                outputs:
                                  - displayName: Data
                                    type: FILE
                                    value: "{{ outputs.fetch_dta.uri }}"
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:12:32");
        assertThat(problem.message())
                .isEqualTo(
                        "'outputs[1].value' reads outputs of task 'fetch_dta', which flow"
                                + " 'company.team.myflow' does not have (stage 'SUCCESS', block 1"
                                + " of app 'my_app')");
        assertThat(problem.hint()).isEqualTo("Did you mean 'fetch_data'?");
    }

    @Test
    void reportsMarkdownNamingUnknownTaskWithTaskList() {
        ValidatorFixture fixture =
                fixture(
                        """
                        layout:
                          - on: SUCCESS
                            blocks:
                              - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                                content: |
                                  ## Done
                                  Status: {{ outputs.provision.status }}
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:11:30");
        assertThat(problem.hint())
                .isEqualTo(
                        "Use the id of one of the flow's tasks: fetch_data, parallel, nested_log,"
                                + " wait_for_approval");
    }

    @Test
    void acceptsNestedTaskAndPauseTask() {
        ValidatorFixture fixture =
                fixture(
                        """
                        layout:
                          - on: SUCCESS
                            blocks:
                              - type: io.kestra.plugin.ee.apps.execution.blocks.TaskOutputs
                                outputs:
                                  - displayName: Log
                                    type: STRING
                                    value: "{{ outputs.nested_log.message }}"
                                  - displayName: Approved
                                    type: BOOL
                                    value: "{{ outputs.wait_for_approval.onResume.approved }}"
                        """);

        assertThat(fixture.validate()).isEmpty();
    }
}
