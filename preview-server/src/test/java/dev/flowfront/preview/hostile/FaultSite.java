package dev.flowfront.preview.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.AppCompiler;
import dev.flowfront.generator.api.AuthMode;
import dev.flowfront.generator.api.CompileOptions;
import dev.flowfront.generator.api.CompileResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An order app (a form, then a short run) and an approval app (a form, then a Pause), compiled with
 * the real runtime for the network fault tests.
 */
final class FaultSite {

    static final String NAMESPACE = "faults";

    private static final String ORDER_FLOW =
            """
            id: order
            namespace: faults
            inputs:
              - id: customer
                type: STRING
              - id: quantity
                type: INT
            tasks:
              - id: received
                type: io.kestra.plugin.core.log.Log
                message: "Order for {{ inputs.customer }}"
              - id: prepare
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT2S
              - id: shipped
                type: io.kestra.plugin.core.log.Log
                message: shipped
            """;

    private static final String APPROVAL_FLOW =
            """
            id: approval
            namespace: faults
            inputs:
              - id: customer
                type: STRING
            tasks:
              - id: wait_for_approval
                type: io.kestra.plugin.core.flow.Pause
              - id: approved
                type: io.kestra.plugin.core.log.Log
                message: approved
            """;

    private static final String STAGES =
            """
              - on: RUNNING
                blocks:
                  - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                    content: Working on it
              - on: SUCCESS
                blocks:
                  - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                    content: Done
                  - type: io.kestra.plugin.ee.apps.execution.blocks.Inputs
              - on: FAILURE
                blocks:
                  - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                    content: Failed
            """;

    private static final String FORM =
            """
            layout:
              - on: OPEN
                blocks:
                  - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionForm
                  - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionButton
                    text: Submit
            """;

    private FaultSite() {}

    /** Writes the apps and flows under {@code work} and compiles them into {@code work/site}. */
    static Path build(Path work, AuthMode auth) throws IOException {
        Path apps = Files.createDirectories(work.resolve("apps"));
        Files.writeString(apps.resolve("order.yaml"), app("order") + FORM + STAGES);
        Files.writeString(
                apps.resolve("approval.yaml"),
                app("approval")
                        + FORM
                        + """
                          - on: PAUSE
                            blocks:
                              - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                                content: Waiting for approval
                              - type: io.kestra.plugin.ee.apps.execution.blocks.ResumeExecutionButton
                                text: Approve
                        """
                        + STAGES);
        Path flows = flows(work);
        Path site = work.resolve("site");
        CompileResult result =
                new AppCompiler()
                        .compile(
                                CompileOptions.builder()
                                        .appsDirectory(apps)
                                        .flowsDirectory(flows)
                                        .outputDirectory(site)
                                        .auth(auth)
                                        .build());
        assertThat(result.hasErrors()).as("problems: %s", result.problems()).isFalse();
        return site;
    }

    static Path flows(Path work) throws IOException {
        Path flows = Files.createDirectories(work.resolve("flows"));
        Files.writeString(flows.resolve("order.yaml"), ORDER_FLOW);
        Files.writeString(flows.resolve("approval.yaml"), APPROVAL_FLOW);
        return flows;
    }

    private static String app(String id) {
        return "id: "
                + id
                + "\ntype: io.kestra.plugin.ee.apps.Execution\nnamespace: "
                + NAMESPACE
                + "\nflowId: "
                + id
                + "\n";
    }
}
