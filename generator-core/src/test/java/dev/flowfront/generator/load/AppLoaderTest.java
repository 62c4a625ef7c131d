package dev.flowfront.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowfront.generator.api.Problem;
import dev.flowfront.generator.api.ProblemCollector;
import dev.flowfront.generator.definition.Access;
import dev.flowfront.generator.definition.AppDefinition;
import dev.flowfront.generator.definition.BlockType;
import dev.flowfront.generator.definition.Stage;
import dev.flowfront.generator.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLoaderTest {

    @TempDir Path folder;

    private final ProblemCollector problems = new ProblemCollector();

    private Optional<AppDefinition> load(String yaml) throws IOException {
        Path file = folder.resolve("app.yaml");
        Files.writeString(file, yaml);
        return new AppLoader(new YamlReader(), problems).load(SourceFile.of(file));
    }

    @Test
    void keepsStagesInYamlOrderWithOnKeyAsString() throws IOException {
        AppDefinition app =
                load("""
                                id: hello
                                type: io.kestra.plugin.ee.apps.Execution
                                namespace: company.team
                                flowId: myflow
                                access: PUBLIC
                                layout:
                                  - on: SUCCESS
                                    blocks:
                                      - type: io.kestra.plugin.ee.apps.core.blocks.Markdown
                                        content: done
                                  - on: OPEN
                                    blocks:
                                      - type: io.kestra.plugin.ee.apps.execution.blocks.CreateExecutionForm
                                """)
                        .orElseThrow();

        assertThat(app.layout())
                .extracting(stage -> stage.stage())
                .containsExactly(Stage.SUCCESS, Stage.OPEN);
        assertThat(app.access().type()).isEqualTo(Access.Type.PUBLIC);
        assertThat(app.defaultLayout()).isFalse();
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void givesKestraDefaultLayoutWhenLayoutIsMissing() throws IOException {
        AppDefinition app =
                load("""
                                id: hello
                                type: io.kestra.plugin.ee.apps.Execution
                                namespace: company.team
                                flowId: myflow
                                """)
                        .orElseThrow();

        assertThat(app.defaultLayout()).isTrue();
        assertThat(app.stage(Stage.OPEN).orElseThrow().blocks())
                .extracting(block -> block.type())
                .containsExactly(
                        BlockType.CREATE_EXECUTION_FORM, BlockType.CREATE_EXECUTION_BUTTON);
        assertThat(app.stage(Stage.CREATED)).isPresent();
    }

    @Test
    void reportsUnknownBlockTypeWithLocationAndSuggestion() throws IOException {
        load(
                """
                id: hello
                type: io.kestra.plugin.ee.apps.Execution
                namespace: company.team
                flowId: myflow
                layout:
                  - on: OPEN
                    blocks:
                      - type: io.kestra.plugin.ee.apps.core.blocks.Markdwon
                """);

        Problem problem = problems.sorted().get(0);
        assertThat(problem.isError()).isTrue();
        assertThat(problem.location().file()).endsWith("app.yaml");
        assertThat(problem.location().line()).isEqualTo(8);
        assertThat(problem.location().column()).isEqualTo(15);
        assertThat(problem.message()).contains("Markdwon").contains("stage 'OPEN', block 1");
        assertThat(problem.hint()).contains("io.kestra.plugin.ee.apps.core.blocks.Markdown");
    }

    @Test
    void mapsDeprecatedBlockNameWithWarning() throws IOException {
        AppDefinition app =
                load("""
                                id: hello
                                type: io.kestra.plugin.ee.apps.Execution
                                namespace: company.team
                                flowId: myflow
                                layout:
                                  - on: RUNNING
                                    blocks:
                                      - type: io.kestra.ee.apps.blocks.ExecutionLogs
                                """)
                        .orElseThrow();

        assertThat(app.stage(Stage.RUNNING).orElseThrow().blocks().get(0).type())
                .isEqualTo(BlockType.LOGS);
        Problem problem = problems.sorted().get(0);
        assertThat(problem.isError()).isFalse();
        assertThat(problem.location().line()).isEqualTo(8);
        assertThat(problem.hint()).contains("io.kestra.plugin.ee.apps.execution.blocks.Logs");
    }

    @Test
    void reportsYamlSyntaxErrorWithLineAndColumn() throws IOException {
        Optional<AppDefinition> app =
                load(
                        """
                        id: hello
                        type: io.kestra.plugin.ee.apps.Execution
                        namespace: [company.team
                        flowId: myflow
                        """);

        assertThat(app).isEmpty();
        assertThat(problems.sorted()).hasSize(1);
        Problem problem = problems.sorted().get(0);
        assertThat(problem.location().line()).isEqualTo(4);
        assertThat(problem.location().column()).isPositive();
        assertThat(problem.message()).startsWith("invalid YAML");
    }

    @Test
    void rejectsAliasWithLocation() throws IOException {
        Optional<AppDefinition> app =
                load(
                        """
                        id: &name hello
                        type: io.kestra.plugin.ee.apps.Execution
                        namespace: company.team
                        flowId: *name
                        """);

        assertThat(app).isEmpty();
        Problem problem = problems.sorted().get(0);
        assertThat(problem.location().line()).isEqualTo(4);
        assertThat(problem.message()).contains("alias");
    }

    @Test
    void readsEveryCorpusAppWithoutError() {
        String corpus = System.getProperty("flowfront.corpus", "");
        assumeTrue(!corpus.isBlank(), "set -Dflowfront.corpus to read the real apps");
        AppLoader loader = new AppLoader(new YamlReader(), problems);

        List<AppDefinition> apps =
                SourceFile.listYaml(List.of(Path.of(corpus, "apps"))).stream()
                        .map(loader::load)
                        .flatMap(Optional::stream)
                        .toList();

        assertThat(apps).hasSize(7);
        assertThat(problems.hasErrors()).as("%s", problems.sorted()).isFalse();
        AppDefinition approval =
                apps.stream()
                        .filter(app -> app.id().equals("compute_resources_approval"))
                        .findFirst()
                        .orElseThrow();
        assertThat(approval.layout()).hasSize(8);
        assertThat(approval.access().type()).isEqualTo(Access.Type.PRIVATE);
    }
}
