package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionRuleTest {

    @TempDir Path folder;

    private ValidatorFixture fixture(String condition, String parentExtra) {
        return new ValidatorFixture(folder)
                .flow(
                        "myflow.yaml",
                        """
                        id: myflow
                        namespace: company.team
                        inputs:
                          - id: resource_type
                            type: SELECT
                            values: ["Access permissions", "SaaS applications", "Cloud VM"]
                        %s
                          - id: saas
                            type: STRING
                            dependsOn:
                              inputs:
                                - resource_type
                              condition: %s
                        tasks:
                          - id: hello
                            type: io.kestra.plugin.core.log.Log
                            message: hi
                        """
                                .formatted(parentExtra, condition));
    }

    @Test
    void warnsWhenLiteralIsNotAmongParentValues() {
        ValidatorFixture fixture =
                fixture("\"{{ inputs.resource_type equals 'SaaS application' }}\"", "");

        Problem problem = fixture.single(Severity.WARNING);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:13:50");
        assertThat(problem.message())
                .isEqualTo(
                        "condition compares input 'resource_type' with 'SaaS application', which"
                                + " is not one of its values (input 'saas' of flow"
                                + " 'company.team.myflow')");
        assertThat(problem.hint())
                .isEqualTo(
                        "Did you mean 'SaaS applications'? Values: Access permissions, SaaS"
                                + " applications, Cloud VM.");
    }

    @Test
    void mentionsCustomValuesWhenParentAllowsThem() {
        ValidatorFixture fixture =
                fixture("\"{{ 'Other' == inputs.resource_type }}\"", "    allowCustomValue: true");

        Problem problem = fixture.single(Severity.WARNING);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:13:22");
        assertThat(problem.hint())
                .isEqualTo(
                        "Values: Access permissions, SaaS applications, Cloud VM. Ignore this if"
                                + " users type it as a custom value.");
    }

    @Test
    void warnsWhenConditionCannotBeCompiled() {
        ValidatorFixture fixture =
                fixture("\"{{ inputs.resource_type | slugify == 'cloud-vm' }}\"", "");

        Problem problem = fixture.single(Severity.WARNING);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:13:45");
        assertThat(problem.message())
                .isEqualTo(
                        "condition cannot be evaluated in the page: filter 'slugify' is not"
                                + " supported (input 'saas' of flow 'company.team.myflow')");
        assertThat(problem.hint())
                .startsWith(
                        "The page sends it to Kestra's validate endpoint instead, one request per"
                                + " change. To evaluate it in the page: Apps support");
    }

    @Test
    void acceptsLiteralAmongValues() {
        ValidatorFixture fixture =
                fixture("\"{{ inputs.resource_type equals 'SaaS applications' }}\"", "");

        assertThat(fixture.validate()).isEmpty();
    }
}
