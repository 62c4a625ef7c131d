package dev.flowfront.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.FlowDefinition;
import dev.flowfront.generator.definition.InputDefinition;
import dev.flowfront.generator.definition.InputType;
import dev.flowfront.generator.definition.TaskDefinition;
import dev.flowfront.generator.yaml.YamlReader;
import dev.flowfront.generator.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void readsNestedTasksAndPauseInputs() throws IOException {
        FlowDefinition flow =
                load(
                        """
                        id: nested
                        namespace: company.team
                        tasks:
                          - id: branch
                            type: io.kestra.plugin.core.flow.If
                            condition: "{{ true }}"
                            then:
                              - id: inner
                                type: io.kestra.plugin.core.flow.Switch
                                value: a
                                cases:
                                  a:
                                    - id: approve
                                      type: io.kestra.plugin.core.flow.Pause
                                      onResume:
                                        - id: ok
                                          type: BOOL
                                          defaults: true
                            else:
                              - id: other
                                type: io.kestra.plugin.core.log.Log
                                message: no
                        errors:
                          - id: on_error
                            type: io.kestra.plugin.core.log.Log
                            message: failed
                        finally:
                          - id: cleanup
                            type: io.kestra.plugin.core.log.Log
                            message: done
                        """);

        assertThat(flow.allTasks().map(TaskDefinition::id))
                .containsExactly("branch", "inner", "approve", "other", "on_error", "cleanup");
        assertThat(flow.pauseTasks()).extracting(TaskDefinition::id).containsExactly("approve");
        InputDefinition ok = flow.pauseTasks().get(0).onResume().get(0);
        assertThat(ok.type()).isEqualTo(InputType.BOOL);
        assertThat(((YamlScalar) ok.defaults()).asBoolean()).isTrue();
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void keepsUnquotedDateDefaultAsText() throws IOException {
        FlowDefinition flow =
                load(
                        """
                        id: dates
                        namespace: company.team
                        inputs:
                          - id: startDate
                            type: DATE
                            defaults: 2024-12-03
                        tasks: []
                        """);

        assertThat(((YamlScalar) flow.inputs().get(0).defaults()).text()).isEqualTo("2024-12-03");
    }

    @Test
    void reportsUnknownInputTypeWithSuggestion() throws IOException {
        load(
                """
                id: typo
                namespace: company.team
                inputs:
                  - id: when
                    type: DATETME
                tasks: []
                """);

        assertThat(problems.sorted()).hasSize(1);
        assertThat(problems.sorted().get(0).location().line()).isEqualTo(5);
        assertThat(problems.sorted().get(0).location().column()).isEqualTo(11);
        assertThat(problems.sorted().get(0).hint()).startsWith("Did you mean 'DATETIME'?");
    }

    @Test
    void readsEveryCorpusFlowWithoutError() {
        String corpus = System.getProperty("flowfront.corpus", "");
        assumeTrue(!corpus.isBlank(), "set -Dflowfront.corpus to read the real flows");
        FlowLoader loader = new FlowLoader(new YamlReader(), problems);

        List<FlowDefinition> flows =
                SourceFile.listYaml(List.of(Path.of(corpus, "flows"))).stream()
                        .map(loader::load)
                        .flatMap(java.util.Optional::stream)
                        .toList();

        assertThat(flows).hasSize(6);
        assertThat(problems.hasErrors()).as("%s", problems.sorted()).isFalse();
        FlowDefinition vacation =
                flows.stream()
                        .filter(flow -> flow.id().equals("vacation"))
                        .findFirst()
                        .orElseThrow();
        assertThat(vacation.inputs()).extracting(InputDefinition::id).contains("request.name");
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
