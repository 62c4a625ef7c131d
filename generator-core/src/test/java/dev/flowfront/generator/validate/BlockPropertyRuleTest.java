package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockPropertyRuleTest {

    @TempDir Path folder;

    private ValidatorFixture fixture(String stage, String blocks) {
        String layout =
                """
                layout:
                  - on: %s
                    blocks:
                """
                                .formatted(stage)
                        + blocks;
        return new ValidatorFixture(folder)
                .flow("myflow.yaml", ValidatorFixture.FLOW)
                .app("app.yaml", ValidatorFixture.APP_HEADER + layout);
    }

    @Test
    void reportsUnknownButtonStyleWithSuggestion() {
        ValidatorFixture fixture =
                fixture(
                        "OPEN",
                        """
                              - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionButton
                                text: Go
                                style: SUCESS
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:10:16");
        assertThat(problem.message())
                .isEqualTo(
                        "style 'SUCESS' is not a valid style for CreateExecutionButton blocks"
                                + " (stage 'OPEN', block 1 of app 'my_app')");
        assertThat(problem.hint())
                .isEqualTo(
                        "Did you mean 'SUCCESS'? Use one of: DEFAULT, SUCCESS, INFO, WARNING,"
                                + " DANGER");
    }

    @Test
    void reportsUnknownButtonSize() {
        ValidatorFixture fixture =
                fixture(
                        "SUCCESS",
                        """
                              - type: io.kestra.plugin.ee.apps.core.blocks.Button
                                text: Again
                                url: https://example.com
                                size: HUGE
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:11:15");
        assertThat(problem.hint()).isEqualTo("Use one of: DEFAULT, SMALL, MEDIUM, LARGE");
    }

    @Test
    void reportsButtonStyleOnAlert() {
        ValidatorFixture fixture =
                fixture(
                        "FAILURE",
                        """
                              - type: io.kestra.plugin.ee.apps.core.blocks.Alert
                                style: DANGER
                                content: Failed
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:9:16");
        assertThat(problem.message())
                .startsWith("style 'DANGER' is not a valid style for Alert blocks");
        assertThat(problem.hint()).isEqualTo("Use one of: SUCCESS, INFO, WARNING, ERROR");
    }

    @Test
    void reportsRedirectDelayThatIsNotIsoDuration() {
        ValidatorFixture fixture =
                fixture(
                        "SUCCESS",
                        """
                              - type: io.kestra.plugin.ee.apps.core.blocks.RedirectTo
                                url: https://example.com
                                delay: 5s
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:10:16");
        assertThat(problem.message())
                .isEqualTo(
                        "delay '5s' is not an ISO-8601 duration (stage 'SUCCESS', block 1 of app"
                                + " 'my_app')");
        assertThat(problem.hint()).startsWith("Write the delay as an ISO-8601 duration");
    }

    @Test
    void reportsTableRowThatIsNotMap() {
        ValidatorFixture fixture =
                fixture(
                        "SUCCESS",
                        """
                              - type: io.kestra.plugin.ee.apps.core.blocks.Table
                                data:
                                  - name: Alice
                                  - Bob
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:11:13");
        assertThat(problem.message())
                .isEqualTo(
                        "row 2 of the Table data is a string, not a map (stage 'SUCCESS', block 1"
                                + " of app 'my_app')");
        assertThat(problem.hint()).startsWith("Write each row as 'column: value' pairs");
    }

    @Test
    void reportsTableDataThatIsNotList() {
        ValidatorFixture fixture =
                fixture(
                        "SUCCESS",
                        """
                              - type: io.kestra.plugin.ee.apps.core.blocks.Table
                                data: rows
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:9:15");
        assertThat(problem.hint()).isEqualTo("Write one '- column: value' map per row");
    }

    @Test
    void reportsUnknownLogLevel() {
        ValidatorFixture fixture =
                fixture(
                        "RUNNING",
                        """
                              - type: io.kestra.plugin.ee.apps.execution.blocks.Logs
                                filter:
                                  logLevel: WARNING
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:10:21");
        assertThat(problem.message())
                .isEqualTo(
                        "logLevel 'WARNING' is not a Kestra log level (stage 'RUNNING', block 1 of"
                                + " app 'my_app')");
        assertThat(problem.hint()).isEqualTo("Use one of: TRACE, DEBUG, INFO, WARN, ERROR");
    }

    @Test
    void acceptsValidPropertyValues() {
        ValidatorFixture fixture =
                fixture(
                        "SUCCESS",
                        """
                              - type: io.kestra.plugin.ee.apps.core.blocks.Button
                                text: Again
                                url: https://example.com
                                style: DANGER
                                size: MEDIUM
                              - type: io.kestra.plugin.ee.apps.core.blocks.Alert
                                style: WARNING
                                content: Careful
                              - type: io.kestra.plugin.ee.apps.core.blocks.RedirectTo
                                url: https://example.com
                                delay: PT5S
                              - type: io.kestra.plugin.ee.apps.core.blocks.Table
                                data:
                                  - name: Alice
                              - type: io.kestra.plugin.ee.apps.execution.blocks.Logs
                                filter:
                                  logLevel: WARN
                        """);

        assertThat(fixture.validate()).isEmpty();
    }
}
