package dev.flowfront.generator.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.definition.TaskDefinition;
import dev.flowfront.generator.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowLoaderTest {

    @TempDir Path folder;

    private final ProblemCollector problems = new ProblemCollector();

    private FlowDefinition load(String yaml) throws IOException {
        Path file = folder.resolve("flow.yaml");
        Files.writeString(file, yaml);
        return new FlowLoader(new YamlReader(), problems).load(SourceFile.of(file)).orElseThrow();
    }

    @Test
    void readsTasksInsideDagItems() throws IOException {
        FlowDefinition flow =
                load(
                        """
                        id: dag_flow
                        namespace: company.team
                        tasks:
                          - id: dag
                            type: io.kestra.plugin.core.flow.Dag
                            tasks:
                              - task:
                                  id: first
                                  type: io.kestra.plugin.core.log.Log
                                  message: one
                              - task:
                                  id: second
                                  type: io.kestra.plugin.core.log.Log
                                  message: two
                                dependsOn:
                                  - first
                        """);

        assertThat(flow.allTasks().map(TaskDefinition::id))
                .containsExactly("dag", "first", "second");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void readsSwitchDefaultsAsBranch() throws IOException {
        FlowDefinition flow =
                load(
                        """
                        id: switch_flow
                        namespace: company.team
                        tasks:
                          - id: route
                            type: io.kestra.plugin.core.flow.Switch
                            value: "{{ inputs.kind }}"
                            cases:
                              A:
                                - id: on_a
                                  type: io.kestra.plugin.core.log.Log
                                  message: a
                            defaults:
                              - id: otherwise
                                type: io.kestra.plugin.core.log.Log
                                message: other
                        """);

        TaskDefinition route = flow.task("route").orElseThrow();
        assertThat(route.branches()).containsOnlyKeys("cases.A", "defaults");
        assertThat(flow.task("otherwise")).isPresent();
        assertThat(problems.sorted()).isEmpty();
    }
}
