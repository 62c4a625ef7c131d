package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateAppRuleTest {

    @TempDir Path folder;

    private static String app(String namespace) {
        return """
                # an app of myflow
                id: my_app
                type: io.kestra.plugin.ee.apps.Execution
                namespace: %s
                flowId: myflow
                """
                .formatted(namespace);
    }

    @Test
    void reportsDuplicateIdWithBothLocations() {
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("myflow.yaml", ValidatorFixture.FLOW)
                        .app("b.yaml", app("company.team"))
                        .app("a.yaml", app("company.team"));

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/b.yaml:2:5");
        assertThat(problem.message())
                .isEqualTo(
                        "app id 'my_app' is already used in namespace 'company.team' by"
                                + " apps/a.yaml:2:5");
        assertThat(problem.hint())
                .isEqualTo(
                        "Give one of the apps another id. They are defined at apps/a.yaml:2:5"
                                + " and apps/b.yaml:2:5");
    }

    @Test
    void acceptsSameIdInOtherNamespace() {
        String otherFlow = ValidatorFixture.FLOW.replace("company.team", "company.other");
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("myflow.yaml", ValidatorFixture.FLOW)
                        .flow("other.yaml", otherFlow)
                        .app("a.yaml", app("company.team"))
                        .app("b.yaml", app("company.other"));

        assertThat(fixture.validate()).isEmpty();
    }
}
