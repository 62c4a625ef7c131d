package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDefinitionRuleTest {

    @TempDir Path folder;

    /** Creates a flow whose input list starts at line 4 with the given input. */
    private ValidatorFixture fixture(String input) {
        return new ValidatorFixture(folder)
                .flow(
                        "myflow.yaml",
                        """
                        id: myflow
                        namespace: company.team
                        inputs:
                        """
                                + input
                                + """
                                tasks:
                                  - id: hello
                                    type: io.kestra.plugin.core.log.Log
                                    message: hi
                                """);
    }

    @Test
    void reportsInvalidValidatorRegex() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: code
                            type: STRING
                            validator: "[A-Z"
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:6:16");
        assertThat(problem.message())
                .isEqualTo(
                        "validator '[A-Z' is not a valid regular expression: Unclosed character"
                                + " class near index 3 (input 'code' of flow"
                                + " 'company.team.myflow')");
        assertThat(problem.hint()).startsWith("Fix the pattern. Kestra compiles it as a Java");
    }

    @Test
    void reportsMinAboveMax() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: count
                            type: INT
                            min: 10
                            max: 2
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:6:10");
        assertThat(problem.message())
                .isEqualTo(
                        "min '10' is greater than max '2' (input 'count' of flow"
                                + " 'company.team.myflow')");
        assertThat(problem.hint())
                .isEqualTo("Swap the two values, or no value could ever be accepted");
    }

    @Test
    void reportsDurationMinAboveMax() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: wait
                            type: DURATION
                            min: PT2H
                            max: PT30M
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:6:10");
        assertThat(problem.message()).startsWith("min 'PT2H' is greater than max 'PT30M'");
    }

    @Test
    void reportsMinThatIsNotNumber() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: count
                            type: FLOAT
                            min: ten
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:6:10");
        assertThat(problem.hint()).isEqualTo("Write a number, e.g. 'min: 10'");
    }

    @Test
    void reportsSelectWithoutValuesOrExpression() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: color
                            type: SELECT
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:5:11");
        assertThat(problem.message())
                .isEqualTo(
                        "SELECT input has neither 'values' nor 'expression' (input 'color' of flow"
                                + " 'company.team.myflow')");
        assertThat(problem.hint())
                .isEqualTo(
                        "Add the choices, e.g. 'values: [\"a\", \"b\"]', or an 'expression' that"
                                + " returns them");
    }

    @Test
    void reportsDefaultThatIsNotAValue() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: color
                            type: MULTISELECT
                            values: [Red, Green]
                            defaults: [Red, Gren]
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:7:21");
        assertThat(problem.message())
                .isEqualTo(
                        "default 'Gren' is not one of the input's values (input 'color' of flow"
                                + " 'company.team.myflow')");
        assertThat(problem.hint())
                .isEqualTo(
                        "Did you mean 'Green'? Use one of: Red, Green, or set 'allowCustomValue:"
                                + " true'");
    }

    @Test
    void acceptsCustomDefaultWhenAllowed() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: color
                            type: SELECT
                            values: [Red, Green]
                            allowCustomValue: true
                            defaults: Blue
                        """);

        assertThat(fixture.validate()).isEmpty();
    }

    @Test
    void reportsArrayWithoutItemType() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: tags
                            type: ARRAY
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:5:11");
        assertThat(problem.hint()).isEqualTo("Add the type of the items, e.g. 'itemType: STRING'");
    }

    @Test
    void reportsDefaultsWithPrefill() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: name
                            type: STRING
                            defaults: Ada
                            prefill: Grace
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:7:5");
        assertThat(problem.message())
                .isEqualTo(
                        "input has both 'defaults' and 'prefill' (input 'name' of flow"
                                + " 'company.team.myflow')");
        assertThat(problem.hint()).endsWith("Kestra rejects both together");
    }

    @Test
    void warnsAboutDefaultsOnOptionalInput() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: name
                            type: STRING
                            required: false
                            defaults: Ada
                        """);

        Problem problem = fixture.single(Severity.WARNING);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:7:5");
        assertThat(problem.message())
                .isEqualTo(
                        "optional input has 'defaults' (input 'name' of flow"
                                + " 'company.team.myflow')");
        assertThat(problem.hint())
                .startsWith("Kestra 1.1 rejects 'defaults' with 'required: false'");
    }

    @Test
    void checksOnResumeInputsOfPauseTasks() {
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow(
                                "myflow.yaml",
                                """
                                id: myflow
                                namespace: company.team
                                tasks:
                                  - id: wait
                                    type: io.kestra.plugin.core.flow.Pause
                                    onResume:
                                      - id: level
                                        type: ENUM
                                """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:8:15");
        assertThat(problem.message())
                .isEqualTo(
                        "ENUM input has neither 'values' nor 'expression' (input 'level' of task"
                                + " 'wait' of flow 'company.team.myflow')");
        assertThat(problem.hint()).isEqualTo("Add the choices, e.g. 'values: [\"a\", \"b\"]'");
    }
}
