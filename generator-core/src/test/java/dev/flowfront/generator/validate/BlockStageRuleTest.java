package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockStageRuleTest {

    @TempDir Path folder;

    @Test
    void reportsFormOnSuccessStageWithLocation() {
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("myflow.yaml", ValidatorFixture.FLOW)
                        .app(
                                "app.yaml",
                                ValidatorFixture.APP_HEADER
                                        + """
                                        layout:
                                          - on: SUCCESS
                                            blocks:
                                              - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                                                content: Done
                                              - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionForm
                                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:10:15");
        assertThat(problem.message())
                .isEqualTo(
                        "block type 'CreateExecutionForm' is not allowed on stage 'SUCCESS'"
                                + " (stage 'SUCCESS', block 2 of app 'my_app')");
        assertThat(problem.hint()).isEqualTo("Move it to a stage where it is allowed: OPEN");
    }

    @Test
    void acceptsBlocksOnTheirStages() {
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("myflow.yaml", ValidatorFixture.FLOW)
                        .app(
                                "app.yaml",
                                ValidatorFixture.APP_HEADER
                                        + """
                                        layout:
                                          - on: OPEN
                                            blocks:
                                              - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionForm
                                              - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionButton
                                          - on: RUNNING
                                            blocks:
                                              - type: io.kestra.plugin.ee.apps.execution.blocks.Logs
                                        """);

        assertThat(fixture.validate()).isEmpty();
    }
}
