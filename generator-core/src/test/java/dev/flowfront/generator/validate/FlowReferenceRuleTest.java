package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowReferenceRuleTest {

    @TempDir Path folder;

    private static String app(String namespace, String flowId) {
        return """
                id: my_app
                type: io.kestra.plugin.ee.apps.Execution
                namespace: %s
                flowId: %s
                """
                .formatted(namespace, flowId);
    }

    private static String flow(String namespace, String id) {
        return """
                id: %s
                namespace: %s
                tasks:
                  - id: hello
                    type: io.kestra.plugin.core.log.Log
                    message: hi
                """
                .formatted(id, namespace);
    }

    @Test
    void reportsMissingFlowWithClosestId() {
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("a.yaml", flow("company.team", "myflow"))
                        .flow("b.yaml", flow("company.team", "other"))
                        .app("app.yaml", app("company.team", "my_flow"));

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:4:9");
        assertThat(problem.message())
                .isEqualTo(
                        "flow 'my_flow' was not found in namespace 'company.team' (app 'my_app')");
        assertThat(problem.hint()).isEqualTo("Did you mean 'myflow'?");
    }

    @Test
    void listsFlowsOfNamespaceWhenNoneIsClose() {
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("a.yaml", flow("company.team", "vacation"))
                        .flow("b.yaml", flow("company.team", "get_data"))
                        .app("app.yaml", app("company.team", "onboarding"));

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:4:9");
        assertThat(problem.hint())
                .isEqualTo("Flows found in namespace 'company.team': get_data, vacation");
    }

    @Test
    void saysNoFlowOfNamespaceWasLoaded() {
        ValidatorFixture fixture =
                new ValidatorFixture(folder).app("app.yaml", app("company.team", "myflow"));

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:4:9");
        assertThat(problem.hint())
                .isEqualTo(
                        "No flow of namespace 'company.team' was loaded. Add the flow's YAML file"
                                + " to the flows folder");
    }

    @Test
    void reportsFlowInAnotherNamespace() {
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("a.yaml", flow("company.other", "myflow"))
                        .app("app.yaml", app("company.team", "myflow"));

        Problem problem = fixture.single(Severity.ERROR);

        assertThat(problem.location().toString()).isEqualTo("apps/app.yaml:4:9");
        assertThat(problem.message())
                .isEqualTo(
                        "flow 'myflow' is in namespace 'company.other', not in the app's"
                                + " namespace 'company.team' (app 'my_app')");
        assertThat(problem.hint())
                .isEqualTo(
                        "An app runs a flow of its own namespace. Set 'namespace: company.other'"
                                + " in the app, or move the flow to 'company.team'");
    }

    @Test
    void acceptsFlowOfSameNamespace() {
        ValidatorFixture fixture =
                new ValidatorFixture(folder)
                        .flow("a.yaml", flow("company.team", "myflow"))
                        .app("app.yaml", app("company.team", "myflow"));

        assertThat(fixture.validate()).isEmpty();
    }
}
