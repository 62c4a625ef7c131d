package dev.flowfront.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.api.Severity;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.load.AppLoader;
import dev.flowfront.generator.load.FlowLoader;
import dev.flowfront.generator.load.SourceFile;
import dev.flowfront.generator.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes app and flow YAML into a folder, loads it with the real loaders and runs the validator.
 * Files are shown as {@code apps/<name>} and {@code flows/<name>} in problems.
 */
final class ValidatorFixture {

    /** A flow with a Pause task, a nested task and choice inputs, in namespace company.team. */
    static final String FLOW =
            """
            id: myflow
            namespace: company.team
            inputs:
              - id: resource_type
                type: SELECT
                values: ["Access permissions", "SaaS applications", "Cloud VM"]
              - id: provider
                type: SELECT
                values: ["AWS", "GCP"]
                dependsOn:
                  inputs:
                    - resource_type
                  condition: "{{ inputs.resource_type equals 'Cloud VM' }}"
            tasks:
              - id: fetch_data
                type: io.kestra.plugin.core.http.Download
                uri: https://example.com/data.csv
              - id: parallel
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: nested_log
                    type: io.kestra.plugin.core.log.Log
                    message: hi
              - id: wait_for_approval
                type: io.kestra.plugin.core.flow.Pause
                onResume:
                  - id: approved
                    type: BOOL
            """;

    /** The start of an app of myflow, to which a test appends its {@code layout}. */
    static final String APP_HEADER =
            """
            id: my_app
            type: io.kestra.plugin.ee.apps.Execution
            namespace: company.team
            flowId: myflow
            """;

    private final Path folder;
    private final ProblemCollector loadProblems = new ProblemCollector();
    private final List<AppDefinition> apps = new ArrayList<>();
    private final List<FlowDefinition> flows = new ArrayList<>();

    ValidatorFixture(Path folder) {
        this.folder = folder;
    }

    ValidatorFixture app(String name, String yaml) {
        SourceFile file = write("apps/" + name, yaml);
        apps.add(new AppLoader(new YamlReader(), loadProblems).load(file).orElseThrow());
        return this;
    }

    ValidatorFixture flow(String name, String yaml) {
        SourceFile file = write("flows/" + name, yaml);
        flows.add(new FlowLoader(new YamlReader(), loadProblems).load(file).orElseThrow());
        return this;
    }

    /**
     * Validates what was loaded and returns the validator's problems, sorted. A flow that no app
     * uses gets a Markdown-only app, because the validator checks only the flows of the site.
     */
    List<Problem> validate() {
        for (FlowDefinition flow : List.copyOf(flows)) {
            if (apps.stream().noneMatch(app -> app.flowKey().equals(flow.qualifiedId()))) {
                app(
                        "uses_" + flow.id() + ".yaml",
                        """
                        id: uses_%s
                        type: io.kestra.plugin.ee.apps.Execution
                        namespace: %s
                        flowId: %s
                        layout:
                          - on: OPEN
                            blocks:
                              - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                                content: Start
                        """
                                .formatted(flow.id(), flow.namespace(), flow.id()));
            }
        }
        assertThat(loadProblems.sorted()).as("problems of the loaders").noneMatch(Problem::isError);
        ProblemCollector problems = new ProblemCollector();
        new SiteValidator().validate(apps, flows, problems);
        return problems.sorted();
    }

    /** Validates and returns the one problem of the given severity, failing if there are others. */
    Problem single(Severity severity) {
        List<Problem> problems = validate();
        assertThat(problems).as("problems").hasSize(1);
        assertThat(problems.get(0).severity())
                .as("severity of %s", problems.get(0))
                .isEqualTo(severity);
        return problems.get(0);
    }

    private SourceFile write(String relative, String yaml) {
        Path path = folder.resolve(relative);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, yaml);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write fixture " + path, e);
        }
        return new SourceFile(path, relative);
    }
}
