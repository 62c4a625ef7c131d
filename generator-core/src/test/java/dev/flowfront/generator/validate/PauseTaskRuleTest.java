package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PauseTaskRuleTest {

    private static final String LAYOUT =
            """
            layout:
              - on: PAUSE
                blocks:
                  - type: io.kestra.plugin.ee.apps.execution.blocks.ResumeExecutionButton
                    text: Approve
            """;

    @TempDir Path folder;

    @Test
    void reportsResumeButtonOnFlowWithoutPause() {
        String flowWithoutPause =
                """
                id: myflow
                namespace: company.team
                tasks:
                  - id: hello
                    type: io.kestra.plugin.core.log.Log
                    message: hi
                """;
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("myflow.yaml", flowWithoutPause)
                        .app("app.yaml", ValidatorFixture.APP_HEADER + LAYOUT);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:8:15");
        assertThat(problem.message())
                .isEqualTo(
                        "block type 'ResumeExecutionButton' needs a paused execution, but flow"
                                + " 'company.team.myflow' has no Pause or HumanTask task (stage"
                                + " 'PAUSE', block 1 of app 'my_app')");
        assertThat(problem.hint())
                .isEqualTo(
                        "Add an io.kestra.plugin.core.flow.Pause task to the flow, or remove the"
                                + " block");
    }

    @Test
    void acceptsResumeButtonOnFlowWithPause() {
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("myflow.yaml", ValidatorFixture.FLOW)
                        .app("app.yaml", ValidatorFixture.APP_HEADER + LAYOUT);

        assertThat(fixture.validate()).isEmpty();
    }
}
