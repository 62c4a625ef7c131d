package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DependsOnRuleTest {

    @TempDir Path folder;

    private ValidatorFixture fixture(String inputs) {
        return new ValidatorFixture(folder)
                .flow(
                        "myflow.yaml",
                        """
                        id: myflow
                        namespace: company.team
                        inputs:
                        """
                                + inputs
                                + """
                                tasks:
                                  - id: hello
                                    type: io.kestra.plugin.core.log.Log
                                    message: hi
                                """);
    }

    @Test
    void reportsCycleNamingEachInput() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: a
                            type: STRING
                            dependsOn:
                              inputs:
                                - b
                          - id: b
                            type: STRING
                            dependsOn:
                              inputs:
                                - a
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:8:11");
        assertThat(problem.message())
                .isEqualTo(
                        "dependsOn forms a cycle: a → b → a (input 'a' of flow"
                                + " 'company.team.myflow')");
        assertThat(problem.hint()).startsWith("Remove one of these dependencies");
    }

    @Test
    void reportsLongerCycleOnceFromFirstInput() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: first
                            type: STRING
                          - id: c
                            type: STRING
                            dependsOn:
                              inputs: [first, d]
                          - id: d
                            type: STRING
                            dependsOn:
                              inputs: [e]
                          - id: e
                            type: STRING
                            dependsOn:
                              inputs: [c]
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:9:23");
        assertThat(problem.message()).startsWith("dependsOn forms a cycle: c → d → e → c (");
    }

    @Test
    void reportsSelfDependency() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: a
                            type: STRING
                            dependsOn:
                              inputs: [a]
                        """);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:7:16");
        assertThat(problem.message()).startsWith("dependsOn forms a cycle: a → a (");
    }

    @Test
    void warnsAboutUnknownInputWithSuggestion() {
        ValidatorFixture fixture =
                fixture(
                        """
                          - id: resource_type
                            type: STRING
                          - id: provider
                            type: STRING
                            dependsOn:
                              inputs:
                                - resource_typ
                        """);

        Problem problem = fixture.single(Severity.WARNING);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:10:11");
        assertThat(problem.message())
                .isEqualTo(
                        "dependsOn names input 'resource_typ', which is not an input of flow"
                                + " 'company.team.myflow' (input 'provider' of flow"
                                + " 'company.team.myflow')");
        assertThat(problem.hint()).isEqualTo("Did you mean 'resource_type'?");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void handlesLongChainWithCycleAtItsEnd() {
        StringBuilder inputs = new StringBuilder();
        int count = 20_000;
        for (int i = 0; i < count; i++) {
            int next = (i + 1) % count;
            inputs.append("  - id: i")
                    .append(i)
                    .append("\n")
                    .append("    type: STRING\n")
                    .append("    dependsOn:\n")
                    .append("      inputs: [i")
                    .append(next)
                    .append("]\n");
        }

        Problem problem = fixture(inputs.toString()).single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/myflow.yaml:7:16");
        assertThat(problem.message())
                .isEqualTo(
                        "dependsOn forms a cycle: i0 → i1 → i2 → i3 → i4 → i5 → i6 → i7 → i8 → i9"
                                + " → (19990 more) → i0 (input 'i0' of flow"
                                + " 'company.team.myflow')");
    }
}
