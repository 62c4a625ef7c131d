package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateFlowRuleTest {

    @TempDir Path folder;

    @Test
    void reportsSecondFileDeclaringSameFlow() {
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("b.yaml", ValidatorFixture.FLOW)
                        .flow("a.yaml", ValidatorFixture.FLOW);

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("flows/b.yaml:1:5");
        assertThat(problem.message())
                .isEqualTo("flow 'company.team.myflow' is already defined at flows/a.yaml:1:5");
        assertThat(problem.hint())
                .isEqualTo(
                        "Remove one of the two files, or give one flow another id. Apps run the"
                                + " flow defined first");
    }

    @Test
    void acceptsSameIdInOtherNamespace() {
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("a.yaml", ValidatorFixture.FLOW)
                        .flow("b.yaml", ValidatorFixture.FLOW.replace("company.team", "company.b"));

        assertThat(fixture.validate()).isEmpty();
    }
}
